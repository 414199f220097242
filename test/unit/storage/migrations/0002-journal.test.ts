import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../../src/storage/db';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { initial } from '../../../../src/storage/migrations/0001-initial';
import { journal } from '../../../../src/storage/migrations/0002-journal';
import { freshDir, track } from '../fixtures';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

function migrated(): Database {
  const db = track(openDatabase(path.join(freshDir(), 'packdesk.sqlite')));
  migrate(db, [initial, journal]);
  return db;
}

function insertEntry(db: Database, seq: number): void {
  db.prepare(
    `INSERT INTO journal_entries (seq, at, station_id, actor_id, type, subject_kind, subject_id, payload, prev_hash, hash)
     VALUES (?, '2026-03-02T08:00:00.000Z', 'ST-01', 1, 'pack.scan', 'order', 'SO-1', '{}', ?, ?)`,
  ).run(seq, HASH_A, HASH_B);
}

describe('migration 0002-journal', () => {
  it('creates both tables STRICT with the subject index, at schema version 2', () => {
    const db = migrated();
    expect(schemaVersion(db)).toBe(2);
    for (const table of ['journal_entries', 'journal_checkpoints']) {
      const sql = db.prepare<[string], { sql: string }>('SELECT sql FROM sqlite_schema WHERE name = ?').get(table)?.sql;
      expect(sql).toMatch(/\)\s*STRICT$/);
    }
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM journal_entries WHERE subject_kind = 'order' AND subject_id = 'SO-1'").all();
    expect(JSON.stringify(plan)).toContain('journal_entries_subject');
  });

  it('refuses UPDATE and DELETE of entries with "journal is append-only"', () => {
    const db = migrated();
    insertEntry(db, 1);
    expect(() => db.exec('UPDATE journal_entries SET payload = \'{"x":1}\' WHERE seq = 1')).toThrow('journal is append-only');
    expect(() => db.exec('DELETE FROM journal_entries WHERE seq = 1')).toThrow('journal is append-only');
    expect(() => db.exec('DELETE FROM journal_entries')).toThrow('journal is append-only');
    expect(db.prepare('SELECT payload FROM journal_entries').get()).toEqual({ payload: '{}' });
  });

  it('refuses UPDATE and DELETE of checkpoints', () => {
    const db = migrated();
    db.prepare("INSERT INTO journal_checkpoints VALUES (1, ?, '2026-03-02T08:00:00.000Z', 'sig', 'key')").run(HASH_B);
    expect(() => db.exec("UPDATE journal_checkpoints SET signature = 'forged'")).toThrow('journal is append-only');
    expect(() => db.exec('DELETE FROM journal_checkpoints')).toThrow('journal is append-only');
  });

  it('refuses a second entry with the same seq, a short hash, and half a subject', () => {
    const db = migrated();
    insertEntry(db, 1);
    expect(() => insertEntry(db, 1)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => db.exec(`INSERT INTO journal_entries VALUES (2, 't', 'ST-01', NULL, 'x', NULL, NULL, '{}', '${HASH_A}', 'short')`)).toThrow(/CHECK/);
    expect(() => db.exec(`INSERT INTO journal_entries VALUES (2, 't', 'ST-01', NULL, 'x', 'order', NULL, '{}', '${HASH_A}', '${HASH_B}')`)).toThrow(/CHECK/);
  });
});
