/**
 * Scan-to-screen timing with User Timing marks, read by test/bench/wedge-burst.mjs. A wedge scan
 * is timed from its last key to the frame that shows its verdict, in stages:
 *
 *   key-end ─ route ─ sent ─ core ─ answer ─ render ─ committed ─ frame wait ─ frame ─ painted
 *
 * - `scan:route`   the scan's Enter → `scan.submit` sent (the scan pipeline's queue)
 * - `scan:core`    sent → the answer read (the host's round trip and the core's commit)
 * - `scan:dispatch` the core's own share of that (what the host reports: Server-Timing over
 *   HTTP, `core` over the call socket), as a measure starting when the scan was sent
 * - `scan:render`  the answer → the verdict in the DOM (stores, React render and commit)
 * - `scan:wait`    the verdict in the DOM → the next frame starts (requestAnimationFrame)
 * - `scan:frame`   that frame's own work: style, layout and paint of what the scan changed
 * - `scan:verdict` key-end → painted, and `scan:paint` answer → painted (the screen's own share)
 * - `scan:to-frame` key-end → the frame starts: how the verdict was timed before the frame's own
 *   work was counted, kept so that older figures can be compared
 * - `scan:settled` key-end → the frame that shows the scan in the order's panels too (lines,
 *   parcels, scanned units), painted one frame after the verdict (features/pack/packStore.ts)
 *
 * "Painted" is the end of the frame's main-thread work: a message posted from the frame's
 * requestAnimationFrame runs once its style, layout and paint are done.
 */
import { afterNextPaint } from '../components/afterPaint';

export const MARKS = {
  keyEnd: 'scan:key-end',
  sent: 'scan:sent',
  answer: 'scan:answer',
  committed: 'scan:committed',
  frame: 'scan:frame-start',
  painted: 'scan:verdict-painted',
} as const;

export const MEASURES = {
  verdict: 'scan:verdict',
  paint: 'scan:paint',
  route: 'scan:route',
  core: 'scan:core',
  render: 'scan:render',
  wait: 'scan:wait',
  frame: 'scan:frame',
  toFrame: 'scan:to-frame',
  dispatch: 'scan:dispatch',
  settled: 'scan:settled',
} as const;

/** Each measure between two marks; a stage whose marks were not both taken is left out. */
const SPANS: ReadonlyArray<readonly [string, string, string]> = [
  [MEASURES.verdict, MARKS.keyEnd, MARKS.painted],
  [MEASURES.paint, MARKS.answer, MARKS.painted],
  [MEASURES.route, MARKS.keyEnd, MARKS.sent],
  [MEASURES.core, MARKS.sent, MARKS.answer],
  [MEASURES.render, MARKS.answer, MARKS.committed],
  [MEASURES.wait, MARKS.committed, MARKS.frame],
  [MEASURES.frame, MARKS.frame, MARKS.painted],
  [MEASURES.toFrame, MARKS.keyEnd, MARKS.frame],
];

// A station runs all day: keep the newest measures only, enough for any benchmark run.
const KEEP_MEASURES = 5000;
let measured = 0;
/** The core's share of the timed scan's round trip, once the host has told it. */
let dispatchMs: number | null = null;
/** When the last measured scan's last key came, for its settled frame after the verdict's. */
let lastKeyEnd: number | null = null;

const has = (mark: string): boolean => performance.getEntriesByName(mark, 'mark').length > 0;

function clearScanMarks(): void {
  for (const mark of Object.values(MARKS)) performance.clearMarks(mark);
  dispatchMs = null;
}

export function markKeyEnd(): void {
  clearScanMarks();
  performance.mark(MARKS.keyEnd);
}

/** Marks a later stage of the scan being timed; nothing when no scan is (a typed code, a HID scan). */
function markStage(mark: string): void {
  if (has(MARKS.keyEnd) && !has(mark)) performance.mark(mark);
}

export function markSent(): void {
  markStage(MARKS.sent);
}

/** The core's own share of the round trip of the scan being timed (before its answer is marked). */
export function markDispatch(ms: number): void {
  if (has(MARKS.keyEnd) && has(MARKS.sent) && !has(MARKS.answer)) dispatchMs = ms;
}

export function markAnswer(): void {
  markStage(MARKS.answer);
}

/** Call after the verdict is in the DOM: marks the commit, the next frame and its end, and measures every stage. */
export function measureWhenPainted(): void {
  if (!has(MARKS.keyEnd)) return;
  markStage(MARKS.committed);
  requestAnimationFrame(() => {
    if (has(MARKS.keyEnd)) performance.mark(MARKS.frame);
  });
  afterNextPaint(() => {
    if (!has(MARKS.keyEnd) || !has(MARKS.frame)) return;
    performance.mark(MARKS.painted);
    for (const [measure, from, to] of SPANS) if (has(from) && has(to)) performance.measure(measure, from, to);
    lastKeyEnd = performance.getEntriesByName(MARKS.keyEnd, 'mark')[0]?.startTime ?? null;
    const sent = performance.getEntriesByName(MARKS.sent, 'mark')[0];
    if (sent && dispatchMs !== null) performance.measure(MEASURES.dispatch, { start: sent.startTime, duration: dispatchMs });
    clearScanMarks();
    if (++measured > KEEP_MEASURES) {
      measured = 0;
      for (const measure of Object.values(MEASURES)) performance.clearMeasures(measure);
    }
  });
}

/** Call once the order's panels show the last measured scan: measures key-end → that frame painted. */
export function measureSettled(): void {
  // The verdict's own measuring may or may not have run yet in the frame both waited for.
  const start = performance.getEntriesByName(MARKS.keyEnd, 'mark')[0]?.startTime ?? lastKeyEnd;
  lastKeyEnd = null;
  if (start === null) return;
  afterNextPaint(() => performance.measure(MEASURES.settled, { start, end: performance.now() }));
}
