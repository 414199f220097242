import type { FitView } from '../../contract/statistics';
import { DEFAULT_IDLE_GAP_SECONDS, FIT_ENTRY, fitComplexity, stationFitOf } from '../../domain/statistics';
import type { StatisticsDeps } from './deps';

/** At most this many of a station's newest completed sessions are fitted over. */
export const FIT_MAX_SESSIONS = 20_000;

/** The fit in use at a station: the newest 'stats.fitted' entry about it, or the defaults. */
export function currentFit(deps: Pick<StatisticsDeps, 'journal'>, stationId: string): FitView {
  const entry = deps.journal
    .bySubject({ kind: 'station', id: stationId })
    .filter((e) => e.type === FIT_ENTRY)
    .at(-1);
  return stationFitOf(stationId, entry ?? null);
}

/**
 * Refits a station's seconds per factor over its sessions completed in the past `days` (the newest
 * FIT_MAX_SESSIONS), and journals the result, who asked and over what; that entry is the fit in use
 * from then on. Too few sessions and the defaults are journaled, saying why.
 */
export function refit(deps: StatisticsDeps, stationId: string, days: number, actorId: number | null, callerStation: string): FitView {
  const to = deps.clock.now();
  const from = new Date(to.getTime() - days * 86_400_000);
  const facts = deps.statistics.source.completedFacts({
    from: from.toISOString(),
    to: to.toISOString(),
    stationId,
    limit: FIT_MAX_SESSIONS,
    idleGapSeconds: DEFAULT_IDLE_GAP_SECONDS,
  });
  const fit = fitComplexity(facts);
  const entry = deps.journal.append({
    type: FIT_ENTRY,
    stationId: callerStation,
    actorId,
    subject: { kind: 'station', id: stationId },
    payload: { ...fit, from: from.toISOString(), to: to.toISOString() },
  });
  deps.logger.info('statistics refitted', { stationId, method: fit.method, sessions: fit.sessions });
  return { stationId, ...fit, fittedAt: entry.at, fittedBy: actorId, from: from.toISOString(), to: to.toISOString() };
}
