/** Longest wait for a frame: a page in the background gets none, and what waits must still run. */
const NO_FRAME_MS = 100;

/**
 * Runs `fn` once the next frame has been painted: a message posted from the frame's
 * requestAnimationFrame runs after that frame's style, layout and paint. Work that must not
 * hold the verdict back (its sound, its timing) waits here; without frames (a hidden page) it
 * runs after NO_FRAME_MS.
 */
export function afterNextPaint(fn: () => void): void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    fn();
  };
  const fallback = setTimeout(run, NO_FRAME_MS);
  // Without frames at all (no window: unit tests of the stores) the fallback alone runs it.
  if (typeof requestAnimationFrame === 'undefined') return;
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      run();
    };
    channel.port2.postMessage(null);
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
