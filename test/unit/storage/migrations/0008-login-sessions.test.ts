import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../../src/storage/db';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { MIGRATIONS } from '../../../../src/storage/migrations';
import { loginSessions } from '../../../../src/storage/migrations/0008-login-sessions';
import { freshDir, PIN_HASH, track } from '../fixtures';

const BEFORE = MIGRATIONS.filter((m) => m.version < loginSessions.version);

/** A database one step before 0008: a station with a user logged in under the old one-per-station table. */
function beforeLoginSessions(): Database {
  const db = track(openDatabase(path.join(freshDir(), 'packdesk.sqlite')));
  migrate(db, BEFORE);
  db.exec(`
    INSERT INTO stations VALUES ('ST-01', 'Station 1', 'en', 15);
    INSERT INTO users (id, name, role, badge_code, pin_hash) VALUES (1, 'Ola', 'packer', 'PD-P-0001', '${PIN_HASH}');
    INSERT INTO logins VALUES ('ST-01', 1, '2026-03-02T08:00:00Z', '2026-03-02T08:00:00Z');
  `);
  return db;
}

const insertLogin = (db: Database, client: string, ended: string | null = null) =>
  db
    .prepare(
      "INSERT INTO login_sessions (client_key, station_id, user_id, started_at, last_activity_at, ended_at, end_reason) VALUES (?, 'ST-01', 1, 'now', 'now', ?, ?)",
    )
    .run(client, ended, ended ? 'logout' : null);

describe('migration 0008-login-sessions', () => {
  it('replaces the per-station logins by per-client ones, STRICT, at schema version 8, and lets everyone log in again', () => {
    const db = beforeLoginSessions();
    migrate(db, [...BEFORE, loginSessions]);
    expect(schemaVersion(db)).toBe(8);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'logins'").get()).toBeUndefined();
    const sql = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_schema WHERE name = 'login_sessions'").get()?.sql;
    expect(sql).toMatch(/\)\s*STRICT$/);
    expect(db.prepare('SELECT count(*) AS n FROM login_sessions').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT badge_only_login FROM stations').get()).toEqual({ badge_only_login: 1 });
  });

  it('allows one live login per client and station, any number of ended ones, and several clients at a station', () => {
    const db = beforeLoginSessions();
    migrate(db, [...BEFORE, loginSessions]);
    insertLogin(db, 'browser:a');
    insertLogin(db, 'browser:b');
    insertLogin(db, 'browser:a', 'later');
    insertLogin(db, 'browser:a', 'even later');
    expect(() => insertLogin(db, 'browser:a')).toThrow(/UNIQUE/);
  });

  it('refuses an end without its reason, an unknown reason and an empty client key', () => {
    const db = beforeLoginSessions();
    migrate(db, [...BEFORE, loginSessions]);
    const raw = (values: string) => () =>
      db.exec(`INSERT INTO login_sessions (client_key, station_id, user_id, started_at, last_activity_at, ended_at, end_reason) VALUES ${values}`);
    expect(raw("('browser:a', 'ST-01', 1, 'now', 'now', 'now', NULL)")).toThrow(/CHECK/);
    expect(raw("('browser:a', 'ST-01', 1, 'now', 'now', 'now', 'vanished')")).toThrow(/CHECK/);
    expect(raw("('', 'ST-01', 1, 'now', 'now', NULL, NULL)")).toThrow(/CHECK/);
    expect(() => db.exec('UPDATE stations SET badge_only_login = 2')).toThrow(/CHECK/);
  });
});
