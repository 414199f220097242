import path from 'node:path';
import { openDatabase, type Database } from '../../../../src/storage/db';
import { migrate } from '../../../../src/storage/migrate';
import { MIGRATIONS, type Migration } from '../../../../src/storage/migrations';
import { freshDir, PIN_HASH, track } from '../fixtures';

/** Helpers for the migration tests: a database one step before a migration, rows and query plans. */

export type Row = Record<string, string | number | null>;

export const migrationsBefore = (m: Migration): Migration[] => MIGRATIONS.filter((x) => x.version < m.version);
export const migrationsThrough = (m: Migration): Migration[] => MIGRATIONS.filter((x) => x.version <= m.version);

/**
 * A new database file at the schema just before `m`, holding what the new tables point at:
 * stations ST-01 and ST-02, user 1, products 1 (MUG) and 2 (LAMP), orders 1 (PD-1) and 2 (PD-2).
 */
export function databaseBefore(m: Migration): Database {
  const db = track(openDatabase(path.join(freshDir(), 'packdesk.sqlite')));
  migrate(db, migrationsBefore(m));
  db.exec(`
    INSERT INTO stations (id, name, language, idle_logout_minutes) VALUES ('ST-01', 'Station 1', 'en', 15), ('ST-02', 'Station 2', 'pl', 15);
    INSERT INTO users (id, name, role, badge_code, pin_hash) VALUES (1, 'Ola', 'packer', 'PD-P-0001', '${PIN_HASH}');
    INSERT INTO products (id, sku, name, weight_grams, tracking) VALUES (1, 'MUG', 'Mug', 300, 'none'), (2, 'LAMP', 'Lamp', 900, 'serial');
    INSERT INTO orders (id, number, status, customer_name, ship_name, ship_street, ship_city, ship_postcode, ship_country, search_key, created_at, updated_at)
      VALUES (1, 'PD-1', 'ready', 'C', 'C', 'S', 'C', 'P', 'PL', '', 'now', 'now'),
             (2, 'PD-2', 'ready', 'C', 'C', 'S', 'C', 'P', 'PL', '', 'now', 'now');
  `);
  return db;
}

/** Every row of the tables `databaseBefore` fills, to compare before and after a migration. */
export function parentRows(db: Database): Record<string, unknown[]> {
  const tables = ['stations', 'users', 'products', 'orders'];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
}

export function isStrict(db: Database, table: string): boolean {
  const row = db.prepare<[string], { strict: number }>("SELECT strict FROM pragma_table_list WHERE schema = 'main' AND name = ?").get(table);
  if (!row) throw new Error(`There is no table ${table}.`);
  return row.strict === 1;
}

/** Inserts and keeps a row; returns its rowid. */
export function insert(db: Database, table: string, row: Row): number {
  const columns = Object.keys(row);
  const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
  return Number(db.prepare(sql).run(row).lastInsertRowid);
}

/**
 * Inserts a row and takes it back at once, throwing what SQLite throws: each probe meets the
 * table as it was, so a refused row differs from an accepted one only in what the test changed.
 */
export function probe(db: Database, table: string, row: Row): void {
  db.exec('SAVEPOINT probe');
  try {
    insert(db, table, row);
  } finally {
    db.exec('ROLLBACK TO probe');
    db.exec('RELEASE probe');
  }
}

/** The query plan of `sql` (with its parameters), one line per step. */
export function planOf(db: Database, sql: string, ...params: (string | number)[]): string {
  return db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((r) => r.detail)
    .join('\n');
}

/** Matches a plan that reads through the named index (covering or not). */
export const usesIndex = (name: string): RegExp => new RegExp(`USING (COVERING )?INDEX ${name}\\b`);
