import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../../src/storage/db';
import { openDatabase } from '../../../../src/storage/db';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { initial } from '../../../../src/storage/migrations/0001-initial';
import { freshDir, PIN_HASH, track } from '../fixtures';

const TABLES = [
  'barcodes',
  'box_types',
  'kit_components',
  'logins',
  'order_lines',
  'order_locks',
  'order_references',
  'orders',
  'products',
  'stations',
  'users',
];

function migrated(): Database {
  const db = track(openDatabase(path.join(freshDir(), 'packdesk.sqlite')));
  migrate(db, [initial]);
  return db;
}

function seedBasics(db: Database): void {
  db.exec(`
    INSERT INTO stations VALUES ('ST-01', 'Station 1', 'en', 15);
    INSERT INTO users (id, name, role, badge_code, pin_hash) VALUES (1, 'Ola', 'packer', 'B-1', '${PIN_HASH}');
    INSERT INTO products (id, sku, name, weight_grams) VALUES (1, 'MUG', 'Mug', 300);
  `);
}

describe('migration 0001-initial', () => {
  it('creates every table STRICT and moves the schema to version 1', () => {
    const db = migrated();
    expect(schemaVersion(db)).toBe(1);
    const rows = db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all();
    expect(rows.map((r) => r.name)).toEqual(TABLES);
    expect(rows.every((r) => r.strict === 1)).toBe(true);
  });

  it('indexes what the queue and lookups filter on', () => {
    const db = migrated();
    const indexes = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")
      .all()
      .map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['orders_queue', 'barcodes_product', 'order_locks_station', 'order_references_order']));
    const plan = db
      .prepare<[], { detail: string }>("EXPLAIN QUERY PLAN SELECT id FROM orders WHERE status = 'ready' ORDER BY created_at, id LIMIT 50")
      .all()
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/USING (COVERING )?INDEX orders_queue/);
  });

  it('refuses values outside the allowed roles, statuses, tracking kinds and counts', () => {
    const db = migrated();
    seedBasics(db);
    const refused = [
      `INSERT INTO users (name, role, badge_code, pin_hash) VALUES ('X', 'boss', 'B-2', '${PIN_HASH}')`,
      "INSERT INTO users (name, role, badge_code, pin_hash) VALUES ('X', 'packer', 'B-3', '1234')",
      `INSERT INTO users (name, role, badge_code, pin_hash) VALUES ('Y', 'packer', 'B-1', '${PIN_HASH}')`,
      "INSERT INTO products (sku, name, weight_grams, tracking) VALUES ('A', 'A', 1, 'batch')",
      "INSERT INTO products (sku, name, weight_grams) VALUES ('MUG', 'Mug again', 1)",
      "INSERT INTO barcodes VALUES ('123', 1, 0)",
      "INSERT INTO barcodes VALUES ('124', 99, 1)",
      `INSERT INTO orders (number, status, customer_name, ship_name, ship_street, ship_city, ship_postcode, ship_country, search_key, created_at, updated_at)
       VALUES ('1', 'lost', 'C', 'C', 'S', 'C', 'P', 'PL', '', 'now', 'now')`,
      "INSERT INTO logins VALUES ('ST-99', 1, 'now', 'now')",
      'INSERT INTO kit_components VALUES (1, 1, 1)',
      // STRICT: text in an integer column is an error, not silently stored.
      "INSERT INTO stations VALUES ('ST-02', 'Station 2', 'en', 'fifteen')",
    ];
    for (const sql of refused) expect(() => db.exec(sql), sql).toThrow();
  });

  it('treats order numbers and reference codes without case', () => {
    const db = migrated();
    db.exec(`INSERT INTO orders (id, number, status, customer_name, ship_name, ship_street, ship_city, ship_postcode, ship_country, search_key, created_at, updated_at)
             VALUES (1, 'PD-1', 'ready', 'C', 'C', 'S', 'C', 'P', 'PL', '', 'now', 'now')`);
    expect(db.prepare("SELECT id FROM orders WHERE number = 'pd-1'").get()).toEqual({ id: 1 });
    expect(() =>
      db.exec(`INSERT INTO orders (number, status, customer_name, ship_name, ship_street, ship_city, ship_postcode, ship_country, search_key, created_at, updated_at)
               VALUES ('pd-1', 'ready', 'C', 'C', 'S', 'C', 'P', 'PL', '', 'now', 'now')`),
    ).toThrow(/UNIQUE/);
  });

  it('deletes an order together with its lines, references and lock', () => {
    const db = migrated();
    seedBasics(db);
    db.exec(`
      INSERT INTO orders (id, number, status, customer_name, ship_name, ship_street, ship_city, ship_postcode, ship_country, search_key, created_at, updated_at)
        VALUES (1, 'PD-1', 'ready', 'C', 'C', 'S', 'C', 'P', 'PL', '', 'now', 'now');
      INSERT INTO order_lines (order_id, position, product_id, sku, name, quantity) VALUES (1, 0, 1, 'MUG', 'Mug', 2);
      INSERT INTO order_references VALUES ('PL-PD-1', 1, 'pick_list');
      INSERT INTO order_locks VALUES (1, 'ST-01', 1, 'now');
      DELETE FROM orders WHERE id = 1;
    `);
    for (const table of ['order_lines', 'order_references', 'order_locks']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
  });
});
