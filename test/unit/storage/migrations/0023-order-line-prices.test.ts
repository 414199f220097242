import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/storage/db';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { orderLinePrices } from '../../../../src/storage/migrations/0023-order-line-prices';
import { freshDir, track } from '../fixtures';
import { migrationsBefore, migrationsThrough } from './schema-probe';

describe('migration 0023-order-line-prices', () => {
  it('leaves the lines of earlier orders without a price, and takes only a price of zero or more in a three-letter currency', () => {
    const db = track(openDatabase(path.join(freshDir(), 'packdesk.sqlite')));
    migrate(db, migrationsBefore(orderLinePrices));
    db.exec(`INSERT INTO products (sku, name, weight_grams) VALUES ('MUG-01', 'Mug', 300)`);
    db.exec(`INSERT INTO orders (number, status, customer_name, ship_name, ship_street, ship_city, ship_postcode, ship_country, search_key, created_at, updated_at)
             VALUES ('PD-1', 'ready', 'A', 'A', 'S', 'C', 'P', 'PL', 'pd-1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`);
    db.exec(`INSERT INTO order_lines (order_id, position, product_id, sku, name, quantity) VALUES (1, 0, 1, 'MUG-01', 'Mug', 2)`);
    migrate(db, migrationsThrough(orderLinePrices));
    expect(schemaVersion(db)).toBe(23);
    expect(db.prepare('SELECT unit_price_minor, price_currency FROM order_lines').all()).toEqual([{ unit_price_minor: null, price_currency: null }]);
    const line = (price: number, currency: string) =>
      db
        .prepare(
          `INSERT INTO order_lines (order_id, position, product_id, sku, name, quantity, unit_price_minor, price_currency) VALUES (1, 9, 1, 'MUG-01', 'Mug', 1, ?, ?)`,
        )
        .run(price, currency);
    expect(() => line(-1, 'PLN')).toThrow('CHECK constraint failed');
    expect(() => line(100, 'PLNX')).toThrow('CHECK constraint failed');
    expect(() => line(4999, 'PLN')).not.toThrow();
  });
});
