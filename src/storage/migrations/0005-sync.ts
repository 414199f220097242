import type { Migration } from './migration';

/**
 * Shop sync: the outbox (events written with the change that causes them, delivered at least
 * once under their idempotency key), the links from local orders and lines to the shop's ids,
 * orders flagged for a manager, and the sync settings with the sealed secret and cursors.
 */
export const sync: Migration = {
  version: 5,
  name: 'sync',
  up(db) {
    db.exec(`
      CREATE TABLE sync_outbox (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL CHECK (type IN ('shipped', 'note')),
        order_id INTEGER NOT NULL REFERENCES orders (id),
        order_number TEXT NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        payload TEXT NOT NULL CHECK (json_valid(payload)),
        status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'parked', 'dismissed')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        remote_ref TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      -- The drain's question: which queued events are due, oldest first.
      CREATE INDEX sync_outbox_due ON sync_outbox (status, next_attempt_at, id);
      -- Per-order ordering: is there an earlier event of this order still waiting.
      CREATE INDEX sync_outbox_order ON sync_outbox (order_id, id);

      CREATE TABLE sync_order_links (
        order_id INTEGER PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
        backend TEXT NOT NULL,
        external_id TEXT NOT NULL,
        linked_at TEXT NOT NULL,
        UNIQUE (backend, external_id)
      ) STRICT;

      CREATE TABLE sync_line_links (
        order_line_id INTEGER PRIMARY KEY REFERENCES order_lines (id) ON DELETE CASCADE,
        order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        external_line_id TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sync_line_links_order ON sync_line_links (order_id);

      CREATE TABLE sync_flags (
        order_id INTEGER PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
        reason TEXT NOT NULL,
        flagged_at TEXT NOT NULL
      ) STRICT;

      -- Settings (JSON), cursors and the last run by key; the secret only ever sealed, as a blob.
      CREATE TABLE sync_state (
        key TEXT PRIMARY KEY,
        text_value TEXT,
        blob_value BLOB
      ) STRICT;
    `);
  },
};
