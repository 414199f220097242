import type { Logger } from '../app/ports';
import type { StatisticsPorts, StatisticsSource } from '../app/ports/statistics';
import type { QuietTime } from './quiet';
import { createStatisticsSheets } from '../documents/statistics/sheets';
import { guardRepository } from '../storage/failures';
import { createPackingErrorAttributions, createStatisticsSource } from '../storage/repositories/statistics';

/** The station's open database, as the storage repositories take it (better-sqlite3 stays in storage). */
type Database = Parameters<typeof createStatisticsSource>[0];

/**
 * Packer statistics over a station's database: sessions from the journal and order data, the
 * returns desk's packing-error attributions (its confirmed items, and attribution entries in the
 * journal), and the payroll files.
 */
export function createStatisticsPorts(db: Database): StatisticsPorts {
  return {
    source: guardRepository(createStatisticsSource(db), db.name),
    attributions: guardRepository(createPackingErrorAttributions(db), db.name),
    sheets: createStatisticsSheets(),
  };
}

/** Journal entries counted in one background step: tens of milliseconds, taken in a quiet moment. */
const AHEAD_STEP_ENTRIES = 2_000;
/** The pause between two steps, left to the scans and everything else. */
const AHEAD_PAUSE_MS = 25;
/** Counting starts this long after the start, once the first screens have what they asked for. */
const AHEAD_START_MS = 3_000;

/**
 * Long-running hosts: counts the packing sessions the statistics have not counted yet (a journal
 * never counted, or counted by older rules) in the background, a small step at a time, so a
 * manager's first statistics query reads kept counts instead of waiting for the whole journal.
 * A query made meanwhile counts what is left itself. Returns stop.
 */
export function countStatisticsAhead(source: Pick<StatisticsSource, 'countAhead'>, logger: Logger, quiet?: QuietTime): () => void {
  let handle: NodeJS.Timeout | null = null;
  let waiting = () => {};
  let stopped = false;
  const began = Date.now();
  let steps = 0;
  const step = () => {
    if (stopped) return;
    try {
      steps++;
      if (source.countAhead(AHEAD_STEP_ENTRIES)) later(AHEAD_PAUSE_MS);
      else if (steps > 1) logger.info('statistics: every packing session counted in the background', { steps, ms: Date.now() - began });
    } catch (error) {
      logger.warn('statistics: counting in the background failed; the first query counts instead', { error: String(error) });
    }
  };
  // Each step waits for a moment without scans, so no scan waits for a step.
  const later = (ms: number) => {
    handle = setTimeout(() => {
      handle = null;
      if (quiet) waiting = quiet.whenQuiet(step);
      else step();
    }, ms).unref();
  };
  later(AHEAD_START_MS);
  return () => {
    stopped = true;
    if (handle) clearTimeout(handle);
    waiting();
  };
}
