import type { Migration } from './migration';

/**
 * Shifts set by a manager (issue 11): the warehouse's start times (one row), and a station's own
 * where it works other hours. Starts are a JSON array of "HH:MM", checked by the domain before
 * they are written. A station without its own row follows the warehouse's; with no warehouse row
 * the default three shifts apply.
 */
export const shiftPatterns: Migration = {
  version: 24,
  name: 'shift-patterns',
  up(db) {
    db.exec(`
      CREATE TABLE warehouse_shifts (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        starts TEXT NOT NULL CHECK (json_valid(starts) AND json_type(starts) = 'array' AND json_array_length(starts) BETWEEN 1 AND 6),
        updated_by INTEGER REFERENCES users (id),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE station_shifts (
        station_id TEXT PRIMARY KEY REFERENCES stations (id) ON DELETE CASCADE,
        starts TEXT NOT NULL CHECK (json_valid(starts) AND json_type(starts) = 'array' AND json_array_length(starts) BETWEEN 1 AND 6),
        updated_by INTEGER REFERENCES users (id),
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
