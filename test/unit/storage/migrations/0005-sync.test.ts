import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/storage/db';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { MIGRATIONS } from '../../../../src/storage/migrations';
import { sync } from '../../../../src/storage/migrations/0005-sync';

describe('migration 0005-sync', () => {
  it('creates the STRICT sync tables, refuses unknown event statuses and uses the due index', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-m5-'));
    const db = openDatabase(path.join(dir, 'packdesk.sqlite'));
    try {
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= sync.version),
      );
      expect(schemaVersion(db)).toBe(5);
      for (const table of ['sync_outbox', 'sync_order_links', 'sync_line_links', 'sync_flags', 'sync_state']) {
        expect(db.prepare<[string], { sql: string }>('SELECT sql FROM sqlite_schema WHERE name = ?').get(table)?.sql).toMatch(/\)\s*STRICT$/);
      }
      db.exec(`INSERT INTO orders (number, status, customer_name, ship_name, ship_street, ship_city, ship_postcode, ship_country, search_key, created_at, updated_at)
        VALUES ('O-1', 'ready', 'X', 'X', 's', 'c', 'p', 'PL', 'o-1', 't', 't')`);
      const insert = (status: string) =>
        db
          .prepare(
            `INSERT INTO sync_outbox (type, order_id, order_number, idempotency_key, payload, status, next_attempt_at, created_at, updated_at)
          VALUES ('shipped', 1, 'O-1', ?, '{}', ?, 't', 't', 't')`,
          )
          .run(`k-${status}`, status);
      insert('queued');
      expect(() => insert('lost')).toThrow(/CHECK/);
      const plan = db
        .prepare("EXPLAIN QUERY PLAN SELECT id FROM sync_outbox WHERE status = 'queued' AND next_attempt_at <= 'z' ORDER BY next_attempt_at, id")
        .all();
      expect(JSON.stringify(plan)).toContain('sync_outbox_due');
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
