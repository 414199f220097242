import type { Database } from 'better-sqlite3';
import type { StatisticsSource } from '../../../app/ports/statistics';
import { analyseSession, DEFAULT_IDLE_GAP_SECONDS } from '../../../domain/statistics';
import { createSessionReads } from './journal';
import { createKeptCounts } from './kept';
import { createPeriodSessions } from './period';

export { ATTRIBUTION_ENTRY, createPackingErrorAttributions } from './attributions';
export { FACTS_VERSION } from './kept';
export { PART_LOOKBACK_DAYS } from './period';

/**
 * Completed packing sessions from the journal and the order data: read for a period
 * (period.ts), or, with the default idle gap, from the counts kept once per session (kept.ts).
 * `sizes` are for tests (kept.ts).
 */
export function createStatisticsSource(db: Database, sizes: { pageEntries?: number; sinceMax?: number } = {}): StatisticsSource {
  const reads = createSessionReads(db);
  const completedSessions = createPeriodSessions(db, reads);
  const kept = createKeptCounts(db, reads, sizes);
  return {
    completedSessions,
    completedFacts: (query) =>
      query.idleGapSeconds === DEFAULT_IDLE_GAP_SECONDS ? kept.facts(query) : completedSessions(query).map((s) => analyseSession(s, query.idleGapSeconds)),
    countAhead: (journalEntries) => kept.countAhead(journalEntries),
  };
}
