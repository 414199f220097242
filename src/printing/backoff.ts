/** First retry after 5 s, doubling to at most 10 minutes: a printer out of paper is back soon. */
export const BACKOFF = { firstMs: 5_000, maxMs: 10 * 60_000 };

/** Delay before the next attempt after `attempts` failed ones (1 → 5 s, 2 → 10 s, …). */
export function retryDelayMs(attempts: number, backoff = BACKOFF): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(backoff.maxMs, backoff.firstMs * 2 ** Math.min(exponent, 30));
}
