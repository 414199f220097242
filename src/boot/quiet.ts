/**
 * The host has one thread: while a WAL checkpoint or a housekeeping pass runs, a scan that
 * arrives waits for it, and a checkpoint with its fsync takes several milliseconds. So background
 * work that can wait runs in a quiet moment: once nothing has been journaled for `quietMs` (a
 * packer scans every second or two, and a scanner's burst is over in a tenth of one), and at
 * the latest `maxWaitMs` after it fell due, so a host that is never quiet (a browser host for
 * several stations) still does it.
 */
export interface QuietTime {
  /** Something was just written (a journal entry): background work waits `quietMs` from now. */
  touch(): void;
  /** Runs `job` in the next quiet moment (now, if it is one). Returns the function that cancels it. */
  whenQuiet(job: () => void): () => void;
}

export interface QuietOptions {
  quietMs: number;
  maxWaitMs: number;
  now?: () => number;
}

/** How long after the last journal entry the host counts as quiet: longer than a scanner's burst, shorter than a packer's pause. */
export const QUIET_MS = 300;
/** The longest a background job waits for a quiet moment. */
export const QUIET_MAX_WAIT_MS = 30_000;

export function quietTime({ quietMs, maxWaitMs, now = () => performance.now() }: QuietOptions): QuietTime {
  let lastTouch = Number.NEGATIVE_INFINITY;
  return {
    touch() {
      lastTouch = now();
    },
    whenQuiet(job) {
      const dueAt = now();
      let timer: ReturnType<typeof setTimeout> | null = null;
      const check = (): void => {
        timer = null;
        const at = now();
        const quietAt = lastTouch + quietMs;
        if (at >= quietAt || at - dueAt >= maxWaitMs) return job();
        timer = setTimeout(check, Math.min(quietAt, dueAt + maxWaitMs) - at);
        timer.unref?.();
      };
      check();
      return () => {
        if (timer) clearTimeout(timer);
        timer = null;
      };
    },
  };
}
