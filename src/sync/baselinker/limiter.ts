export interface LimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const REAL_LIMITER_CLOCK: LimiterClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * At most `limit` requests in any `windowMs`: a request over the limit waits for the oldest
 * one to leave the window. BaseLinker blocks the token for a while when a client goes over its
 * 100 a minute, so waiting here is much cheaper than failing there.
 */
export class RequestLimiter {
  private readonly sent: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: LimiterClock = REAL_LIMITER_CLOCK,
  ) {}

  /** Resolves when a request may go; callers are served in the order they asked. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.waitForRoom());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async waitForRoom(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      while (this.sent.length > 0 && this.sent[0]! <= now - this.windowMs) this.sent.shift();
      if (this.sent.length < this.limit) {
        this.sent.push(now);
        return;
      }
      await this.clock.sleep(this.sent[0]! + this.windowMs - now);
    }
  }
}
