/**
 * Keyboard-wedge scan detection as a pure state machine: keystrokes in, decisions out.
 * A scanner "types" a whole code in a burst with a few milliseconds between keys and ends it
 * with a suffix (Enter by default); a person types far slower. The first key of a burst cannot
 * be told from typing, so it reaches the page ("leaks") and the DOM layer takes it back when the
 * burst turns out to be a scan; every later key of a fast burst is held until we know.
 */

export const GS = '\x1D';

export interface GsSubstitute {
  key: string;
  ctrl: boolean;
}

export interface WedgeConfig {
  /** Longest gap between two keys of one scan, in milliseconds. */
  maxGapMs: number;
  /** Shortest code (without prefix and suffix) that counts as a scan. */
  minLength: number;
  /** Characters the scanner sends before each code; '' for none. */
  prefix: string;
  /** Key that ends a scan ('Enter', 'Tab' or a character); '' when the scanner sends none. */
  suffix: string;
  /** The key the scanner sends instead of the GS separator (0x1D), or null. */
  gsSubstitute: GsSubstitute | null;
}

export const DEFAULT_WEDGE_CONFIG: WedgeConfig = {
  maxGapMs: 50,
  minLength: 4,
  prefix: '',
  suffix: 'Enter',
  gsSubstitute: { key: ']', ctrl: true },
};

export interface KeyStroke {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** Milliseconds on a monotonic clock (event.timeStamp). */
  time: number;
}

export interface WedgeDecision {
  /** Stop the key from reaching the page (preventDefault + stopPropagation). */
  consume: boolean;
  /** This key may be the first of a burst: remember the focused field as it is now. */
  burstStart?: boolean;
  /** Held keys that turned out to be typing: give them to the focused field, in order, now. */
  release?: string;
  /** A complete scan. */
  scan?: string;
  /** How many characters of the scan reached the page before it was recognised. */
  leaked?: number;
}

const PASS: WedgeDecision = { consume: false };
const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock']);

export class WedgeDetector {
  /** Characters of the current burst (prefix included while it is being matched). */
  private burst = '';
  /** How many leading characters of the burst reached the page. */
  private leaked = 0;
  private lastTime = Number.NEGATIVE_INFINITY;

  constructor(private readonly config: WedgeConfig = DEFAULT_WEDGE_CONFIG) {}

  feed(stroke: KeyStroke): WedgeDecision {
    if (MODIFIER_KEYS.has(stroke.key)) return PASS;
    const char = this.charOf(stroke);
    const fast = stroke.time - this.lastTime <= this.config.maxGapMs;
    this.lastTime = stroke.time;

    if (!fast) {
      const released = this.releaseHeld();
      if (char === null) return withRelease(PASS, released);
      // A lone first key always reaches the page, except a configured prefix, which is never typing.
      const isPrefixStart = this.config.prefix !== '' && char === this.config.prefix[0];
      this.burst = char;
      this.leaked = isPrefixStart ? 0 : 1;
      return withRelease(isPrefixStart ? { consume: true } : { consume: false, burstStart: true }, released);
    }

    if (this.isSuffix(stroke)) return this.finish();
    if (char === null) {
      // Arrows, Backspace, shortcuts: the burst was typing after all.
      return withRelease(PASS, this.releaseHeld());
    }
    if (!this.prefixStillPossible(this.burst + char)) {
      // Not the scanner's prefix: what was held is typing, and so is this key.
      return withRelease(PASS, this.releaseHeld());
    }
    this.burst += char;
    return { consume: true };
  }

  /**
   * The gap after the last key has run out. Returns what the DOM layer must do: release held
   * typing, or (for scanners without a suffix) report the scan.
   */
  expire(now: number): WedgeDecision | null {
    if (this.burst === '' || now - this.lastTime <= this.config.maxGapMs) return null;
    if (this.config.suffix === '') {
      const done = this.finish();
      return done.scan !== undefined || done.release !== undefined ? done : null;
    }
    const released = this.releaseHeld();
    return released ? { consume: false, release: released } : null;
  }

  reset(): void {
    this.burst = '';
    this.leaked = 0;
    this.lastTime = Number.NEGATIVE_INFINITY;
  }

  private finish(): WedgeDecision {
    const { prefix, minLength } = this.config;
    const code = this.burst.startsWith(prefix) ? this.burst.slice(prefix.length) : null;
    if (code !== null && code.length >= minLength) {
      const leaked = this.leaked;
      this.burst = '';
      this.leaked = 0;
      return { consume: true, scan: code, leaked };
    }
    // Too short to be a scan: the suffix is an ordinary key press (Enter in a form).
    return withRelease(PASS, this.releaseHeld());
  }

  /** Ends the burst as typing; returns the characters that were kept from the page. */
  private releaseHeld(): string {
    const held = this.burst.slice(this.leaked);
    this.burst = '';
    this.leaked = 0;
    return held;
  }

  private prefixStillPossible(burst: string): boolean {
    const { prefix } = this.config;
    if (prefix === '') return true;
    const n = Math.min(prefix.length, burst.length);
    return burst.slice(0, n) === prefix.slice(0, n);
  }

  private isSuffix(stroke: KeyStroke): boolean {
    const { suffix } = this.config;
    return suffix !== '' && stroke.key === suffix && !stroke.ctrlKey && !stroke.altKey && !stroke.metaKey;
  }

  /** The character a keystroke adds to a code, or null for keys that are not part of one. */
  private charOf(stroke: KeyStroke): string | null {
    const gs = this.config.gsSubstitute;
    if (gs && stroke.key === gs.key && stroke.ctrlKey === gs.ctrl && !stroke.altKey && !stroke.metaKey) return GS;
    if (stroke.key === GS) return GS;
    if (stroke.ctrlKey || stroke.altKey || stroke.metaKey) return null;
    return stroke.key.length === 1 ? stroke.key : null;
  }
}

function withRelease(decision: WedgeDecision, released: string): WedgeDecision {
  return released ? { ...decision, release: released } : decision;
}
