import type { CentralMigration } from './migration';

/**
 * Which station holds which order. `open`: the station opened it (held until it completes or a
 * manager releases it); `lease`: reserved for the station to pack if central becomes unreachable,
 * until `expires_at`; `completed`: packed, nobody opens it again. One row per order is what makes
 * a claim a single statement (INSERT … ON CONFLICT on the primary key).
 */
export const orderClaims: CentralMigration = {
  version: 2,
  name: 'order-claims',
  async up(client) {
    await client.query(`
      CREATE TABLE order_claims (
        order_number text PRIMARY KEY CHECK (order_number <> ''),
        station_id text NOT NULL REFERENCES stations(id),
        kind text NOT NULL CHECK (kind IN ('open', 'lease', 'completed')),
        claimed_at timestamptz NOT NULL,
        expires_at timestamptz,
        CHECK ((kind = 'lease') = (expires_at IS NOT NULL))
      );
      CREATE INDEX order_claims_station ON order_claims (station_id, kind);
    `);
  },
};
