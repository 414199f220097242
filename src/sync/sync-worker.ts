import type { Logger } from '../app/ports';
import type { SyncRun } from '../contract/sync';

export interface SyncTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SyncWorkerOptions {
  run: () => Promise<SyncRun>;
  /** Seconds between syncs when all is well, read before every wait (a manager may change it). */
  everySeconds: () => number;
  logger: Logger;
  timers?: SyncTimers;
}

const FIRST_BACKOFF_MS = 5_000;
const LONGEST_BACKOFF_MS = 15 * 60_000;

/**
 * Syncs on a timer in the background. A shop that cannot be reached is asked again after
 * 5 s, 10 s, 20 s … up to 15 minutes, so an outage costs the station nothing but a retry.
 */
export class SyncWorker {
  private handle: unknown = null;
  private failures = 0;
  private stopped = true;
  private readonly timers: SyncTimers;

  constructor(private readonly options: SyncWorkerOptions) {
    this.timers = options.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms).unref(), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
  }

  start(firstInMs = 2_000): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(firstInMs);
  }

  stop(): void {
    this.stopped = true;
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
  }

  /** The wait before the next sync after `failures` failed ones in a row. */
  static delayMs(failures: number, everySeconds: number): number {
    if (failures === 0) return everySeconds * 1000;
    return Math.min(LONGEST_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (failures - 1));
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.handle = this.timers.setTimeout(() => void this.tick(), ms);
  }

  private async tick(): Promise<void> {
    this.handle = null;
    try {
      const run = await this.options.run();
      const down = run.error !== null && (run.error.kind === 'unreachable' || run.error.kind === 'rate_limited');
      this.failures = down ? this.failures + 1 : 0;
    } catch (error) {
      this.failures += 1;
      this.options.logger.error('sync run failed', { error: String(error) });
    }
    this.schedule(SyncWorker.delayMs(this.failures, this.options.everySeconds()));
  }
}
