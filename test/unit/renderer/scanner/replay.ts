import type { WedgeDecision, WedgeDetector } from '../../../../renderer/scanner/wedge';
import type { RecordedKey, Recording } from './recordings';

/** What the page saw of a replayed key log, as the DOM layer (scanner/listener.ts) would apply it. */
export interface Replayed {
  scans: string[];
  /** How many times the packer was told a scan was not read. */
  notRead: number;
  /** The focused text field's value at the end ('' when no field had the focus). */
  field: string;
  /** Keys that reached the page, in order: the field's characters and keys like Enter. */
  passed: string[];
}

export interface ReplayOptions {
  /** A text field has the focus, holding `field` to begin with. */
  intoField?: boolean;
  field?: string;
  /** Moves the whole log in time (to replay one after another on one detector). */
  shift?: number;
}

/**
 * Feeds a key log to the detector with the listener's timer in between: whenever the detector asks
 * to be woken (nextCheck) before the next key is due, it is woken 5 ms after, as setTimeout would.
 * After the last key the timers run out too.
 */
export function replay(detector: WedgeDetector, recording: Recording | readonly RecordedKey[], options: ReplayOptions = {}): Replayed {
  const keys: readonly RecordedKey[] = isLog(recording) ? recording : recording.keys;
  const { intoField = false, shift = 0 } = options;
  const page: Replayed = { scans: [], notRead: 0, field: options.field ?? '', passed: [] };
  let snapshot: string | null = null;

  const apply = (d: WedgeDecision): void => {
    if (d.release && intoField) page.field += d.release;
    if (d.scan !== undefined || d.notRead) {
      if (d.leaked && snapshot !== null) page.field = snapshot;
      snapshot = null;
      if (d.scan !== undefined) page.scans.push(d.scan);
      else page.notRead++;
    }
    if (d.burstStart) snapshot = intoField ? page.field : null;
  };
  const runTimers = (until: number): void => {
    for (let next = detector.nextCheck(); next !== null && next + 5 < until; next = detector.nextCheck()) {
      const d = detector.expire(next + 5);
      if (d) apply(d);
    }
  };

  for (const [key, at, modifier] of keys) {
    const time = at + shift;
    runTimers(time);
    const d = detector.feed({ key, ctrlKey: modifier === 'ctrl', altKey: false, metaKey: false, time, intoField });
    apply(d);
    if (!d.consume && key !== 'Shift') {
      page.passed.push(key);
      if (intoField && key.length === 1) page.field += key;
    }
  }
  runTimers(Number.POSITIVE_INFINITY);
  return page;
}

/** The time of a log's last key, to start the next one after it. */
export function endOf(recording: Recording): number {
  return recording.keys.at(-1)![1];
}

function isLog(recording: Recording | readonly RecordedKey[]): recording is readonly RecordedKey[] {
  return Array.isArray(recording);
}
