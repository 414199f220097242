/**
 * Scan-to-screen timing with User Timing marks, read by test/bench/wedge-burst.mjs:
 * `scan:verdict` runs from the wedge scan's last key to the frame that shows its verdict,
 * `scan:paint` from the core's answer to that frame (the screen's own share).
 */
export const KEY_END = 'scan:key-end';
export const ANSWER = 'scan:answer';
export const PAINTED = 'scan:verdict-painted';
export const MEASURES = { verdict: 'scan:verdict', paint: 'scan:paint' } as const;

// A station runs all day: keep the newest measures only, enough for any benchmark run.
const KEEP_MEASURES = 5000;

export function markKeyEnd(): void {
  performance.clearMarks(KEY_END);
  performance.clearMarks(ANSWER);
  performance.mark(KEY_END);
}

export function markAnswer(): void {
  if (performance.getEntriesByName(KEY_END, 'mark').length > 0) performance.mark(ANSWER);
}

/** Call after the verdict is in the DOM: marks the next animation frame and measures both spans. */
export function measureWhenPainted(): void {
  requestAnimationFrame(() => {
    if (performance.getEntriesByName(KEY_END, 'mark').length === 0) return;
    performance.mark(PAINTED);
    performance.measure(MEASURES.verdict, KEY_END, PAINTED);
    if (performance.getEntriesByName(ANSWER, 'mark').length > 0) performance.measure(MEASURES.paint, ANSWER, PAINTED);
    performance.clearMarks(KEY_END);
    performance.clearMarks(ANSWER);
    performance.clearMarks(PAINTED);
    if (performance.getEntriesByName(MEASURES.verdict, 'measure').length > KEEP_MEASURES) {
      performance.clearMeasures(MEASURES.verdict);
      performance.clearMeasures(MEASURES.paint);
    }
  });
}
