/** The core only needs to know a packer is still there, not every key: one report per interval. */
export const ACTIVITY_INTERVAL_MS = 30_000;

export class ActivityThrottle {
  private last: number;

  constructor(
    since: number,
    private readonly intervalMs = ACTIVITY_INTERVAL_MS,
  ) {
    this.last = since;
  }

  /** True when this activity should be reported now; it then counts as the last report. */
  take(now: number): boolean {
    if (now - this.last < this.intervalMs) return false;
    this.last = now;
    return true;
  }
}
