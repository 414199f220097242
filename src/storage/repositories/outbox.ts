import type { Database } from 'better-sqlite3';
import { z } from 'zod';
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

// What each event type's payload must hold when read back. Fields a newer station added are kept
// (loose objects), so an event goes to the shop exactly as it was written.
const shipmentPushSchema = z.looseObject({
  idempotencyKey: z.string(),
  externalOrderId: z.string(),
  orderNumber: z.string(),
  carrierCode: z.string(),
  trackingNumbers: z.array(z.string()),
  partial: z.boolean(),
  lines: z.array(z.looseObject({ externalLineId: z.string(), sku: z.string(), quantity: z.number() })),
  parcels: z.array(z.looseObject({ no: z.number(), weightGrams: z.number().nullable(), boxCode: z.string().nullable() })),
  labelFromShop: z.boolean().optional(),
}) satisfies z.ZodType<ShipmentPush>;

const notePushSchema = z.looseObject({ idempotencyKey: z.string(), externalOrderId: z.string(), note: z.string() }) satisfies z.ZodType<NotePush>;

const returnPushSchema = z.looseObject({
  idempotencyKey: z.string(),
  externalOrderId: z.string(),
  orderNumber: z.string(),
  returnNumber: z.string(),
  returnType: z.enum(['withdrawal', 'complaint', 'refused', 'exchange']),
  lines: z.array(
    z.looseObject({
      externalLineId: z.string(),
      sku: z.string(),
      quantity: z.number(),
      condition: z.enum(['unopened', 'opened', 'used', 'damaged', 'wrong_item', 'missing', 'not_ours']),
      disposition: z.enum(['restock', 'refurbish', 'scrap', 'to_customer', 'to_supplier']),
      reason: z.string(),
    }),
  ),
  refund: z.looseObject({ amountMinor: z.number().int(), currency: z.string(), reason: z.string() }).nullable(),
  note: z.string(),
}) satisfies z.ZodType<ReturnPush>;

function unreadable(storedType: OutboxEventType, problem: string): UnreadableOutboxMessage {
  return { type: 'unreadable', storedType, payload: null, problem };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`)
    .join('; ');
}

/** The stored payload checked against its event type: the typed message, or why it cannot be sent. */
function readMessage(type: OutboxEventType, payload: string): OutboxMessage | UnreadableOutboxMessage {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch (error) {
    return unreadable(type, `not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (type === 'note') {
    const note = notePushSchema.safeParse(json);
    return note.success ? { type, payload: note.data } : unreadable(type, describeIssues(note.error));
  }
  if (type === 'returned') {
    const returned = returnPushSchema.safeParse(json);
    return returned.success ? { type, payload: returned.data } : unreadable(type, describeIssues(returned.error));
  }
  const shipment = shipmentPushSchema.safeParse(json);
  return shipment.success ? { type, payload: shipment.data } : unreadable(type, describeIssues(shipment.error));
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
