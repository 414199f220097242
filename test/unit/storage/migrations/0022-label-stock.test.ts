import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/storage/db';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { labelStock } from '../../../../src/storage/migrations/0022-label-stock';
import { freshDir, track } from '../fixtures';
import { migrationsBefore, migrationsThrough, probe } from './schema-probe';

describe('migration 0022-label-stock', () => {
  it('keeps every printer as it was, with its stock unsaid, and takes only A6 or 4×6', () => {
    const db = track(openDatabase(path.join(freshDir(), 'packdesk.sqlite')));
    migrate(db, migrationsBefore(labelStock));
    db.exec("INSERT INTO stations (id, name, language, idle_logout_minutes) VALUES ('S1', 'Station 1', 'en', 15)");
    db.exec(
      "INSERT INTO printer_profiles (station_id, document_kind, printer_kind, target, format, raw) VALUES ('S1', 'label', 'raw_tcp', '10.0.0.5:9100', 'zpl', 1)",
    );
    migrate(db, migrationsThrough(labelStock));
    expect(schemaVersion(db)).toBe(22);
    expect(db.prepare('SELECT target, label_size FROM printer_profiles').all()).toEqual([{ target: '10.0.0.5:9100', label_size: null }]);
    const printer = { station_id: 'S1', document_kind: 'packing_slip', printer_kind: 'raw_tcp', target: 'x:9100', format: 'pdf', raw: 0 };
    expect(() => probe(db, 'printer_profiles', { ...printer, label_size: '4x6' })).not.toThrow();
    expect(() => probe(db, 'printer_profiles', { ...printer, label_size: 'a4' })).toThrow('CHECK constraint failed');
  });
});
