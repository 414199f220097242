/**
 * Keyboard-wedge scan detection as a pure state machine: keystrokes in, decisions out.
 * A scanner "types" a whole code in a burst and ends it with a suffix (Enter by default); a person
 * types slower and less evenly. Fast USB scanners leave a few milliseconds between keys, slow and
 * wireless ones 30–100 ms with jitter, as fast as a quick typist. So a burst is judged whole, when
 * it ends, by its pace and by where a person could be typing:
 *
 * - keys at most `maxGapMs` apart (or as far apart as this scanner's scans have been) are held
 *   from the page until the burst is judged; the first key cannot be told from typing, so it
 *   reaches the page ("leaks") and the DOM layer takes it back when the burst is a scan;
 * - a gap up to `slowGapMs` does not end a burst: a slow scanner's scan stays one scan, never
 *   two fragments. Where no text field has the focus nobody is typing, and such a burst that ends
 *   with the suffix is a scan; in a text field its keys go to the field as they come, and it is a
 *   scan only at a pace this scanner has shown;
 * - the suffix of a scan is the scanner's, however short the code (a box label K2): it never
 *   presses the focused button; `minLength` is for bursts judged by their pace alone;
 * - a burst at a scanner's pace that stops without its suffix was cut off: it is "not read", the
 *   packer is told to scan again, and nothing of it is sent or left in a field. So is whatever
 *   follows it too soon to be a new scan (the rest of a scan split by a stall).
 */

export const GS = '\x1D';

export interface GsSubstitute {
  key: string;
  ctrl: boolean;
}

export interface WedgeConfig {
  /** Keys at most this far apart (ms) are a scanner's: held from the page until the burst is judged. */
  maxGapMs: number;
  /** Longest gap (ms) of a slow scanner: a longer one ends the burst. */
  slowGapMs: number;
  /**
   * Shortest code (without prefix and suffix) taken as a scan, or as a scan cut off, by its pace
   * alone. A shorter one ended by the suffix at a scanner's pace is a scan too (box codes like K2).
   */
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
  slowGapMs: 150,
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
  /** A text field has the focus: a person may be typing into it. */
  intoField?: boolean;
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
  /** A scan that was cut off: nothing is sent, and the packer must be told to scan again. */
  notRead?: boolean;
  /** How many characters of the scan (or of the scan not read) reached the page: take them back. */
  leaked?: number;
}

/**
 * After a burst at a scanner's pace broke off, a burst that starts this soon is the rest of it,
 * not a new scan: a packer cannot hear the alarm, aim and scan again this fast.
 */
export const BROKEN_TAIL_MS = 500;

const PASS: WedgeDecision = { consume: false };
const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock']);

/** How a burst's keys came: within maxGapMs, at the pace this scanner has shown, or only within slowGapMs. */
type Pace = 'fast' | 'learned' | 'slow';

/** One completed scan's pace: its longest and its typical (median) gap between keys, in ms. */
export interface ScanPace {
  longest: number;
  median: number;
}

/** What a detector has learned of its scanner: the pace of its latest scans, oldest first. */
export type LearnedPace = readonly ScanPace[];

/** How many of the latest scans the pace is learned from. */
export const PACE_SCANS_KEPT = 8;

/** A scanner's pace learned from its own completed scans: the longest and the typical gap of each. */
class ScannerPace {
  /** Fewer gaps say too little about a scanner's pace. */
  private static readonly MIN_GAPS = 4;
  private scans: ScanPace[] = [];

  /** Returns whether the scan taught anything (it had enough gaps to). */
  learn(gaps: readonly number[]): boolean {
    if (gaps.length < ScannerPace.MIN_GAPS) return false;
    this.scans.push({ longest: Math.max(...gaps), median: median(gaps) });
    if (this.scans.length > PACE_SCANS_KEPT) this.scans.shift();
    return true;
  }

  learned(): LearnedPace {
    return this.scans.map((scan) => ({ ...scan }));
  }

  /** What was learned before (another page of this station), then what this page learned since. */
  restore(earlier: LearnedPace): void {
    this.scans = [...earlier.map((scan) => ({ ...scan })), ...this.scans].slice(-PACE_SCANS_KEPT);
  }

  /** The longest gap to expect from this scanner, with room for its jitter; 0 before its first scan. */
  limit(): number {
    if (this.scans.length === 0) return 0;
    return Math.max(...this.scans.map((s) => s.longest)) * 1.25 + 10;
  }

  /** Gaps as even as this scanner's own: none beyond its limit, the typical one not slower than its. */
  fits(gaps: readonly number[], limit: number): boolean {
    if (this.scans.length === 0 || gaps.length === 0 || Math.max(...gaps) > limit) return false;
    return median(gaps) <= median(this.scans.map((s) => s.median)) * 1.5 + 5;
  }
}

