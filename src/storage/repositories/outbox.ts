import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type {
  NotePush,
  OutboxEvent,
  OutboxEventType,
  OutboxMessage,
  OutboxRepository,
  ReturnPush,
  ShipmentPush,
  UnreadableOutboxMessage,
} from '../../app/ports/backend';
import { notePushSchema, readOutboxMessage, returnPushSchema, shipmentPushSchema } from '../../contract/outbox-messages';
import type { OutboxEventView } from '../../contract/sync';

interface OutboxRow {
  id: number;
  type: OutboxEventType;
  order_id: number;
  order_number: string;
  idempotency_key: string;
  payload: string;
  status: OutboxEvent['status'];
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  remote_ref: string | null;
  created_at: string;
}

// The payload schemas are the contract's, shared with central; they must read as the ports' types.
shipmentPushSchema satisfies z.ZodType<ShipmentPush>;
notePushSchema satisfies z.ZodType<NotePush>;
returnPushSchema satisfies z.ZodType<ReturnPush>;

/** The stored payload checked against its event type: the typed message, or why it cannot be sent. */
function readMessage(type: OutboxEventType, payload: string): OutboxMessage | UnreadableOutboxMessage {
  return readOutboxMessage(type, payload);
}

function toEvent(row: OutboxRow): OutboxEvent {
  return {
    ...readMessage(row.type, row.payload),
    id: row.id,
    orderId: row.order_id,
    orderNumber: row.order_number,
    idempotencyKey: row.idempotency_key,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    remoteRef: row.remote_ref,
    createdAt: row.created_at,
  };
}

function toView(row: OutboxRow): OutboxEventView {
  return {
    id: row.id,
    type: row.type,
    orderNumber: row.order_number,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
  };
}

const COLUMNS = 'id, type, order_id, order_number, idempotency_key, payload, status, attempts, next_attempt_at, last_error, remote_ref, created_at';

/** The sync_outbox table; every payload read back is checked against its event type (readMessage). */
export function createOutboxRepository(db: Database): OutboxRepository {
  const insert = db.prepare(
    `INSERT INTO sync_outbox (type, order_id, order_number, idempotency_key, payload, status, next_attempt_at, created_at, updated_at)
     VALUES (@type, @order_id, @order_number, @idempotency_key, @payload, 'queued', @created_at, @created_at, @created_at)
     ON CONFLICT (idempotency_key) DO NOTHING`,
  );
  // An event waits while an earlier one of the same order is queued or parked, so a note never
  // overtakes the shipment it is about.
  const due = db.prepare<[string, number], OutboxRow>(
    `SELECT ${COLUMNS} FROM sync_outbox e
     WHERE e.status = 'queued' AND e.next_attempt_at <= ?
       AND NOT EXISTS (SELECT 1 FROM sync_outbox p WHERE p.order_id = e.order_id AND p.id < e.id AND p.status IN ('queued', 'parked'))
     ORDER BY e.next_attempt_at, e.id LIMIT ?`,
  );
  const markSent = db.prepare<[string | null, string, number]>(
    "UPDATE sync_outbox SET status = 'sent', remote_ref = ?, last_error = NULL, updated_at = ? WHERE id = ?",
  );
  const markRetry = db.prepare<[string, string, string, number]>('UPDATE sync_outbox SET last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?');
  const park = db.prepare<[string, string, number]>("UPDATE sync_outbox SET status = 'parked', last_error = ?, updated_at = ? WHERE id = ?");
  // Counted before the call goes out: a crash after the shop acted leaves attempts > 0, so the
  // next try asks the shop first.
  const beginAttempt = db.prepare<[string, number]>('UPDATE sync_outbox SET attempts = attempts + 1, updated_at = ? WHERE id = ?');
  const requeue = db.prepare<[string, string, number]>(
    "UPDATE sync_outbox SET status = 'queued', next_attempt_at = ?, updated_at = ? WHERE id = ? AND status = 'parked'",
  );
  const dismiss = db.prepare<[string, number]>("UPDATE sync_outbox SET status = 'dismissed', updated_at = ? WHERE id = ? AND status = 'parked'");
  const byId = db.prepare<[number], OutboxRow>(`SELECT ${COLUMNS} FROM sync_outbox WHERE id = ?`);
  const counts = db.prepare<[], { status: string; n: number }>('SELECT status, count(*) AS n FROM sync_outbox GROUP BY status');

  return {
    add(event) {
      insert.run({
        type: event.type,
        order_id: event.orderId,
        order_number: event.orderNumber,
        idempotency_key: event.idempotencyKey,
        payload: JSON.stringify(event.payload),
        created_at: event.createdAt,
      });
    },
    due: (at, limit) => due.all(at, limit).map(toEvent),
    beginAttempt(id, at) {
      beginAttempt.run(at, id);
    },
    markSent(id, remoteRef, at) {
      markSent.run(remoteRef, at, id);
    },
    markRetry(id, reason, nextAttemptAt, at) {
      markRetry.run(reason, nextAttemptAt, at, id);
    },
    park(id, reason, at) {
      park.run(reason, at, id);
    },
    requeue: (id, at) => requeue.run(at, at, id).changes > 0,
    dismiss: (id, at) => dismiss.run(at, id).changes > 0,
    byId(id) {
      const row = byId.get(id);
      return row ? toEvent(row) : null;
    },
    list(statuses, limit) {
      if (statuses.length === 0) return [];
      const marks = statuses.map(() => '?').join(', ');
      return db
        .prepare<unknown[], OutboxRow>(`SELECT ${COLUMNS} FROM sync_outbox WHERE status IN (${marks}) ORDER BY id DESC LIMIT ?`)
        .all(...statuses, limit)
        .map(toView);
    },
    counts() {
      const by = new Map(counts.all().map((r) => [r.status, r.n]));
      return { queued: by.get('queued') ?? 0, parked: by.get('parked') ?? 0, sent: by.get('sent') ?? 0 };
    },
  };
}
