import type { CentralMigration } from './migration';

/**
 * A forwarded event is known by its station, its outbox id and its idempotency key at the shop.
 * The outbox id alone is not enough: a station whose database is restored from an old backup
 * hands out the ids after the backup's again, for other events (another order's shipment), and
 * central would have answered those "held already" and never delivered them. The idempotency key
 * names what the event is (`shipped:<backend>:<order>:<session>`, `returned:<R-number>`), so a
 * reused id with another key is another event; the same id and key with another payload is
 * refused by name (central-store/outbox.ts).
 */
export const outboxEventKey: CentralMigration = {
  version: 6,
  name: 'outbox-event-key',
  async up(client) {
    await client.query(`
      ALTER TABLE central_outbox DROP CONSTRAINT central_outbox_station_id_station_event_id_key;
      ALTER TABLE central_outbox ADD CONSTRAINT central_outbox_event_key UNIQUE (station_id, station_event_id, idempotency_key);
    `);
  },
};
