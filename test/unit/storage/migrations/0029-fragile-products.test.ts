import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/storage/db';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { fragileProducts } from '../../../../src/storage/migrations/0029-fragile-products';
import { freshDir, track } from '../fixtures';
import { insert, isStrict, migrationsBefore, migrationsThrough, probe, type Row } from './schema-probe';

/** A database one step before 0029, with two products (a mug and a kit) as a catalogue import left them. */
function databaseBefore() {
  const db = track(openDatabase(path.join(freshDir(), 'packdesk.sqlite')));
  migrate(db, migrationsBefore(fragileProducts));
  insert(db, 'products', { sku: 'MUG-01', name: 'Mug', weight_grams: 300 });
  insert(db, 'products', { sku: 'KIT-01', name: 'Kit', weight_grams: 900, tracking: 'serial', returnable: 0, non_returnable_reason: 'hygiene', is_kit: 1 });
  return db;
}

const vase: Row = { sku: 'VASE-01', name: 'Vase', weight_grams: 1200 };

describe('migration 0029-fragile-products', () => {
  it('marks every product known before as not fragile and keeps the rest of its row, in a STRICT table at version 29', () => {
    const db = databaseBefore();
    const before = db.prepare('SELECT * FROM products ORDER BY id').all() as Row[];
    migrate(db, migrationsThrough(fragileProducts));
    expect(schemaVersion(db)).toBe(29);
    expect(isStrict(db, 'products')).toBe(true);
    expect(db.prepare('SELECT * FROM products ORDER BY id').all()).toEqual(before.map((row) => ({ ...row, fragile: 0 })));
  });

  it('takes only 0 or 1, and a product inserted without the mark is not fragile', () => {
    const db = databaseBefore();
    migrate(db, migrationsThrough(fragileProducts));
    probe(db, 'products', { ...vase, fragile: 1 });
    probe(db, 'products', { ...vase, fragile: 0 });
    expect(() => probe(db, 'products', { ...vase, fragile: 2 })).toThrow('CHECK constraint failed');
    expect(() => probe(db, 'products', { ...vase, fragile: null })).toThrow('NOT NULL constraint failed: products.fragile');
    const id = insert(db, 'products', vase);
    expect(db.prepare('SELECT fragile FROM products WHERE id = ?').get(id)).toEqual({ fragile: 0 });
  });
});
