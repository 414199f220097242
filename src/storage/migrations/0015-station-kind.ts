import type { Migration } from './migration';

/**
 * A station is a packing desk or a returns desk (its screen's home), and keeps the time zone its
 * calendar deadlines are counted in. Every existing station stays a packing desk in Warsaw.
 */
export const stationKind: Migration = {
  version: 15,
  name: 'station-kind',
  up(db) {
    db.exec(`
      ALTER TABLE stations ADD COLUMN kind TEXT NOT NULL DEFAULT 'packing' CHECK (kind IN ('packing', 'returns'));
      ALTER TABLE stations ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Europe/Warsaw' CHECK (length(time_zone) BETWEEN 1 AND 64);
    `);
  },
};
