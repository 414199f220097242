import type { Migration } from './migration';

/**
 * Packing sessions keep their whole state as JSON, written in the same transaction as the
 * scan's journal entry, so a crash or restart resumes exactly where the packer was.
 */
export const packing: Migration = {
  version: 3,
  name: 'packing',
  up(db) {
    db.exec(`
      CREATE TABLE packing_sessions (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders (id),
        station_id TEXT NOT NULL REFERENCES stations (id),
        user_id INTEGER NOT NULL REFERENCES users (id),
        status TEXT NOT NULL CHECK (status IN ('open', 'completed')),
        state TEXT NOT NULL CHECK (json_valid(state)),
        opened_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        completed_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX packing_sessions_one_open_per_order ON packing_sessions (order_id) WHERE status = 'open';
      CREATE INDEX packing_sessions_station ON packing_sessions (station_id, status);

      CREATE TABLE shipped_serials (
        product_id INTEGER NOT NULL REFERENCES products (id),
        serial TEXT NOT NULL,
        order_id INTEGER NOT NULL REFERENCES orders (id),
        session_id INTEGER NOT NULL REFERENCES packing_sessions (id),
        PRIMARY KEY (product_id, serial)
      ) STRICT;
      CREATE INDEX shipped_serials_order ON shipped_serials (order_id);

      CREATE TABLE station_packing_rules (
        station_id TEXT PRIMARY KEY REFERENCES stations (id) ON DELETE CASCADE,
        bulk_threshold INTEGER NOT NULL CHECK (bulk_threshold >= 2),
        tolerance_grams INTEGER NOT NULL CHECK (tolerance_grams >= 0),
        tolerance_percent REAL NOT NULL CHECK (tolerance_percent >= 0),
        require_weight INTEGER NOT NULL CHECK (require_weight IN (0, 1))
      ) STRICT;
    `);
  },
};
