import type crypto from 'node:crypto';
import type { Reached } from '../app/ports/central';
import type { CentralConsoleLink, CentralPackerStatistics, CentralStatistics, CentralTrend } from '../app/ports/central-console';
import { CENTRAL_CONSOLE_PATHS } from '../contract/central-console';
import { DEFAULT_IDLE_GAP_SECONDS } from '../domain/statistics';
import { signedPost, type SignedAnswer } from './signed-post';

export interface HttpConsoleLinkOptions {
  /** Central's base URL, e.g. http://central.lan:5190. */
  url: string;
  /** The id central registered this station under. */
  stationId: string;
  privateKey: crypto.KeyObject;
  now?: () => Date;
  /** A read taking longer counts as central unreachable (default 5 s): the screen then shows this station's own. */
  timeoutMs?: number;
  /**
   * The same for statistics with another idle gap than the default (default 60 s): central reads
   * those sessions from the journals, a month's in seconds (docs/benchmarks.md), not from its sums.
   */
  gapTimeoutMs?: number;
}

/** What the statistics reads send: the manager's idle gap, when one was asked for. */
type GapQuery = { idleGapSeconds?: number };

/**
 * Asks a statistics read of central with the manager's idle gap. The default gap (or none) is not
 * sent, so that query is the request every central answers. Central's routes are versioned by
 * their path alone (/v1) and their bodies are strict, so a central older than the field refuses a
 * body carrying it (400, VALIDATION_FAILED, naming idleGapSeconds). Then the read is asked again
 * without it, and the answer says the default gap was counted (`idleGapSeconds` 180), which the
 * station passes on to the screen and logs: every station's figures with the default gap, said
 * so, rather than this station's alone under a bar saying central cannot be reached, which would
 * not be true. A central that knows the field answers with the gap it counted.
 */
async function withGap<Q extends GapQuery, A>(
  ask: (query: Q, gapped: boolean) => Promise<SignedAnswer<A>>,
  query: Q,
): Promise<Reached<A & { idleGapSeconds: number }>> {
  const { idleGapSeconds, ...rest } = query;
  const gapped = idleGapSeconds !== undefined && idleGapSeconds !== DEFAULT_IDLE_GAP_SECONDS;
  let got = await ask((gapped ? query : rest) as Q, gapped);
  const older = !got.reached && got.refused?.status === 400 && got.refused.code === 'VALIDATION_FAILED' && got.refused.message.includes('idleGapSeconds');
  if (gapped && older) got = await ask(rest as Q, false);
  if (!got.reached) return { reached: false, why: got.why };
  const counted = (got.value as { idleGapSeconds?: unknown }).idleGapSeconds;
  return { reached: true, value: { ...got.value, idleGapSeconds: typeof counted === 'number' ? counted : DEFAULT_IDLE_GAP_SECONDS } };
}

/** The manager console's signed reads of central (src/central/console-routes.ts answers them). */
export function createHttpConsoleLink(options: HttpConsoleLinkOptions): CentralConsoleLink {
  // Whatever central refused or could not answer, the caller is told why and carries on.
  const post = signedPost({ ...options, timeoutMs: options.timeoutMs ?? 5000 });
  const postLonger = signedPost({ ...options, timeoutMs: options.gapTimeoutMs ?? 60_000 });
  const stats =
    <A>(path: string) =>
    (query: GapQuery, gapped: boolean) =>
      (gapped ? postLonger : post)<A>(path, query);

  const map = async <T, U>(r: Promise<Reached<T>>, f: (value: T) => U): Promise<Reached<U>> => {
    const got = await r;
    return got.reached ? { reached: true, value: f(got.value) } : got;
  };

  return {
    search: (query) => post(CENTRAL_CONSOLE_PATHS.search, query),
    statistics: (period) => withGap(stats<CentralStatistics>(CENTRAL_CONSOLE_PATHS.statistics), period),
    packerStatistics: (query) => withGap(stats<CentralPackerStatistics>(CENTRAL_CONSOLE_PATHS.packer), query),
    trend: (query) => withGap(stats<CentralTrend>(CENTRAL_CONSOLE_PATHS.trend), query),
    journalFilters: () => post(CENTRAL_CONSOLE_PATHS.filters, {}),
    orderEntries: (orderNumber) => map(post<{ entries: never[] }>(CENTRAL_CONSOLE_PATHS.timeline, { orderNumber }), (v) => v.entries),
    floor: (since, returnsDueBefore) => post(CENTRAL_CONSOLE_PATHS.floor, { since, returnsDueBefore }),
    alarms: () => map(post<{ alarms: never[] }>(CENTRAL_CONSOLE_PATHS.alarms, {}), (v) => v.alarms),
    parked: () => post(CENTRAL_CONSOLE_PATHS.parked, {}),
    requeue: (centralId, userId) => map(post<{ requeued: boolean }>(CENTRAL_CONSOLE_PATHS.requeue, { centralId, userId }), (v) => v.requeued),
  };
}
