import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StationFailure } from '../../../src/contract/errors';
import { openDatabase } from '../../../src/storage/db';
import { assertMigrationOrder, migrate, schemaVersion } from '../../../src/storage/migrate';
import { MIGRATIONS, type Migration } from '../../../src/storage/migrations';
import { freshDir, track } from './fixtures';

function openFresh() {
  return track(openDatabase(path.join(freshDir(), 'packdesk.sqlite')));
}

const step = (version: number, sql: string): Migration => ({ version, name: `step-${version}`, up: (db) => db.exec(sql) });

describe('migration runner', () => {
  it('ships migrations numbered 1, 2, 3, … without gaps', () => {
    expect(() => assertMigrationOrder(MIGRATIONS)).not.toThrow();
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('rejects a list with a gap, a repeat or the wrong order before touching the database', () => {
    const db = openFresh();
    for (const versions of [
      [1, 3],
      [1, 1],
      [2, 1],
      [0, 1],
    ]) {
      const list = versions.map((v, i) => step(v, `CREATE TABLE t${i} (x INTEGER) STRICT`));
      expect(() => migrate(db, list)).toThrow(/without gaps/);
    }
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get()).toEqual({ n: 0 });
  });

  it('runs pending migrations in order, records user_version, and runs each only once', () => {
    const db = openFresh();
    const ran: number[] = [];
    const list: Migration[] = [1, 2, 3].map((v) => ({
      version: v,
      name: `m${v}`,
      up: (d) => {
        ran.push(v);
        d.exec(`CREATE TABLE t${v} (x INTEGER) STRICT`);
      },
    }));
    expect(migrate(db, list.slice(0, 2))).toEqual({ from: 0, to: 2, applied: ['1-m1', '2-m2'] });
    expect(schemaVersion(db)).toBe(2);
    expect(migrate(db, list)).toEqual({ from: 2, to: 3, applied: ['3-m3'] });
    expect(migrate(db, list)).toEqual({ from: 3, to: 3, applied: [] });
    expect(ran).toEqual([1, 2, 3]);
  });

  it('rolls a failing migration back whole and leaves user_version at the last good step', () => {
    const db = openFresh();
    const list = [
      step(1, 'CREATE TABLE a (x INTEGER) STRICT'),
      step(2, 'CREATE TABLE b (x INTEGER) STRICT; INSERT INTO b VALUES (1); INSERT INTO nowhere VALUES (1);'),
    ];
    expect(() => migrate(db, list)).toThrow(/no such table: nowhere/);
    expect(schemaVersion(db)).toBe(1);
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all();
    expect(tables.map((t) => t.name)).toEqual(['a']);
  });

  it('refuses a migration that leaves broken references', () => {
    const db = openFresh();
    const list = [
      step(1, 'CREATE TABLE parent (id INTEGER PRIMARY KEY) STRICT; CREATE TABLE child (parent_id INTEGER REFERENCES parent (id)) STRICT;'),
      // foreign_keys cannot be switched inside the migration's transaction, so defer the check.
      step(2, 'PRAGMA defer_foreign_keys = ON; INSERT INTO child VALUES (42); PRAGMA defer_foreign_keys = OFF;'),
    ];
    expect(() => migrate(db, list)).toThrow(/broken references/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare('SELECT count(*) AS n FROM child').get()).toEqual({ n: 0 });
  });

  it('refuses a database from a newer Packdesk with a sentence naming both versions, and leaves it alone', () => {
    const db = openFresh();
    migrate(db);
    const newer = MIGRATIONS.length + 5;
    db.pragma(`user_version = ${newer}`);
    let failure: unknown;
    try {
      migrate(db);
    } catch (err) {
      failure = err;
    }
    expect(failure).toBeInstanceOf(StationFailure);
    expect((failure as StationFailure).code).toBe('DATABASE_TOO_NEW');
    expect((failure as StationFailure).message).toBe(
      `This database was written by a newer Packdesk (schema ${newer}; this version knows ${MIGRATIONS.length}). ` +
        'Update Packdesk on this station, or restore a backup made by this version.',
    );
    expect(schemaVersion(db)).toBe(newer);
  });

  it('will not upgrade a database opened read-only', () => {
    const file = path.join(freshDir(), 'packdesk.sqlite');
    const writer = openDatabase(file);
    writer.exec('CREATE TABLE keep (x INTEGER) STRICT');
    writer.close();
    const reader = track(openDatabase(file, { readonly: true }));
    expect(() => migrate(reader)).toThrow(/needs upgrading/);
    expect(schemaVersion(reader)).toBe(0);
  });
});
