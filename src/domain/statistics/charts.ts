import type { OrderContribution } from './figures';

const HOUR = 3_600_000;

/**
 * Orders completed per hour through a period, from its start: one bucket per hour for a period
 * of up to a day (a shift, a day); longer periods fold onto the 24 hours of the day counted from
 * the period's start (so from local midnight, the hours of the day). Shared orders count by share.
 */
export function ordersPerHour(rows: readonly OrderContribution[], from: Date, to: Date): number[] {
  const span = to.getTime() - from.getTime();
  const buckets = hourBuckets(from, to);
  const counts = new Array<number>(buckets).fill(0);
  for (const row of rows) {
    const offset = Date.parse(row.completedAt) - from.getTime();
    if (offset < 0 || offset >= span) continue;
    const bucket = Math.floor(offset / HOUR) % buckets;
    counts[bucket] = counts[bucket]! + row.share;
  }
  return counts.map((c) => Math.round(c * 1000) / 1000);
}

/** How many hours the chart of a period has: one per hour of a day or less, else the 24 hours of the day. */
export function hourBuckets(from: Date, to: Date): number {
  const span = to.getTime() - from.getTime();
  return span <= 24 * HOUR ? Math.max(1, Math.ceil(span / HOUR)) : 24;
}

/** Bins of the order score (expected over actual time), 0.25 wide; the last bin holds 2.5 and above. */
export const SCORE_BIN_WIDTH = 0.25;
export const SCORE_BINS = 11;

/** How many orders fall into each score bin (each order once, whoever packed it). */
export function scoreDistribution(rows: readonly OrderContribution[]): number[] {
  const bins = new Array<number>(SCORE_BINS).fill(0);
  const seen = new Set<string>();
  for (const row of rows) {
    const key = `${row.sessionId ?? ''}|${row.orderId}|${row.completedAt}`;
    if (row.orderScore === null || seen.has(key)) continue;
    seen.add(key);
    const bin = Math.min(SCORE_BINS - 1, Math.floor(row.orderScore / SCORE_BIN_WIDTH));
    bins[bin] = bins[bin]! + 1;
  }
  return bins;
}
