import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { stationKind } from '../../../../src/storage/migrations/0015-station-kind';
import { databaseBeforeReturns as databaseBefore } from './returns-probe';
import { isStrict, migrationsBefore, parentRows, probe } from './schema-probe';

describe('migration 0015-station-kind', () => {
  it('makes every existing station a packing desk in Warsaw, keeping its rows, STRICT, at schema version 15', () => {
    const db = databaseBefore(stationKind);
    const before = parentRows(db);
    migrate(db, [...migrationsBefore(stationKind), stationKind]);
    expect(schemaVersion(db)).toBe(15);
    expect(db.prepare('SELECT id, kind, time_zone FROM stations ORDER BY id').all()).toEqual([
      { id: 'ST-01', kind: 'packing', time_zone: 'Europe/Warsaw' },
      { id: 'ST-02', kind: 'packing', time_zone: 'Europe/Warsaw' },
    ]);
    expect(parentRows(db).orders).toEqual(before.orders);
    expect(isStrict(db, 'stations')).toBe(true);
  });

  it('takes a returns desk and refuses any other kind', () => {
    const db = databaseBefore(stationKind);
    migrate(db, [...migrationsBefore(stationKind), stationKind]);
    const station = { id: 'ST-09', name: 'Zwroty', language: 'pl', idle_logout_minutes: 15 };
    expect(() => probe(db, 'stations', { ...station, kind: 'returns', time_zone: 'Europe/Berlin' })).not.toThrow();
    expect(() => probe(db, 'stations', { ...station, kind: 'office' })).toThrow('CHECK constraint failed');
    expect(() => probe(db, 'stations', { ...station, time_zone: '' })).toThrow('CHECK constraint failed');
  });
});
