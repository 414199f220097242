import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerBadgeDigest } from '../../../../src/storage/badge-key';
import { openDatabase, type Database } from '../../../../src/storage/db';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { MIGRATIONS } from '../../../../src/storage/migrations';
import { badgeHashes } from '../../../../src/storage/migrations/0009-badge-hashes';
import { freshDir, PIN_HASH, track } from '../fixtures';

const KEY_BYTES = Buffer.alloc(32, 9);
const KEY = crypto.createSecretKey(KEY_BYTES);
const BEFORE = MIGRATIONS.filter((m) => m.version < badgeHashes.version);
const hmac = (code: string) => crypto.createHmac('sha256', KEY_BYTES).update(code).digest('hex');

/** A database one step before 0009, with two badges and an order lock held by one of them. */
function withBadgeCodes(options: { key: boolean }): { db: Database; file: string } {
  const file = path.join(freshDir(), 'packdesk.sqlite');
  const db = track(openDatabase(file));
  if (options.key) registerBadgeDigest(db, KEY);
  migrate(db, BEFORE);
  db.exec(`
    INSERT INTO stations (id, name, language, idle_logout_minutes) VALUES ('ST-01', 'Station 1', 'en', 15);
    INSERT INTO users (id, name, role, badge_code, pin_hash) VALUES (1, 'Ola', 'packer', 'PD-P-0001', '${PIN_HASH}'),
                                                                    (2, 'Jan', 'manager', 'PD-M-0001', '${PIN_HASH}');
    INSERT INTO orders (id, number, status, customer_name, ship_name, ship_street, ship_city, ship_postcode, ship_country, search_key, created_at, updated_at)
      VALUES (1, 'PD-1', 'ready', 'C', 'C', 'S', 'C', 'P', 'PL', '', 'now', 'now');
    INSERT INTO order_locks VALUES (1, 'ST-01', 1, 'now');
  `);
  return { db, file };
}

describe('migration 0009-badge-hashes', () => {
  it('replaces each badge code by its HMAC under the registered key, keeping ids and what points at them', () => {
    const { db } = withBadgeCodes({ key: true });
    migrate(db);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(badgeHashes.version);
    const columns = db.prepare<[], { name: string; notnull: number }>('SELECT name, "notnull" FROM pragma_table_info(\'users\')').all();
    expect(columns.map((c) => c.name)).not.toContain('badge_code');
    expect(columns.find((c) => c.name === 'badge_hash')?.notnull).toBe(1);
    expect(db.prepare('SELECT id, badge_hash FROM users ORDER BY id').all()).toEqual([
      { id: 1, badge_hash: hmac('PD-P-0001') },
      { id: 2, badge_hash: hmac('PD-M-0001') },
    ]);
    expect(db.prepare('SELECT user_id FROM order_locks').all()).toEqual([{ user_id: 1 }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(() => db.exec(`UPDATE users SET badge_hash = '${hmac('PD-P-0001')}' WHERE id = 2`)).toThrow(/UNIQUE/);
  });

  it('leaves no old code in the database file', () => {
    const { db, file } = withBadgeCodes({ key: true });
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.readFileSync(file).includes('PD-P-0001')).toBe(true);
    migrate(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = fs.readFileSync(file);
    expect([bytes.includes('PD-P-0001'), bytes.includes('PD-M-0001')]).toEqual([false, false]);
  });

  it('refuses a badge code written where its hash belongs', () => {
    const { db } = withBadgeCodes({ key: true });
    migrate(db);
    expect(() => db.prepare("INSERT INTO users (name, role, badge_hash, pin_hash) VALUES ('Ewa', 'packer', 'PD-P-0002', ?)").run(PIN_HASH)).toThrow(
      /never a badge code/,
    );
    expect(() => db.exec("UPDATE users SET badge_hash = 'PD-P-0001' WHERE id = 1")).toThrow(/never a badge code/);
  });

  it('stops, changing nothing, when badge codes are stored and no key was registered; needs none without them', () => {
    const { db } = withBadgeCodes({ key: false });
    expect(() => migrate(db)).toThrow(/badge_digest/);
    expect(schemaVersion(db)).toBe(badgeHashes.version - 1);
    expect(db.prepare('SELECT badge_code FROM users WHERE id = 1').get()).toEqual({ badge_code: 'PD-P-0001' });

    const empty = track(openDatabase(path.join(freshDir(), 'packdesk.sqlite')));
    migrate(empty);
    expect(schemaVersion(empty)).toBeGreaterThanOrEqual(badgeHashes.version);
  });
});
