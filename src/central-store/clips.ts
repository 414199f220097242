import type { Pool } from 'pg';
import type { CentralClips, CentralLabels, ClipRequestState, WaitingLabel } from '../app/ports/central-files';

interface SegmentRow {
  station_id: string;
  seq: string;
  segment_id: string;
  order_number: string | null;
  kind: string;
  bytes: string | null;
  sha256: string | null;
}

/** Clip requests and station presence (migration clip-relay), over the replicated video index. */
export function createCentralClips(pool: Pool): CentralClips {
  return {
    async segment(stationId, segmentId) {
      const { rows } = await pool.query<SegmentRow>(
        `SELECT station_id, seq, segment_id, order_number, kind, bytes, sha256 FROM video_segments
         WHERE station_id = $1 AND segment_id = $2 ORDER BY seq DESC LIMIT 1`,
        [stationId, segmentId],
      );
      const r = rows[0];
      if (!r) return null;
      return {
        stationId: r.station_id,
        segmentId: Number(r.segment_id),
        seq: Number(r.seq),
        orderNumber: r.order_number,
        kind: r.kind,
        bytes: r.bytes === null ? null : Number(r.bytes),
        sha256: r.sha256,
      };
    },
    async ask(stationId, segmentId, now) {
      // Asked only when central's storage lacks the clip: whatever the row said, it is wanted again.
      const { rows } = await pool.query<{ state: ClipRequestState }>(
        `INSERT INTO clip_requests (station_id, segment_id, state, asked_at) VALUES ($1, $2, 'wanted', $3)
         ON CONFLICT (station_id, segment_id) DO UPDATE SET state = 'wanted', detail = NULL, asked_at = $3, answered_at = NULL
         RETURNING state`,
        [stationId, segmentId, now],
      );
      return rows[0]!.state;
    },
    async state(stationId, segmentId) {
      const { rows } = await pool.query<{ state: ClipRequestState; detail: string | null }>(
        'SELECT state, detail FROM clip_requests WHERE station_id = $1 AND segment_id = $2',
        [stationId, segmentId],
      );
      return rows[0] ?? null;
    },
    async wanted(stationId) {
      const { rows } = await pool.query<{ segment_id: string }>(
        "SELECT segment_id FROM clip_requests WHERE station_id = $1 AND state = 'wanted' ORDER BY asked_at LIMIT 20",
        [stationId],
      );
      return rows.map((r) => Number(r.segment_id));
    },
    async answer(stationId, segmentId, state, detail, now) {
      // A station may also send a clip nobody asked for yet: the row says what central holds either way.
      await pool.query(
        `INSERT INTO clip_requests (station_id, segment_id, state, detail, asked_at, answered_at) VALUES ($1, $2, $3, $4, $5, $5)
         ON CONFLICT (station_id, segment_id) DO UPDATE SET state = $3, detail = $4, answered_at = $5`,
        [stationId, segmentId, state, detail, now],
      );
    },
    async polled(stationId, now) {
      await pool.query(
        'INSERT INTO station_presence (station_id, last_poll_at) VALUES ($1, $2) ON CONFLICT (station_id) DO UPDATE SET last_poll_at = GREATEST(station_presence.last_poll_at, $2)',
        [stationId, now],
      );
    },
    async lastPoll(stationId) {
      const { rows } = await pool.query<{ last_poll_at: Date }>('SELECT last_poll_at FROM station_presence WHERE station_id = $1', [stationId]);
      return rows[0]?.last_poll_at ?? null;
    },
  };
}

export function createCentralLabels(pool: Pool): CentralLabels {
  return {
    async add(stationId, orderNumber, label, now) {
      const { rows } = await pool.query<{ id: string }>(
        'INSERT INTO station_labels (station_id, order_number, tracking_number, format, bytes, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
        [stationId, orderNumber, label.trackingNumber, label.format, Buffer.from(label.bytes), now],
      );
      return Number(rows[0]!.id);
    },
    async waiting(stationId, limit) {
      const { rows } = await pool.query<{ id: string; order_number: string; tracking_number: string; format: WaitingLabel['format']; bytes: Buffer }>(
        'SELECT id, order_number, tracking_number, format, bytes FROM station_labels WHERE station_id = $1 AND taken_at IS NULL ORDER BY id LIMIT $2',
        [stationId, limit],
      );
      return rows.map((r) => ({
        id: Number(r.id),
        orderNumber: r.order_number,
        trackingNumber: r.tracking_number,
        format: r.format,
        bytes: new Uint8Array(r.bytes),
      }));
    },
    async taken(stationId, ids, now) {
      await pool.query('UPDATE station_labels SET taken_at = $3 WHERE station_id = $1 AND id = ANY($2::bigint[]) AND taken_at IS NULL', [
        stationId,
        [...ids],
        now,
      ]);
    },
    async packedAt(orderNumber) {
      const { rows } = await pool.query<{ station_id: string }>(
        "SELECT station_id FROM central_outbox WHERE order_number = $1 AND type = 'shipped' ORDER BY id DESC LIMIT 1",
        [orderNumber],
      );
      return rows[0]?.station_id ?? null;
    },
  };
}
