import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../../src/storage/db';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { logins } from '../../../../src/storage/migrations/0012-logins';
import { freshDir, PIN_HASH, track } from '../fixtures';
import { isStrict, migrationsBefore, planOf, usesIndex } from './schema-probe';

const BEFORE = migrationsBefore(logins);

/** A database one step before 0012: one login ended and one live. */
function beforeLogins(): Database {
  const db = track(openDatabase(path.join(freshDir(), 'packdesk.sqlite')));
  migrate(db, BEFORE);
  db.exec(`
    INSERT INTO stations (id, name, language, idle_logout_minutes) VALUES ('ST-01', 'Station 1', 'en', 15);
    INSERT INTO users (id, name, role, badge_hash, pin_hash) VALUES (1, 'Ola', 'packer', '${'b'.repeat(64)}', '${PIN_HASH}');
    INSERT INTO login_sessions (id, client_key, station_id, user_id, started_at, last_activity_at, ended_at, end_reason)
      VALUES (4, 'browser-a', 'ST-01', 1, 't0', 't1', 't2', 'logout'),
             (5, 'browser-a', 'ST-01', 1, 't3', 't3', NULL, NULL);
  `);
  return db;
}

describe('migration 0012-logins', () => {
  it('keeps every login with its id under the table name the code uses, STRICT, at schema version 12', () => {
    const db = beforeLogins();
    migrate(db, [...BEFORE, logins]);
    expect(schemaVersion(db)).toBe(12);
    expect(db.prepare('SELECT id, client_key, ended_at, end_reason FROM logins ORDER BY id').all()).toEqual([
      { id: 4, client_key: 'browser-a', ended_at: 't2', end_reason: 'logout' },
      { id: 5, client_key: 'browser-a', ended_at: null, end_reason: null },
    ]);
    expect(isStrict(db, 'logins')).toBe(true);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name LIKE 'login_sessions%'").all()).toEqual([]);
  });

  it('still allows one live login per client and station, and finds the live ones by index', () => {
    const db = beforeLogins();
    migrate(db, [...BEFORE, logins]);
    const start = db.prepare("INSERT INTO logins (client_key, station_id, user_id, started_at, last_activity_at) VALUES ('browser-a', 'ST-01', 1, 't4', 't4')");
    expect(() => start.run()).toThrow('UNIQUE constraint failed');
    expect(planOf(db, 'SELECT id FROM logins WHERE client_key = ? AND station_id = ? AND ended_at IS NULL', 'browser-a', 'ST-01')).toMatch(
      usesIndex('logins_live'),
    );
    expect(planOf(db, 'SELECT id FROM logins WHERE station_id = ? AND ended_at IS NULL ORDER BY started_at', 'ST-01')).toMatch(usesIndex('logins_open'));
  });
});
