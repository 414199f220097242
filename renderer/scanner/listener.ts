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
 * Watches every key the page gets, before anything else does (window, capture phase), and turns
 * wedge bursts into scans. Returns a function that stops watching.
 */
export function installWedge(config: WedgeConfig, target: Window = window): () => void {
  const detector = new WedgeDetector(config);
  let snapshot: FieldSnapshot | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const apply = (decision: WedgeDecision, event: KeyboardEvent | null): void => {
    if (decision.consume && event) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    if (decision.release) insertIntoFocusedField(decision.release);
    if (decision.scan !== undefined) {
      if (decision.leaked && snapshot) restoreField(snapshot);
      snapshot = null;
      markKeyEnd();
      emitScan(decision.scan);
    }
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.isComposing) return;
    const stroke = { key: event.key, ctrlKey: event.ctrlKey, altKey: event.altKey, metaKey: event.metaKey, time: event.timeStamp };
    const decision = detector.feed(stroke);
    // Snapshot before the burst's first key changes the field, so a scan can be taken back.
    if (decision.burstStart) snapshot = snapshotFocusedField();
    apply(decision, event);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const late = detector.expire(performance.now());
      if (late) apply(late, null);
    }, config.maxGapMs + 10);
  };

  target.addEventListener('keydown', onKeyDown, { capture: true });
  return () => {
    clearTimeout(timer);
    target.removeEventListener('keydown', onKeyDown, { capture: true });
    detector.reset();
  };
}
