import type { CentralMigration } from './migration';

/** Registered stations and the nonces of their recent requests (replays are refused). */
export const stations: CentralMigration = {
  version: 1,
  name: 'stations',
  async up(client) {
    await client.query(`
      CREATE TABLE stations (
        id text PRIMARY KEY CHECK (id <> ''),
        name text NOT NULL,
        public_key text NOT NULL UNIQUE CHECK (public_key LIKE 'ed25519:%'),
        registered_at timestamptz NOT NULL
      );
      CREATE TABLE request_nonces (
        station_id text NOT NULL REFERENCES stations(id) ON DELETE CASCADE,
        nonce text NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (station_id, nonce)
      );
      CREATE INDEX request_nonces_expiry ON request_nonces (expires_at);
    `);
  },
};
