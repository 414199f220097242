import type { KeyScanner } from '../keyboard/router';
import { insertIntoFocusedField, restoreField, snapshotFocusedField, type FieldSnapshot } from './field';
import { markKeyEnd } from './timing';
import { WedgeDetector, type WedgeConfig, type WedgeDecision } from './wedge';

export type ScanListener = (code: string) => void;

const listeners = new Set<ScanListener>();

/** Screens hear scans here; the newest subscriber is the screen in front. */
export function subscribeScans(listener: ScanListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emitScan(code: string): void {
  const newest = [...listeners].pop();
  newest?.(code);
}

/**
 * The keyboard router's first stage (renderer/keyboard/router.ts): it sees every key the page
 * gets before anything else does and turns wedge bursts into scans. A key it consumes goes
 * nowhere else; held keys that turn out to be typing are given to the focused field.
 */
export function createWedgeScanner(config: WedgeConfig): KeyScanner {
  const detector = new WedgeDetector(config);
  let snapshot: FieldSnapshot | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const apply = (decision: WedgeDecision): void => {
    if (decision.release) insertIntoFocusedField(decision.release);
    if (decision.scan !== undefined) {
      if (decision.leaked && snapshot) restoreField(snapshot);
      snapshot = null;
      markKeyEnd();
      emitScan(decision.scan);
    }
  };

  return {
    feed(press) {
      if (press.isComposing) return { consume: false };
      const stroke = { key: press.key, ctrlKey: press.ctrlKey, altKey: press.altKey, metaKey: press.metaKey, time: press.timeStamp };
      const decision = detector.feed(stroke);
      // Snapshot before the burst's first key changes the field, so a scan can be taken back.
      if (decision.burstStart) snapshot = snapshotFocusedField();
      apply(decision);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const late = detector.expire(performance.now());
        if (late) apply(late);
      }, config.maxGapMs + 10);
      return decision;
    },
  };
}
