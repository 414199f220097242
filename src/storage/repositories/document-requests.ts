import type { Database } from 'better-sqlite3';
import type { DocumentRequestItem, DocumentRequestRepository, LabelPrint, RequestedKind, RequestItemStatus } from '../../app/ports/document-requests';
import type { PrintJobStatus } from '../../app/ports/printing';
import type { PackedOrder } from '../../app/ports/packing';

interface ItemRow {
  id: number;
  request_id: number;
  order_id: number;
  order_number: string;
  station_id: string;
  kind: string;
  parcel_index: number | null;
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
  sscc: string | null;
  document_id: number | null;
  print_job_id: number | null;
  updated_at: string;
}

const ITEM_COLUMNS = `i.id, i.request_id, r.order_id, r.order_number, r.station_id, i.kind, i.parcel_index, i.status, i.attempts,
  i.last_error, i.next_attempt_at, i.sscc, i.document_id, i.print_job_id, i.updated_at`;
const FROM = 'FROM document_request_items i JOIN document_requests r ON r.id = i.request_id';

function toItem(row: ItemRow): DocumentRequestItem {
  return {
    id: row.id,
    requestId: row.request_id,
    orderId: row.order_id,
    orderNumber: row.order_number,
    stationId: row.station_id,
    kind: row.kind as RequestedKind,
    parcelIndex: row.parcel_index,
    status: row.status as RequestItemStatus,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    sscc: row.sscc,
    documentId: row.document_id,
    printJobId: row.print_job_id,
    updatedAt: row.updated_at,
  };
}

interface LabelRow {
  order_number: string;
  customer_name: string;
  parcel_index: number | null;
  status: string;
  last_error: string | null;
  printed: number;
  job_status: string | null;
  job_error: string | null;
  job_target: string | null;
}

/**
 * Label items of the document requests `requests` names as r (filtered by `where`), with whether
 * any print job of their document printed (a reprint is a new job of the same document) and the
 * newest job's state; print_jobs_document finds both.
 */
const labelPrintsOf = (requests: string, where = '') => `
  SELECT r.order_number, o.customer_name, i.parcel_index, i.status, i.last_error,
    EXISTS (SELECT 1 FROM print_jobs p WHERE p.document_id = i.document_id AND p.status = 'done') AS printed,
    j.status AS job_status, j.last_error AS job_error, j.target AS job_target
  FROM ${requests}
  JOIN document_request_items i ON i.request_id = r.id
  JOIN orders o ON o.id = r.order_id
  LEFT JOIN print_jobs j ON j.id = (SELECT max(p.id) FROM print_jobs p WHERE p.document_id = i.document_id)
  WHERE i.kind IN ('label', 'carrier_label') ${where}
  ORDER BY r.id DESC, i.parcel_index`;

function toLabelPrint(row: LabelRow): LabelPrint {
  return {
    orderNumber: row.order_number,
    customerName: row.customer_name,
    parcelIndex: row.parcel_index,
    status: row.status as RequestItemStatus,
    reason: row.last_error,
    printed: row.printed === 1,
    job: row.job_status === null ? null : { status: row.job_status as PrintJobStatus, lastError: row.job_error, target: row.job_target ?? '' },
  };
}

