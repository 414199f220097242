import type { Database } from 'better-sqlite3';
import type { CarrierKind, CarrierLabelFormat, CarrierShipmentRepository, DayParcel, ShipmentRequest, StoredCarrierShipment } from '../../app/ports/carriers';

interface Row {
  id: number;
  order_id: number;
  order_number: string;
  station_id: string;
  parcel_no: number;
  carrier: CarrierKind;
  request: string;
  status: StoredCarrierShipment['status'];
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  shipment_id: string | null;
  tracking_number: string | null;
  label_format: CarrierLabelFormat | null;
  label: Buffer | null;
  created_at: string;
}

const COLUMNS =
  'id, order_id, order_number, station_id, parcel_no, carrier, request, status, attempts, next_attempt_at, last_error, shipment_id, tracking_number, label_format, label, created_at';

function toShipment(row: Row): StoredCarrierShipment {
  return {
    id: row.id,
    orderId: row.order_id,
    orderNumber: row.order_number,
    stationId: row.station_id,
    parcelNo: row.parcel_no,
    carrier: row.carrier,
    request: JSON.parse(row.request) as ShipmentRequest,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    shipmentId: row.shipment_id,
    trackingNumber: row.tracking_number,
    label: row.label && row.label_format ? { format: row.label_format, bytes: new Uint8Array(row.label) } : null,
    createdAt: row.created_at,
  };
}

/**
 * The carrier_shipments table (migration 0018): the durable queue of carrier shipments, their
 * tracking numbers and labels, which the document worker prints (app/carriers/labels).
 */
export function createCarrierShipmentRepository(db: Database): CarrierShipmentRepository {
  const insert = db.prepare(
    `INSERT INTO carrier_shipments (order_id, order_number, station_id, parcel_no, carrier, reference, idempotency_key, request, status, next_attempt_at,
                                    created_at, updated_at)
     VALUES (@order_id, @order_number, @station_id, @parcel_no, @carrier, @reference, @idempotency_key, @request, 'queued', @at, @at, @at)
     ON CONFLICT (idempotency_key) DO NOTHING`,
  );
  const due = db.prepare<[string, number], Row>(
    `SELECT ${COLUMNS} FROM carrier_shipments WHERE status IN ('queued', 'created') AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
  );
  const nextDue = db.prepare<[], { at: string | null }>("SELECT min(next_attempt_at) AS at FROM carrier_shipments WHERE status IN ('queued', 'created')");
  const beginAttempt = db.prepare<[string, number]>('UPDATE carrier_shipments SET attempts = attempts + 1, updated_at = ? WHERE id = ?');
  const markCreated = db.prepare<[string, string | null, string, number]>(
    "UPDATE carrier_shipments SET status = 'created', shipment_id = ?, tracking_number = ?, last_error = NULL, updated_at = ? WHERE id = ?",
  );
  const markLabelled = db.prepare<[string, Buffer, string | null, string, number]>(
    `UPDATE carrier_shipments SET status = 'labelled', label_format = ?, label = ?, tracking_number = coalesce(?, tracking_number), last_error = NULL,
       updated_at = ? WHERE id = ?`,
  );
  const markRetry = db.prepare<[string, string, string, number]>(
    'UPDATE carrier_shipments SET last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?',
  );
  const park = db.prepare<[string, string, number]>("UPDATE carrier_shipments SET status = 'parked', last_error = ?, updated_at = ? WHERE id = ?");
  // A tracking number opens its order like our SSCC does: scanned at a station, in review, at the returns desk.
  const addReference = db.prepare<[string, number]>(
    "INSERT OR IGNORE INTO order_references (code, order_id, kind) SELECT ?, order_id, 'tracking' FROM carrier_shipments WHERE id = ?",
  );
  const trackingOf = db.prepare<[number], { tracking_number: string | null }>('SELECT tracking_number FROM carrier_shipments WHERE id = ?');
  const keepReference = (id: number) => {
    const tracking = trackingOf.get(id)?.tracking_number;
    if (tracking) addReference.run(tracking, id);
  };
  const awaiting = db.prepare<[string], Row>(
    `SELECT ${COLUMNS} FROM carrier_shipments WHERE carrier = ? AND status = 'labelled' AND handover_id IS NULL AND shipment_id IS NOT NULL
     ORDER BY id`,
  );
  const handedOver = db.prepare<[number, string, number]>('UPDATE carrier_shipments SET handover_id = ?, updated_at = ? WHERE id = ? AND handover_id IS NULL');
  const forOrder = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM carrier_shipments WHERE order_number = ? ORDER BY parcel_no, id`);
  const byTracking = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM carrier_shipments WHERE tracking_number = ? ORDER BY id DESC LIMIT 1`);
  const day = db.prepare<
    [{ from: string; to: string }],
    Pick<Row, 'order_number' | 'parcel_no' | 'carrier' | 'status' | 'tracking_number' | 'last_error' | 'created_at'> & { handed_over: number }
  >(
    `SELECT order_number, parcel_no, carrier, status, tracking_number, last_error, created_at, handover_id IS NOT NULL AS handed_over
     FROM carrier_shipments
     WHERE (created_at >= @from AND created_at < @to) OR (status = 'labelled' AND handover_id IS NULL AND created_at < @from)
     ORDER BY carrier, created_at, order_number, parcel_no`,
  );

  return {
    add(entry) {
      insert.run({
        order_id: entry.orderId,
        order_number: entry.orderNumber,
        station_id: entry.stationId,
        parcel_no: entry.request.parcel.index,
        carrier: entry.carrier,
        reference: entry.request.reference,
        idempotency_key: entry.request.idempotencyKey,
        request: JSON.stringify(entry.request),
        at: entry.at,
      });
    },
    due: (at, limit) => due.all(at, limit).map(toShipment),
    nextDueAt: () => nextDue.get()?.at ?? null,
    beginAttempt(id, at) {
      beginAttempt.run(at, id);
    },
    markCreated: db.transaction((id: number, shipment: { shipmentId: string; trackingNumber: string | null }, at: string) => {
      markCreated.run(shipment.shipmentId, shipment.trackingNumber, at, id);
      keepReference(id);
    }),
    markLabelled: db.transaction((id: number, label: { format: CarrierLabelFormat; bytes: Uint8Array; trackingNumber: string | null }, at: string) => {
      markLabelled.run(label.format, Buffer.from(label.bytes), label.trackingNumber, at, id);
      keepReference(id);
    }),
    markRetry(id, reason, nextAttemptAt, at) {
      markRetry.run(reason, nextAttemptAt, at, id);
    },
    park(id, reason, at) {
      park.run(reason, at, id);
    },
    forOrder: (orderNumber) => forOrder.all(orderNumber).map(toShipment),
    awaitingHandover: (carrier) => awaiting.all(carrier).map(toShipment),
    markHandedOver: db.transaction((ids: number[], manifestId: number, at: string) => {
      for (const id of ids) handedOver.run(manifestId, at, id);
    }),
    forDay: (from, to): DayParcel[] =>
      day.all({ from, to }).map((r) => ({
        orderNumber: r.order_number,
        parcelNo: r.parcel_no,
        carrier: r.carrier,
        status: r.status,
        trackingNumber: r.tracking_number,
        lastError: r.last_error,
        handedOver: r.handed_over === 1,
        createdAt: r.created_at,
      })),
    byTrackingNumber(trackingNumber) {
      const row = byTracking.get(trackingNumber);
      return row ? toShipment(row) : null;
    },
  };
}
