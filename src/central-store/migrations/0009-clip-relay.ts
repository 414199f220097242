import type { CentralMigration } from './migration';

/**
 * Moving files between stations and central (issue 13, point 5, and the labels a shop buys):
 *
 * - `clip_requests`: a clip central wants from the station that recorded it, because a manager at
 *   another station asked to play it. The station, long-polling central, sees the row, uploads the
 *   file (signed) and central marks it `held` (the file's SHA-256 matched the station's replicated
 *   `video.segment` entry), `refused` (it did not: `detail` names both hashes) or `missing` (the
 *   station no longer has it). A new ask sets a row that is not held back to `wanted`.
 * - `station_presence`: when each station last long-polled central, so an ask for a clip of a
 *   station that is not polling is answered "offline" at once instead of after a wait.
 * - `station_labels`: a label the shop bought for a shipment central pushed (BaseLinker with a
 *   courier), waiting for the station that packed the order to take it and print it there.
 */
export const clipRelay: CentralMigration = {
  version: 9,
  name: 'clip-relay',
  async up(client) {
    await client.query(`
      CREATE TABLE clip_requests (
        station_id text NOT NULL REFERENCES stations(id),
        segment_id bigint NOT NULL,
        state text NOT NULL CHECK (state IN ('wanted', 'held', 'refused', 'missing')),
        detail text,
        asked_at timestamptz NOT NULL,
        answered_at timestamptz,
        PRIMARY KEY (station_id, segment_id)
      );
      CREATE INDEX clip_requests_wanted ON clip_requests (station_id) WHERE state = 'wanted';

      CREATE TABLE station_presence (
        station_id text PRIMARY KEY REFERENCES stations(id),
        last_poll_at timestamptz NOT NULL
      );

      CREATE TABLE station_labels (
        id bigserial PRIMARY KEY,
        station_id text NOT NULL REFERENCES stations(id),
        order_number text NOT NULL,
        tracking_number text NOT NULL,
        format text NOT NULL,
        bytes bytea NOT NULL,
        created_at timestamptz NOT NULL,
        taken_at timestamptz
      );
      CREATE INDEX station_labels_waiting ON station_labels (station_id, id) WHERE taken_at IS NULL;
    `);
  },
};
