import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../../src/storage/db';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { statisticsIndexes } from '../../../../src/storage/migrations/0013-statistics-indexes';
import { freshDir, track } from '../fixtures';
import { migrationsBefore, migrationsThrough, planOf, usesIndex } from './schema-probe';

/** A database one step before 0013 (the journal needs nothing else to exist). */
function databaseBefore(): Database {
  const db = track(openDatabase(path.join(freshDir(), 'packdesk.sqlite')));
  migrate(db, migrationsBefore(statisticsIndexes));
  return db;
}

describe('migration 0013-statistics-indexes', () => {
  it('indexes the journal by type and time, and by packer, type and time, at schema version 13', () => {
    const db = databaseBefore();
    migrate(db, migrationsThrough(statisticsIndexes));
    expect(schemaVersion(db)).toBe(13);
    expect(planOf(db, "SELECT seq FROM journal_entries WHERE type = 'pack.completed' AND at >= ? AND at < ?", '2026-11-01', '2026-12-01')).toMatch(
      usesIndex('journal_entries_type_at'),
    );
    expect(
      planOf(db, "SELECT subject_id FROM journal_entries WHERE actor_id = ? AND type = 'pack.opened' AND at >= ? AND at < ?", 1, '2026-11-01', '2026-12-01'),
    ).toMatch(usesIndex('journal_entries_actor_type_at'));
  });

  it('leaves the journal append-only', () => {
    const db = databaseBefore();
    migrate(db, migrationsThrough(statisticsIndexes));
    db.prepare(
      `INSERT INTO journal_entries (seq, at, station_id, actor_id, type, subject_kind, subject_id, payload, prev_hash, hash)
       VALUES (1, '2026-11-20T08:00:00.000Z', 'ST-01', 1, 'pack.opened', 'order', 'PD-1', '{}', ?, ?)`,
    ).run('0'.repeat(64), '1'.repeat(64));
    expect(() => db.exec("UPDATE journal_entries SET type = 'x'")).toThrow(/append-only/);
  });
});
