import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { openDatabase } from '../../../../src/storage/db';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { shiftPatterns } from '../../../../src/storage/migrations/0024-shift-patterns';
import { freshDir, track } from '../fixtures';
import { isStrict, migrationsBefore, migrationsThrough, probe } from './schema-probe';

describe('migration 0024-shift-patterns', () => {
  it('keeps every station, and holds one warehouse pattern and one per station, each a short JSON list', () => {
    const db = track(openDatabase(path.join(freshDir(), 'packdesk.sqlite')));
    migrate(db, migrationsBefore(shiftPatterns));
    db.exec("INSERT INTO stations (id, name, language, idle_logout_minutes) VALUES ('ST-01', 'Station 1', 'en', 15)");
    const before = db.prepare('SELECT * FROM stations').all();
    migrate(db, migrationsThrough(shiftPatterns));
    expect(schemaVersion(db)).toBe(24);
    expect(db.prepare('SELECT * FROM stations').all()).toEqual(before);
    expect(isStrict(db, 'warehouse_shifts')).toBe(true);
    expect(isStrict(db, 'station_shifts')).toBe(true);
    const at = '2026-12-02T08:00:00.000Z';
    expect(() => probe(db, 'warehouse_shifts', { id: 1, starts: '["06:00","18:00"]', updated_by: null, updated_at: at })).not.toThrow();
    expect(() => probe(db, 'warehouse_shifts', { id: 2, starts: '["06:00"]', updated_by: null, updated_at: at })).toThrow('CHECK constraint failed');
    expect(() => probe(db, 'warehouse_shifts', { id: 1, starts: '[]', updated_by: null, updated_at: at })).toThrow('CHECK constraint failed');
    expect(() => probe(db, 'station_shifts', { station_id: 'ST-01', starts: '["07:00"]', updated_by: null, updated_at: at })).not.toThrow();
    expect(() => probe(db, 'station_shifts', { station_id: 'ST-01', starts: '"07:00"', updated_by: null, updated_at: at })).toThrow('CHECK constraint failed');
    expect(() => probe(db, 'station_shifts', { station_id: 'ST-09', starts: '["07:00"]', updated_by: null, updated_at: at })).toThrow('FOREIGN KEY');
  });
});
