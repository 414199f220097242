import type { Migration } from './migration';

/**
 * The outbox carries decided returns to the shop: its type CHECK takes 'returned'. SQLite cannot
 * change a CHECK in place, so sync_outbox is rebuilt (the documented rebuild) with the same ids,
 * keys and states, so a queued event is still sent once and a sent one never again. No table
 * points at sync_outbox, so renaming it (foreign keys stay on inside the runner's transaction)
 * moves no other table's references; its own reference to orders is recreated as it was. The
 * indexes follow the renamed table and are dropped first, so the new ones keep their names.
 */
export const outboxReturns: Migration = {
  version: 13,
  name: 'outbox-returns',
  up(db) {
    db.exec(`
      ALTER TABLE sync_outbox RENAME TO sync_outbox_before_0013;
      DROP INDEX sync_outbox_due;
      DROP INDEX sync_outbox_order;
      CREATE TABLE sync_outbox (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL CHECK (type IN ('shipped', 'note', 'returned')),
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
      INSERT INTO sync_outbox (id, type, order_id, order_number, idempotency_key, payload, status, attempts, next_attempt_at, last_error, remote_ref,
                               created_at, updated_at)
        SELECT id, type, order_id, order_number, idempotency_key, payload, status, attempts, next_attempt_at, last_error, remote_ref, created_at, updated_at
        FROM sync_outbox_before_0013;
      DROP TABLE sync_outbox_before_0013;
      -- The drain's question: which queued events are due, oldest first.
      CREATE INDEX sync_outbox_due ON sync_outbox (status, next_attempt_at, id);
      -- Per-order ordering: is there an earlier event of this order still waiting.
      CREATE INDEX sync_outbox_order ON sync_outbox (order_id, id);
    `);
  },
};