export class WedgeDetector {
  /** Characters of the current burst (prefix included while it is being matched). */
  private chars: string[] = [];
  /** The gap before each character of the burst after its first. */
  private gaps: number[] = [];
  /** How many leading characters of the burst reached the page; the rest are held. */
  private leaked = 0;
  /** A text field had the focus during the burst. */
  private intoField = false;
  /** The burst began right after one that broke off: it is that scan's rest. */
  private tail = false;
  private lastTime = Number.NEGATIVE_INFINITY;
  /** The last key of the latest burst that broke off at a scanner's pace, and whether the packer was told. */
  private broken: { at: number; told: boolean } | null = null;
  private readonly pace = new ScannerPace();
  /** Told whenever a scan taught the detector more of its scanner's pace (to keep it across reloads). */
  onLearned: ((pace: LearnedPace) => void) | null = null;

  constructor(private readonly config: WedgeConfig = DEFAULT_WEDGE_CONFIG) {}

  /** The scanner's pace learned so far. */
  learnedPace(): LearnedPace {
    return this.pace.learned();
  }

  /** Starts from a pace learned before (kept by scanner/pace.ts); what was learned since is kept too. */
  restorePace(pace: LearnedPace): void {
    this.pace.restore(pace);
  }

  feed(stroke: KeyStroke): WedgeDecision {
    if (MODIFIER_KEYS.has(stroke.key)) return PASS;
    const gap = stroke.time - this.lastTime;
    // The burst before this key ran out (a timer can fire late): judge it before this key.
    const ended = this.chars.length > 0 && gap > this.endGap() ? this.end() : null;
    this.lastTime = stroke.time;
    const decision = this.chars.length === 0 ? this.start(stroke) : this.continue(stroke, gap);
    return ended ? { ...ended, ...decision, release: ended.release } : decision;
  }

  /**
   * Time has passed since the last key. Returns what the DOM layer must do: give held keys to
   * the page, report a scan (scanners without a suffix), or tell that a scan was not read.
   */
  expire(now: number): WedgeDecision | null {
    if (this.chars.length === 0) return null;
    const idle = now - this.lastTime;
    if (idle > this.endGap()) return this.end();
    if (idle > this.holdGap() && this.leaked < this.chars.length) {
      // Not a scanner at the pace we know: what was held goes to the field now, and the burst goes on.
      return { consume: false, release: this.releaseHeld() };
    }
    return null;
  }

  /** When `expire` may next have something to do, on the clock of `KeyStroke.time`; null when nothing waits. */
  nextCheck(): number | null {
    if (this.chars.length === 0) return null;
    return this.lastTime + (this.leaked < this.chars.length ? this.holdGap() : this.endGap());
  }

  reset(): void {
    this.clear();
    this.lastTime = Number.NEGATIVE_INFINITY;
    this.broken = null;
  }

  private start(stroke: KeyStroke): WedgeDecision {
    const broken = this.broken !== null && stroke.time - this.broken.at <= BROKEN_TAIL_MS ? this.broken : null;
    if (broken && this.isSuffix(stroke)) {
      // The suffix of a scan that broke off just before: it ends that scan, it presses nothing.
      this.broken = null;
      return broken.told ? { consume: true } : { consume: true, notRead: true, leaked: 0 };
    }
    const char = this.charOf(stroke);
    if (char === null) return PASS;
    const { prefix } = this.config;
    // With a prefix configured, only the prefix starts a burst; it is never typing, so it never leaks.
    const isPrefixStart = prefix !== '' && char === prefix[0];
    if (prefix !== '' && !isPrefixStart) return PASS;
    this.chars = [char];
    this.gaps = [];
    this.leaked = isPrefixStart ? 0 : 1;
    this.intoField = stroke.intoField ?? false;
    this.tail = broken !== null;
    this.broken = null;
    return isPrefixStart ? { consume: true } : { consume: false, burstStart: true };
  }

  private continue(stroke: KeyStroke, gap: number): WedgeDecision {
    if (stroke.intoField) this.intoField = true;
    if (this.isSuffix(stroke)) return this.finish(gap);
    const char = this.charOf(stroke);
    // Arrows, Backspace, shortcuts, or not the scanner's prefix: the burst was typing after all.
    if (char === null || !this.prefixStillPossible([...this.chars, char].join(''))) return withRelease(PASS, this.abandon());
    this.chars.push(char);
    this.gaps.push(gap);
    // Nobody types where no field has the focus: hold the key whatever its pace.
    if (gap <= this.holdGap() || !this.intoField) return { consume: true };
    // Slower than a scanner we know, into a field: the key, and those held before it, go to the
    // field now. The burst goes on, and a scan can still take them back.
    const held = this.chars.slice(this.leaked, -1).join('');
    this.leaked = this.chars.length;
    return withRelease(PASS, held);
  }

