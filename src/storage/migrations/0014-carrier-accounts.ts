import type { Migration } from './migration';

/**
 * Carrier accounts: one row per carrier, its settings as JSON (checked by the contract's schema
 * when read) and its token or password only as sealed bytes, with the address the secret was
 * given for, so a changed address never receives the old secret.
 */
export const carrierAccounts: Migration = {
  version: 14,
  name: 'carrier-accounts',
  up(db) {
    db.exec(`
      CREATE TABLE carrier_accounts (
        kind TEXT PRIMARY KEY CHECK (kind IN ('inpost', 'poczta-polska', 'dpd', 'baselinker', 'own')),
        settings TEXT NOT NULL CHECK (json_valid(settings)),
        sealed_secret BLOB,
        secret_endpoint TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
