import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/storage/db';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { carrierAccounts } from '../../../../src/storage/migrations/0014-carrier-accounts';
import { freshDir, track } from '../fixtures';
import { isStrict, migrationsBefore, migrationsThrough } from './schema-probe';

describe('migration 0014-carrier-accounts', () => {
  it('adds a STRICT table of carrier accounts that refuses unknown carriers and settings that are not JSON', () => {
    const db = track(openDatabase(path.join(freshDir(), 'packdesk.sqlite')));
    migrate(db, migrationsBefore(carrierAccounts));
    expect(schemaVersion(db)).toBe(13);
    migrate(db, migrationsThrough(carrierAccounts));
    expect(schemaVersion(db)).toBe(14);
    expect(isStrict(db, 'carrier_accounts')).toBe(true);
    db.prepare("INSERT INTO carrier_accounts (kind, settings, updated_at) VALUES ('dpd', '{}', 'now')").run();
    expect(() => db.prepare("INSERT INTO carrier_accounts (kind, settings, updated_at) VALUES ('ups', '{}', 'now')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO carrier_accounts (kind, settings, updated_at) VALUES ('inpost', 'not json', 'now')").run()).toThrow(/CHECK/);
  });
});
