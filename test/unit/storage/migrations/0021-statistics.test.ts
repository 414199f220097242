import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../../src/storage/db';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { statistics } from '../../../../src/storage/migrations/0021-statistics';
import { freshDir, track } from '../fixtures';
import { isStrict, migrationsBefore, migrationsThrough, planOf, usesIndex } from './schema-probe';

/** A database one step before 0021 (the journal needs nothing else to exist). */
function databaseBefore(): Database {
  const db = track(openDatabase(path.join(freshDir(), 'packdesk.sqlite')));
  migrate(db, migrationsBefore(statistics));
  return db;
}

describe('migration 0021-statistics', () => {
  it('indexes the journal by type and time, and by packer, type and time, at schema version 21', () => {
    const db = databaseBefore();
    migrate(db, migrationsThrough(statistics));
    expect(schemaVersion(db)).toBe(21);
    expect(planOf(db, "SELECT seq FROM journal_entries WHERE type = 'pack.completed' AND at >= ? AND at < ?", '2026-11-01', '2026-12-01')).toMatch(
      usesIndex('journal_entries_type_at'),
    );
    expect(
      planOf(db, "SELECT subject_id FROM journal_entries WHERE actor_id = ? AND type = 'pack.opened' AND at >= ? AND at < ?", 1, '2026-11-01', '2026-12-01'),
    ).toMatch(usesIndex('journal_entries_actor_type_at'));
  });

  it('keeps counted sessions with their packers, and forgets a packer row with its session', () => {
    const db = databaseBefore();
    migrate(db, migrationsThrough(statistics));
    expect(isStrict(db, 'stats_sessions')).toBe(true);
    expect(isStrict(db, 'stats_cache')).toBe(true);
    db.prepare("INSERT INTO stats_sessions (completion_seq, completed_at, station_id, facts) VALUES (7, '2026-11-20T08:00:00.000Z', 'ST-01', '{}')").run();
    db.prepare("INSERT INTO stats_session_packers (packer_id, completed_at, completion_seq) VALUES (1, '2026-11-20T08:00:00.000Z', 7)").run();
    expect(() =>
      db.prepare("INSERT INTO stats_sessions (completion_seq, completed_at, station_id, facts) VALUES (8, 'x', 'ST-01', 'not json')").run(),
    ).toThrow();
    expect(
      planOf(
        db,
        'SELECT completion_seq FROM stats_session_packers WHERE packer_id = ? AND completed_at >= ? AND completed_at < ?',
        1,
        '2026-11-01',
        '2026-12-01',
      ),
    ).toMatch(/USING PRIMARY KEY|USING (COVERING )?INDEX/);
    db.exec('DELETE FROM stats_sessions');
    expect(db.prepare('SELECT count(*) AS n FROM stats_session_packers').get()).toEqual({ n: 0 });
  });

  it('leaves the journal append-only', () => {
    const db = databaseBefore();
    migrate(db, migrationsThrough(statistics));
    db.prepare(
      `INSERT INTO journal_entries (seq, at, station_id, actor_id, type, subject_kind, subject_id, payload, prev_hash, hash)
       VALUES (1, '2026-11-20T08:00:00.000Z', 'ST-01', 1, 'pack.opened', 'order', 'PD-1', '{}', ?, ?)`,
    ).run('0'.repeat(64), '1'.repeat(64));
    expect(() => db.exec("UPDATE journal_entries SET type = 'x'")).toThrow(/append-only/);
  });
});
