import type { KeyScanner } from '../keyboard/router';
import { keepPace } from './pace';
import { focusedTextField, insertIntoFocusedField, restoreField, snapshotFocusedField, type FieldSnapshot } from './field';
import { markKeyEnd } from './timing';
import { WedgeDetector, type WedgeConfig, type WedgeDecision } from './wedge';

export type ScanListener = (code: string) => void;

/** A burst timer this late was held up by a busy page, not by a pause of the scanner. */
const LATE_TIMER_MS = 25;
const RECHECK_MS = 10;

const listeners = new Set<ScanListener>();

/** Screens hear scans here; the newest subscriber is the screen in front. */
export function subscribeScans(listener: ScanListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A scan read elsewhere (the core's HID scanner at the returns desk) reaches the screen in front as a wedge scan does. */
export function deliverScan(code: string): void {
  emitScan(code);
}

function emitScan(code: string): void {
  const newest = [...listeners].pop();
  newest?.(code);
}

/** How each wedge burst that was a scanner's ended: read (a scan went out) or not read (scan again). */
export type ReadFollower = (read: 'read' | 'notRead') => void;

const readFollowers = new Set<ReadFollower>();

/** For whatever tells the packer a scan was not read (ScanNotRead); every follower hears every end. */
export function followReads(follower: ReadFollower): () => void {
  readFollowers.add(follower);
  return () => {
    readFollowers.delete(follower);
  };
}

function emitRead(read: 'read' | 'notRead'): void {
  for (const follower of [...readFollowers]) follower(read);
}

/**
 * The keyboard router's first stage (renderer/keyboard/router.ts): it sees every key the page
 * gets before anything else does and turns wedge bursts into scans. A key it consumes goes
 * nowhere else; held keys that turn out to be typing are given to the focused field.
 */
export interface WedgeScanner extends KeyScanner {
  /** Keeps the scanner's learned pace for `stationId` in `storage` (scanner/pace.ts); returns the function that stops. */
  keepPace(storage: Pick<Storage, 'getItem' | 'setItem'>, stationId: string): () => void;
}

export function createWedgeScanner(config: WedgeConfig): WedgeScanner {
  const detector = new WedgeDetector(config);
  let snapshot: FieldSnapshot | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const apply = (decision: WedgeDecision): void => {
    if (decision.release) insertIntoFocusedField(decision.release);
    if (decision.scan !== undefined || decision.notRead) {
      // A scan, or a scan not read, leaves nothing of itself in the field.
      if (decision.leaked && snapshot) restoreField(snapshot);
      snapshot = null;
      if (decision.scan !== undefined) {
        markKeyEnd();
        emitRead('read');
        emitScan(decision.scan);
      } else {
        emitRead('notRead');
      }
    }
    // Snapshot after the previous burst is settled and before this key changes the field, so a
    // scan can be taken back.
    if (decision.burstStart) snapshot = snapshotFocusedField();
  };

  // Wakes when the detector has something to do without a key: give held keys back, end a burst.
  const schedule = (): void => {
    clearTimeout(timer);
    const at = detector.nextCheck();
    if (at !== null) wake(Math.max(0, at - performance.now()) + 5);
  };
  const wake = (delay: number): void => {
    const due = performance.now() + delay;
    timer = setTimeout(() => {
      // Late means the page was busy: the scan's next keys may be waiting in the queue with their
      // own earlier times. Input goes before timers, so let them in before judging the pause.
      if (performance.now() - due > LATE_TIMER_MS) return wake(RECHECK_MS);
      const decision = detector.expire(performance.now());
      if (decision) apply(decision);
      schedule();
    }, delay);
  };

  return {
    keepPace: (storage, stationId) => keepPace(detector, storage, stationId),
    feed(press) {
      if (press.isComposing) return { consume: false };
      const stroke = {
        key: press.key,
        ctrlKey: press.ctrlKey,
        altKey: press.altKey,
        metaKey: press.metaKey,
        time: press.timeStamp,
        intoField: focusedTextField() !== null,
      };
      const decision = detector.feed(stroke);
      apply(decision);
      schedule();
      return decision;
    },
  };
}
