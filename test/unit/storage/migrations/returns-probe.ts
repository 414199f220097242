import path from 'node:path';
import { openDatabase, type Database } from '../../../../src/storage/db';
import { migrate } from '../../../../src/storage/migrate';
import type { Migration } from '../../../../src/storage/migrations';
import { freshDir, PIN_HASH, track } from '../fixtures';
import { migrationsBefore } from './schema-probe';

/**
 * A database at the schema just before a returns migration (badges stored as hashes by then),
 * holding what the returns tables point at: stations ST-01 and ST-02, user 1, products 1 (MUG) and
 * 2 (LAMP), orders 1 (PD-1) and 2 (PD-2).
 */
export function databaseBeforeReturns(m: Migration): Database {
  const db = track(openDatabase(path.join(freshDir(), 'packdesk.sqlite')));
  migrate(db, migrationsBefore(m));
  db.exec(`
    INSERT INTO stations (id, name, language, idle_logout_minutes) VALUES ('ST-01', 'Station 1', 'en', 15), ('ST-02', 'Station 2', 'pl', 15);
    INSERT INTO users (id, name, role, badge_hash, pin_hash) VALUES (1, 'Ola', 'returns', '${'b'.repeat(64)}', '${PIN_HASH}');
    INSERT INTO products (id, sku, name, weight_grams, tracking) VALUES (1, 'MUG', 'Mug', 300, 'none'), (2, 'LAMP', 'Lamp', 900, 'serial');
    INSERT INTO orders (id, number, status, customer_name, ship_name, ship_street, ship_city, ship_postcode, ship_country, search_key, created_at, updated_at)
      VALUES (1, 'PD-1', 'shipped', 'C', 'C', 'S', 'C', 'P', 'PL', '', 'now', 'now'),
             (2, 'PD-2', 'ready', 'C', 'C', 'S', 'C', 'P', 'PL', '', 'now', 'now');
  `);
  return db;
}
