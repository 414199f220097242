import type { CentralMigration } from './migration';

/**
 * The shop-bound events stations forward to central (shipments, return decisions, notes), which
 * central's sync delivers to the shop (issue 13, point 3). One row per station event: the key
 * (station_id, station_event_id) is the station's outbox id, so an event the station sends again
 * (its answer lost, the station killed before it recorded it) is the same row, never a second
 * delivery. The payload is the station's, as it wrote it; `idempotency_key` is its key at the shop.
 * `attempts` is counted before each call to the shop, so a central stopped between the shop's
 * answer and this row's update asks the shop first next time.
 */
export const centralOutbox: CentralMigration = {
  version: 4,
  name: 'central-outbox',
  async up(client) {
    await client.query(`
      CREATE TABLE central_outbox (
        id bigserial PRIMARY KEY,
        station_id text NOT NULL REFERENCES stations(id),
        station_event_id bigint NOT NULL CHECK (station_event_id > 0),
        type text NOT NULL CHECK (type IN ('shipped', 'note', 'returned')),
        order_number text NOT NULL CHECK (order_number <> ''),
        idempotency_key text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'parked')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_error text,
        remote_ref text,
        sent_at timestamptz,
        UNIQUE (station_id, station_event_id)
      );
      CREATE INDEX central_outbox_due ON central_outbox (next_attempt_at, id) WHERE status = 'queued';
      CREATE INDEX central_outbox_waiting ON central_outbox (order_number, id) WHERE status <> 'sent';
    `);
  },
};
