import type { Pool } from 'pg';
import type { OutboxEvent } from '../app/ports/backend';
import type { CentralOutbox } from '../app/ports/central';
import { readOutboxPayload } from '../contract/outbox-messages';

interface Row {
  id: string;
  station_id: string;
  station_event_id: string;
  type: 'shipped' | 'note' | 'returned';
  order_number: string;
  idempotency_key: string;
  payload: unknown;
  status: 'queued' | 'sent' | 'parked';
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  remote_ref: string | null;
  created_at: Date;
}

const COLUMNS =
  'id, station_id, station_event_id, type, order_number, idempotency_key, payload, status, attempts, next_attempt_at, last_error, remote_ref, created_at';

const eventKey = (eventId: number, idempotencyKey: string) => `${eventId}\u0000${idempotencyKey}`;

function toEvent(row: Row): OutboxEvent {
  return {
    // Checked again as it is read back, as the station does: a damaged row is parked, never sent.
    ...readOutboxPayload(row.type, row.payload),
    id: Number(row.id),
    // Central knows no station's order ids; the drain keeps an order's events in turn by its number.
    orderId: 0,
    orderNumber: row.order_number,
    idempotencyKey: row.idempotency_key,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at.toISOString(),
    lastError: row.last_error,
    remoteRef: row.remote_ref,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * central_outbox (migrations 0004, 0006): the events stations forwarded, delivered to the shop by
 * central's sync. An event is known by its station, outbox id and idempotency key, so an id a
 * restored station hands out again for another event is another row.
 */
export function createCentralOutbox(pool: Pool): CentralOutbox {
  return {
    async accept(stationId, events, now) {
      if (events.length === 0) return [];
      const incoming = JSON.stringify(events);
      // A copy already held (a re-send) inserts nothing; it is found below with the rest.
      const inserted = await pool.query<{ station_event_id: string; idempotency_key: string }>(
        `INSERT INTO central_outbox (station_id, station_event_id, type, order_number, idempotency_key, payload, created_at, received_at, next_attempt_at, attempts)
         SELECT $1, "eventId", type, "orderNumber", "idempotencyKey", payload, "createdAt", $3, $3, "shopAttempts"
           FROM jsonb_to_recordset($2::jsonb)
             AS e("eventId" bigint, type text, "orderNumber" text, "idempotencyKey" text, payload jsonb, "createdAt" timestamptz, "shopAttempts" integer)
          ORDER BY "eventId"
         ON CONFLICT (station_id, station_event_id, idempotency_key) DO NOTHING
         RETURNING station_event_id, idempotency_key`,
        [stationId, incoming, now],
      );
      // Every event's row, stored now or before (by this request, an earlier one, or one racing in), and whether it is this event.
      const fresh = new Set(inserted.rows.map((r) => eventKey(Number(r.station_event_id), r.idempotency_key)));
      const { rows } = await pool.query<{ id: string; station_event_id: string; idempotency_key: string; same: boolean }>(
        `SELECT o.id, o.station_event_id, o.idempotency_key,
                o.type = i.type AND o.order_number = i."orderNumber" AND o.payload = i.payload AS same
           FROM jsonb_to_recordset($2::jsonb) AS i("eventId" bigint, type text, "orderNumber" text, "idempotencyKey" text, payload jsonb)
           JOIN central_outbox o ON o.station_id = $1 AND o.station_event_id = i."eventId" AND o.idempotency_key = i."idempotencyKey"`,
        [stationId, incoming],
      );
      const byKey = new Map(rows.map((r) => [eventKey(Number(r.station_event_id), r.idempotency_key), r]));
      return events.map((e) => {
        const key = eventKey(e.eventId, e.idempotencyKey);
        const row = byKey.get(key);
        if (!row) throw new Error(`central_outbox: event ${e.eventId} of ${stationId} was neither stored nor found`);
        const receipt = { eventId: e.eventId, centralId: Number(row.id), duplicate: !fresh.has(key) };
        if (row.same) return receipt;
        // The same id and key with another event: never taken for the one held, never stored over it.
        return {
          ...receipt,
          refused:
            `Central holds another event under station ${stationId}'s outbox id ${e.eventId} and key ${e.idempotencyKey} ` +
            `(central's event ${row.id}): this one is not the same, so it was not taken. Was the station's database restored from a backup?`,
        };
      });
    },
    async due(at, limit) {
      // As the station's: an event waits while an earlier one of its order is queued or parked.
      const { rows } = await pool.query<Row>(
        `SELECT ${COLUMNS} FROM central_outbox e
          WHERE e.status = 'queued' AND e.next_attempt_at <= $1
            AND NOT EXISTS (SELECT 1 FROM central_outbox p WHERE p.order_number = e.order_number AND p.id < e.id AND p.status IN ('queued', 'parked'))
          ORDER BY e.next_attempt_at, e.id LIMIT $2`,
        [at, limit],
      );
      return rows.map(toEvent);
    },
    async beginAttempt(id, _at) {
      await pool.query('UPDATE central_outbox SET attempts = attempts + 1 WHERE id = $1', [id]);
    },
    async markSent(id, remoteRef, at) {
      await pool.query("UPDATE central_outbox SET status = 'sent', remote_ref = $2, last_error = NULL, sent_at = $3 WHERE id = $1", [id, remoteRef, at]);
    },
    async markRetry(id, reason, nextAttemptAt, _at) {
      await pool.query('UPDATE central_outbox SET last_error = $2, next_attempt_at = $3 WHERE id = $1', [id, reason, nextAttemptAt]);
    },
    async park(id, reason, _at) {
      await pool.query("UPDATE central_outbox SET status = 'parked', last_error = $2 WHERE id = $1", [id, reason]);
    },
    async list(limit) {
      const { rows } = await pool.query<Row>(`SELECT ${COLUMNS} FROM central_outbox ORDER BY id LIMIT $1`, [limit]);
      return rows.map((r) => ({
        stationId: r.station_id,
        eventId: Number(r.station_event_id),
        centralId: Number(r.id),
        duplicate: false,
        status: r.status,
        attempts: r.attempts,
        lastError: r.last_error,
      }));
    },
    async parked(limit) {
      const { rows } = await pool.query<Row>(`SELECT ${COLUMNS} FROM central_outbox WHERE status = 'parked' ORDER BY id LIMIT $1`, [limit]);
      return rows.map((r) => ({
        centralId: Number(r.id),
        stationId: r.station_id,
        eventId: Number(r.station_event_id),
        type: r.type,
        orderNumber: r.order_number,
        attempts: r.attempts,
        lastError: r.last_error,
        createdAt: r.created_at.toISOString(),
      }));
    },
    async requeue(centralId, now) {
      const { rowCount } = await pool.query("UPDATE central_outbox SET status = 'queued', next_attempt_at = $2 WHERE id = $1 AND status = 'parked'", [
        centralId,
        now,
      ]);
      return (rowCount ?? 0) > 0;
    },
    async counts() {
      const { rows } = await pool.query<{ status: string; n: string }>('SELECT status, count(*) AS n FROM central_outbox GROUP BY status');
      const by = new Map(rows.map((r) => [r.status, Number(r.n)]));
      return { queued: by.get('queued') ?? 0, parked: by.get('parked') ?? 0, sent: by.get('sent') ?? 0 };
    },
  };
}
