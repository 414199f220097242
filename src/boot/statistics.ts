import type { StatisticsPorts } from '../app/ports/statistics';
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
