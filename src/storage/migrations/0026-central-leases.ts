import type { Migration } from './migration';

/**
 * An attached station's leases from central and the completions central has not heard of yet
 * (issue 13), kept here so a station restarted while central is down still packs its leased
 * orders, and a completion recorded with its shipment reaches central once it is back.
 */
export const centralLeases: Migration = {
  version: 26,
  name: 'central-leases',
  up(db) {
    db.exec(`
      CREATE TABLE central_leases (
        order_number TEXT PRIMARY KEY,
        expires_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE central_untold_completions (
        order_number TEXT PRIMARY KEY,
        packed_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
