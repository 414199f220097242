/** Longest wait for a frame: a page in the background gets none, and what waits must still run. */
const NO_FRAME_MS = 100;

/** What waits for the coming frame to be painted, in the order it was asked for; null when nothing does. */
let waiting: (() => void)[] | null = null;

/**
 * Runs `fn` once the next frame has been painted: a message posted from the frame's
 * requestAnimationFrame runs after that frame's style, layout and paint. Work that must not
 * hold the verdict back (its sound, its timing, the order's panels) waits here; without frames
 * (a hidden page) it runs after NO_FRAME_MS.
 *
 * Everything that waits for the same frame shares one frame callback and one task, in the order
 * it was asked for: a scan's verdict has several such followers, and each callback of its own
 * would be work inside the very frame that paints the verdict.
 */
export function afterNextPaint(fn: () => void): void {
  if (waiting) {
    waiting.push(fn);
    return;
  }
  const batch = [fn];
  waiting = batch;
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    if (waiting === batch) waiting = null;
    for (const each of batch) runAlone(each);
  };
  const fallback = setTimeout(run, NO_FRAME_MS);
  // Without frames at all (no window: unit tests of the stores) the fallback alone runs it.
  if (typeof requestAnimationFrame === 'undefined') return;
  requestAnimationFrame(() => {
    // What is asked for from here on was not in this frame: it waits for the next one.
    if (waiting === batch) waiting = null;
    nextTask(run);
  });
}

/** Runs `fn` in a task of its own, after the tasks already queued (other work waiting for the same paint). */
export function nextTask(fn: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    fn();
  };
  channel.port2.postMessage(null);
}

/** One follower's failure is reported as loudly as any uncaught error, and the others still run. */
function runAlone(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}