/** Documents owed for completed orders; each item moves pending → done | kept in one statement. */
export function createDocumentRequestRepository(db: Database): DocumentRequestRepository {
  const insertRequest = db.prepare<[number, string, number, string, string, string]>(
    'INSERT INTO document_requests (order_id, order_number, session_id, station_id, packed, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertItem = db.prepare<[number, string, number | null, string, string]>(
    "INSERT INTO document_request_items (request_id, kind, parcel_index, status, next_attempt_at, updated_at) VALUES (?, ?, ?, 'pending', ?, ?)",
  );
  const itemsOf = db.prepare<[number], ItemRow>(`SELECT ${ITEM_COLUMNS} ${FROM} WHERE i.request_id = ? ORDER BY i.id`);
  const due = db.prepare<[string], ItemRow>(
    `SELECT ${ITEM_COLUMNS} ${FROM} WHERE i.status = 'pending' AND i.next_attempt_at <= ? ORDER BY i.next_attempt_at, i.id LIMIT 1`,
  );
  const packed = db.prepare<[number], { packed: string }>('SELECT packed FROM document_requests WHERE id = ?');
  const setSscc = db.prepare<[string, number]>('UPDATE document_request_items SET sscc = ? WHERE id = ? AND sscc IS NULL');
  const addReference = db.prepare<[string, number]>("INSERT OR IGNORE INTO order_references (code, order_id, kind) VALUES (?, ?, 'tracking')");
  const done = db.prepare<[string, number, number | null, string | null, string, number]>(
    `UPDATE document_request_items SET status = ?, document_id = ?, print_job_id = ?, last_error = ?, next_attempt_at = NULL,
       attempts = attempts + 1, updated_at = ? WHERE id = ? AND status = 'pending'`,
  );
  const failed = db.prepare<[string, string, string, number]>(
    `UPDATE document_request_items SET last_error = ?, next_attempt_at = ?, attempts = attempts + 1, updated_at = ?
     WHERE id = ? AND status = 'pending'`,
  );
  const one = db.prepare<[number], ItemRow>(`SELECT ${ITEM_COLUMNS} ${FROM} WHERE i.id = ?`);
  const queued = db.prepare<[number, string, number]>(
    `UPDATE document_request_items SET status = 'done', print_job_id = ?, last_error = NULL, updated_at = ?
     WHERE id = ? AND status = 'kept' AND print_job_id IS NULL`,
  );
  const retryAll = db.prepare<[string, string]>("UPDATE document_request_items SET next_attempt_at = ?, updated_at = ? WHERE status = 'pending'");
  const retryOrder = db.prepare<[string, string, string]>(
    `UPDATE document_request_items SET next_attempt_at = ?, updated_at = ?
     WHERE status = 'pending' AND request_id IN (SELECT id FROM document_requests WHERE order_number = ?)`,
  );
  const byOrder = db.prepare<[string], ItemRow>(`SELECT ${ITEM_COLUMNS} ${FROM} WHERE r.order_number = ? ORDER BY i.id`);
  const pendingAt = db.prepare<[string], ItemRow>(
    `SELECT ${ITEM_COLUMNS} ${FROM} WHERE r.station_id = ? AND (i.status = 'pending' OR (i.status = 'kept' AND i.print_job_id IS NULL))
     ORDER BY i.id DESC LIMIT 50`,
  );
  const labelsOfOrder = db.prepare<[string], LabelRow>(labelPrintsOf('document_requests r', 'AND r.order_number = ?'));
  // The newest requests walk the rowid backwards and stop at the limit, however long the history.
  const labelsAtStation = db.prepare<[string, number], LabelRow>(
    labelPrintsOf('(SELECT id, order_id, order_number FROM document_requests WHERE station_id = ? ORDER BY id DESC LIMIT ?) r'),
  );
  const nextDue = db.prepare<[], { at: string | null }>("SELECT min(next_attempt_at) AS at FROM document_request_items WHERE status = 'pending'");
  const counter = db.prepare<[], { serial: number }>('SELECT next_sscc_serial AS serial FROM label_settings WHERE id = 1');
  const moveCounter = db.prepare<[number]>('UPDATE label_settings SET next_sscc_serial = ? WHERE id = 1');

  const record = db.transaction((request: Parameters<DocumentRequestRepository['record']>[0]) => {
    const { packed: order, at } = request;
    const requestId = Number(insertRequest.run(order.orderId, order.orderNumber, order.sessionId, order.stationId, JSON.stringify(order), at).lastInsertRowid);
    for (const item of request.items) insertItem.run(requestId, item.kind, item.parcelIndex, at, at);
    return itemsOf.all(requestId).map(toItem);
  });

  return {
    record,
    nextDue(at) {
      const row = due.get(at);
      return row ? toItem(row) : null;
    },
    packedOrder(requestId) {
      const row = packed.get(requestId);
      if (!row) throw new RangeError(`There is no document request ${requestId}`);
      return JSON.parse(row.packed) as PackedOrder;
    },
    assignSscc: db.transaction((itemId: number, orderId: number, sscc: string) => {
      setSscc.run(sscc, itemId);
      // The bare SSCC (QR, typed) and its GS1-128 element string (what a scanner without AIM prefixes sends).
      addReference.run(sscc, orderId);
      addReference.run(`00${sscc}`, orderId);
    }),
    markDone(itemId, outcome, at) {
      done.run(outcome.note === null ? 'done' : 'kept', outcome.documentId, outcome.printJobId, outcome.note, at, itemId);
    },
    markFailed(itemId, reason, retryAt, at) {
      failed.run(reason, retryAt, at, itemId);
    },
    byId(itemId) {
      const row = one.get(itemId);
      return row ? toItem(row) : null;
    },
    markQueued: (itemId, printJobId, at) => queued.run(printJobId, at, itemId).changes > 0,
    retryAllNow: (at) => retryAll.run(at, at).changes,
    retryOrderNow: (orderNumber, at) => retryOrder.run(at, at, orderNumber.trim()).changes,
    forOrder: (orderNumber) => byOrder.all(orderNumber.trim()).map(toItem),
    pending: (stationId) => pendingAt.all(stationId).map(toItem),
    labelPrints: (orderNumber) => labelsOfOrder.all(orderNumber.trim()).map(toLabelPrint),
    recentLabelPrints: (stationId, recent) => labelsAtStation.all(stationId, recent).map(toLabelPrint),
    nextDueAt: () => nextDue.get()?.at ?? null,
    nextSsccSerial: () => counter.get()?.serial ?? null,
    setNextSsccSerial(serial) {
      moveCounter.run(serial);
    },
  };
}
