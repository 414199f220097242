import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/storage/db';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { boxTypesActive } from '../../../../src/storage/migrations/0020-box-types-active';
import { freshDir, track } from '../fixtures';
import { migrationsBefore, migrationsThrough, probe } from './schema-probe';

describe('migration 0020-box-types-active', () => {
  it('keeps every box type in use, and takes only 0 or 1 for active', () => {
    const db = track(openDatabase(path.join(freshDir(), 'packdesk.sqlite')));
    migrate(db, migrationsBefore(boxTypesActive));
    db.exec("INSERT INTO box_types (code, name, tare_grams, length_mm, width_mm, height_mm) VALUES ('K1', 'Small', 120, 200, 150, 100)");
    migrate(db, migrationsThrough(boxTypesActive));
    expect(schemaVersion(db)).toBe(20);
    expect(db.prepare('SELECT code, active FROM box_types').all()).toEqual([{ code: 'K1', active: 1 }]);
    const box = { code: 'K2', name: 'Big', tare_grams: 300, length_mm: 400, width_mm: 300, height_mm: 200 };
    expect(() => probe(db, 'box_types', { ...box, active: 0 })).not.toThrow();
    expect(() => probe(db, 'box_types', { ...box, active: 2 })).toThrow('CHECK constraint failed');
  });
});