  /** The burst's suffix key: a scan, the end of a scan that broke off, or a key of typing. */
  private finish(gap: number): WedgeDecision {
    const gaps = [...this.gaps, gap];
    const pace = this.paceOf(gaps);
    const scannerPaced = !this.intoField || pace !== 'slow';
    if (this.tail && scannerPaced) return this.notRead(true);
    const code = this.code();
    if (code !== null && scannerPaced && this.longEnough(code, pace)) {
      this.learn(gaps);
      const leaked = this.leaked;
      this.clear();
      return { consume: true, scan: code, leaked };
    }
    // Not a scan: the suffix is an ordinary key press (Enter in a form).
    return withRelease(PASS, this.abandon());
  }

  /**
   * Whether a burst that ended with the suffix at a scanner's pace is long enough to be a scan.
   * A code is whatever a shop prints (a box label K2), so the suffix at that pace is enough where
   * nobody types. In a text field a short burst may be a count or a PIN: it must also come at a
   * pace no person reaches, over at least two keys.
   */
  private longEnough(code: string, pace: Pace): boolean {
    if (code.length >= this.config.minLength) return true;
    return this.intoField ? pace === 'fast' && code.length >= 2 : code.length >= 1;
  }

  /** The gap after the burst's last key has run out. */
  private end(): WedgeDecision | null {
    const code = this.code();
    const pace = this.paceOf(this.gaps);
    if (this.config.suffix === '') {
      // A scanner without a suffix ends its scans by falling silent; every gap was within holdGap.
      if (code !== null && code.length >= this.config.minLength) {
        this.learn(this.gaps);
        const leaked = this.leaked;
        this.clear();
        return { consume: true, scan: code, leaked };
      }
    } else if (this.gaps.length > 0) {
      // In a field only a pace no person reaches counts as a scanner's: a quick typist who
      // stops to think must keep what they typed.
      const scannerPaced = this.intoField ? pace === 'fast' : true;
      if (scannerPaced && (this.tail || this.chars.length >= this.config.minLength)) return this.notRead(false);
      // Too short to tell: typing, or a few keys where nobody types. Should the rest of a scan
      // follow at once, it is not read either.
      if (!this.intoField) this.broken = { at: this.lastTime, told: false };
    }
    const released = this.abandon();
    return released ? { consume: false, release: released } : null;
  }

  private learn(gaps: readonly number[]): void {
    if (this.pace.learn(gaps)) this.onLearned?.(this.pace.learned());
  }

  private notRead(consume: boolean): WedgeDecision {
    const leaked = this.leaked;
    // Its suffix may still come; a suffix ends what broke, so nothing waits after one.
    this.broken = consume ? null : { at: this.lastTime, told: true };
    this.clear();
    return { consume, notRead: true, leaked };
  }

  private paceOf(gaps: readonly number[]): Pace {
    if (gaps.length === 0 || Math.max(...gaps) <= this.config.maxGapMs) return 'fast';
    return this.pace.fits(gaps, this.holdGap()) ? 'learned' : 'slow';
  }

  /** Keys this close are held from the page: the configured gap, or the pace this scanner has shown. */
  private holdGap(): number {
    return Math.min(Math.max(this.config.maxGapMs, this.pace.limit()), this.slowGap());
  }

  private slowGap(): number {
    return Math.max(this.config.slowGapMs, this.config.maxGapMs);
  }

  /** A gap this long ends a burst: a scanner without a suffix ends its scans by falling silent. */
  private endGap(): number {
    return this.config.suffix === '' ? this.holdGap() : this.slowGap();
  }

  /** The code without the scanner's prefix, or null when the burst does not start with it. */
  private code(): string | null {
    const burst = this.chars.join('');
    const { prefix } = this.config;
    return burst.startsWith(prefix) ? burst.slice(prefix.length) : null;
  }

  /** Ends the burst as typing; returns the characters that were kept from the page. */
  private abandon(): string {
    const held = this.releaseHeld();
    this.clear();
    return held;
  }

  private releaseHeld(): string {
    const held = this.chars.slice(this.leaked).join('');
    this.leaked = this.chars.length;
    return held;
  }

  private clear(): void {
    this.chars = [];
    this.gaps = [];
    this.leaked = 0;
    this.intoField = false;
    this.tail = false;
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

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function withRelease(decision: WedgeDecision, released: string): WedgeDecision {
  return released ? { ...decision, release: released } : decision;
}
