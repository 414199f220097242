import type { Database } from 'better-sqlite3';
import type {
  NotOurParcelRecord,
  NotOursStatus,
  PackingErrorRecord,
  ReturnItemRecord,
  ReturnPhotoRecord,
  ReturnRecord,
  ReturnsRepository,
  ShipmentRecord,
  StoredEligibility,
} from '../../app/ports/returns';
import { StationFailure } from '../../contract/errors';
import type { PackingState } from '../../domain/packing';
import type { DeadlineKind } from '../../domain/returns/deadlines';
import { invalidRules, POLISH_LAW_RULES, type ReturnRules } from '../../domain/returns/rules';
import type { ComplaintOutcome, Condition, Disposition, ReasonCode, ReturnStatus, ReturnType } from '../../domain/returns/types';

interface ReturnRow {
  id: number;
  number: string;
  order_id: number;
  type: string;
  status: string;
  station_id: string;
  handler_id: number;
  identified_by: string | null;
  received_at: string;
  received_on: string;
  declared_on: string | null;
  delivered_on: string | null;
  time_zone: string;
  deadline_kind: string;
  deadline_last_day: string;
  deadline_ends_at: string;
  eligibility: string;
  override_by: number | null;
  override_reason: string | null;
  refund_minor: number | null;
  refund_currency: string | null;
  outcome: string | null;
  decision_reason: string | null;
  decided_at: string | null;
  decided_by: number | null;
  closed_at: string | null;
  closed_by: number | null;
  note: string | null;
}

const RETURN_COLUMNS = `id, number, order_id, type, status, station_id, handler_id, identified_by, received_at, received_on, declared_on, delivered_on,
  time_zone, deadline_kind, deadline_last_day, deadline_ends_at, eligibility, override_by, override_reason, refund_minor, refund_currency, outcome,
  decision_reason, decided_at, decided_by, closed_at, closed_by, note`;

function toReturn(row: ReturnRow): ReturnRecord {
  return {
    id: row.id,
    number: row.number,
    orderId: row.order_id,
    type: row.type as ReturnType,
    status: row.status as ReturnStatus,
    stationId: row.station_id,
    handlerId: row.handler_id,
    identifiedBy: row.identified_by,
    receivedAt: row.received_at,
    receivedOn: row.received_on,
    declaredOn: row.declared_on,
    deliveredOn: row.delivered_on,
    timeZone: row.time_zone,
    deadline: { kind: row.deadline_kind as Exclude<DeadlineKind, 'hold'>, lastDay: row.deadline_last_day, endsAt: row.deadline_ends_at },
    eligibility: JSON.parse(row.eligibility) as StoredEligibility,
    override: row.override_by !== null && row.override_reason !== null ? { by: row.override_by, reason: row.override_reason } : null,
    refund: row.refund_minor !== null ? { amountMinor: row.refund_minor, currency: row.refund_currency ?? 'PLN' } : null,
    outcome: row.outcome as ComplaintOutcome | null,
    decisionReason: row.decision_reason,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    closedAt: row.closed_at,
    closedBy: row.closed_by,
    note: row.note,
  };
}

interface ItemRow {
  id: number;
  return_id: number;
  order_line_id: number | null;
  product_id: number | null;
  sku: string | null;
  name: string | null;
  scanned_code: string | null;
  serial: string | null;
  quantity: number;
  condition: string | null;
  disposition: string | null;
  reason_code: string | null;
  note: string | null;
  packing_error_confirmed: number;
  packing_session_id: number | null;
  packer_id: number | null;
  attributed_at: string | null;
  graded_by: number | null;
}

const ITEM_COLUMNS = `id, return_id, order_line_id, product_id, sku, name, scanned_code, serial, quantity, condition, disposition, reason_code, note,
  packing_error_confirmed, packing_session_id, packer_id, attributed_at, graded_by`;

function toItem(row: ItemRow): ReturnItemRecord {
  return {
    id: row.id,
    returnId: row.return_id,
    lineId: row.order_line_id,
    productId: row.product_id,
    sku: row.sku,
    name: row.name,
    scannedCode: row.scanned_code,
    serial: row.serial,
    quantity: row.quantity,
    condition: row.condition as Condition | null,
    disposition: row.disposition as Disposition | null,
    reasonCode: row.reason_code,
    note: row.note,
    packingErrorConfirmed: row.packing_error_confirmed === 1,
    packingSessionId: row.packing_session_id,
    packerId: row.packer_id,
    attributedAt: row.attributed_at,
    gradedBy: row.graded_by,
  };
}

interface NotOursRow {
  id: number;
  number: string;
  status: string;
  station_id: string;
  handler_id: number;
  sender_name: string;
  sender_address: string | null;
  sender_email: string | null;
  sender_phone: string | null;
  carrier: string | null;
  tracking: string | null;
  scanned: string | null;
  note: string | null;
  received_at: string;
  received_on: string;
  hold_last_day: string;
  hold_ends_at: string;
  linked_order_id: number | null;
  linked_return_id: number | null;
  resolved_at: string | null;
  resolved_by: number | null;
  resolution_note: string | null;
}

const NOT_OURS_COLUMNS = `id, number, status, station_id, handler_id, sender_name, sender_address, sender_email, sender_phone, carrier, tracking, scanned,
  note, received_at, received_on, hold_last_day, hold_ends_at, linked_order_id, linked_return_id, resolved_at, resolved_by, resolution_note`;

function toNotOurs(row: NotOursRow): NotOurParcelRecord {
  return {
    id: row.id,
    number: row.number,
    status: row.status as NotOursStatus,
    stationId: row.station_id,
    handlerId: row.handler_id,
    sender: { name: row.sender_name, address: row.sender_address, email: row.sender_email, phone: row.sender_phone },
    carrier: row.carrier,
    tracking: row.tracking,
    scanned: row.scanned,
    note: row.note,
    receivedAt: row.received_at,
    receivedOn: row.received_on,
    hold: { lastDay: row.hold_last_day, endsAt: row.hold_ends_at },
    linkedOrderId: row.linked_order_id,
    linkedReturnId: row.linked_return_id,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
    resolutionNote: row.resolution_note,
  };
}

interface PhotoRow {
  id: number;
  return_id: number | null;
  not_ours_id: number | null;
  item_id: number | null;
  path: string;
  mime_type: string;
  bytes: number;
  sha256: string;
  station_id: string;
  taken_by: number;
  taken_at: string;
}

const PHOTO_COLUMNS = 'id, return_id, not_ours_id, item_id, path, mime_type, bytes, sha256, station_id, taken_by, taken_at';

function toPhoto(row: PhotoRow): ReturnPhotoRecord {
  return {
    id: row.id,
    returnId: row.return_id,
    notOursId: row.not_ours_id,
    itemId: row.item_id,
    path: row.path,
    mimeType: row.mime_type as ReturnPhotoRecord['mimeType'],
    bytes: row.bytes,
    sha256: row.sha256,
    stationId: row.station_id,
    takenBy: row.taken_by,
    takenAt: row.taken_at,
  };
}

/** R-2026-000042: the year it came in and its id, so numbers never repeat and sort by arrival. */
function numbered(prefix: string, receivedOn: string, id: number): string {
  return `${prefix}-${receivedOn.slice(0, 4)}-${String(id).padStart(6, '0')}`;
}

/** Words of a customer search as a range of the term index: every term that starts with the word. */
function prefixRange(word: string): [string, string] {
  return [word, `${word}\uffff`];
}

/** The returns desk's tables: returns, their items and photos, parcels that are not ours, rules, reason codes, and what identifies a parcel. */
export function createReturnsRepository(db: Database): ReturnsRepository {
  const rulesRow = db.prepare<[], { rules: string }>('SELECT rules FROM return_settings WHERE id = 1');
  const saveRules = db.prepare<[string]>('INSERT INTO return_settings (id, rules) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET rules = excluded.rules');
  const reasonRows = db.prepare<[], { code: string; label_en: string; label_pl: string; packing_error: number; active: number }>(
    'SELECT code, label_en, label_pl, packing_error, active FROM return_reason_codes ORDER BY position, code',
  );
  const upsertReason = db.prepare<[string, string, string, number, number, number]>(
    `INSERT INTO return_reason_codes (code, label_en, label_pl, packing_error, active, position) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET label_en = excluded.label_en, label_pl = excluded.label_pl, packing_error = excluded.packing_error,
       active = excluded.active, position = excluded.position`,
  );
  // A code in use is kept (items point at it); one no longer listed is switched off.
  const retireReasons = db.prepare<[string]>('UPDATE return_reason_codes SET active = 0 WHERE code NOT IN (SELECT value FROM json_each(?))');

  const nextReturnId = db.prepare<[], { id: number }>('SELECT coalesce(max(id), 0) + 1 AS id FROM returns');
  const insertReturn = db.prepare(
    `INSERT INTO returns (id, number, order_id, type, status, station_id, handler_id, identified_by, received_at, received_on, declared_on,
       delivered_on, time_zone, deadline_kind, deadline_last_day, deadline_ends_at, eligibility, note, created_at, updated_at)
     VALUES (@id, @number, @order_id, @type, 'open', @station_id, @handler_id, @identified_by, @received_at, @received_on, @declared_on,
       @delivered_on, @time_zone, @deadline_kind, @deadline_last_day, @deadline_ends_at, @eligibility, @note, @received_at, @received_at)`,
  );
  const returnById = db.prepare<[number], ReturnRow>(`SELECT ${RETURN_COLUMNS} FROM returns WHERE id = ?`);
  const returnByNumber = db.prepare<[string], ReturnRow>(`SELECT ${RETURN_COLUMNS} FROM returns WHERE number = ?`);
  const returnsOfOrder = db.prepare<[number], ReturnRow>(`SELECT ${RETURN_COLUMNS} FROM returns WHERE order_id = ? ORDER BY id`);
  const openReturns = db.prepare<[number], ReturnRow>(`SELECT ${RETURN_COLUMNS} FROM returns WHERE status <> 'closed' ORDER BY deadline_ends_at, id LIMIT ?`);
  const overdueReturns = db.prepare<[string, number], ReturnRow>(
    `SELECT ${RETURN_COLUMNS} FROM returns WHERE status <> 'closed' AND deadline_ends_at <= ? ORDER BY deadline_ends_at, id LIMIT ?`,
  );
  const allReturns = db.prepare<[number], ReturnRow>(`SELECT ${RETURN_COLUMNS} FROM returns ORDER BY id DESC LIMIT ?`);
  const setEligibility = db.prepare<[string, string, number]>('UPDATE returns SET eligibility = ?, updated_at = ? WHERE id = ?');
  const setOverride = db.prepare<[number, string, string, number]>('UPDATE returns SET override_by = ?, override_reason = ?, updated_at = ? WHERE id = ?');
  const decide = db.prepare(
    `UPDATE returns SET status = 'decided', refund_minor = @refund_minor, refund_currency = @refund_currency, outcome = @outcome,
       decision_reason = @reason, decided_at = @at, decided_by = @by, updated_at = @at WHERE id = @id AND status = 'open'`,
  );
  const close = db.prepare<[string, number, string, number]>(
    "UPDATE returns SET status = 'closed', closed_at = ?, closed_by = ?, updated_at = ? WHERE id = ? AND status = 'decided'",
  );

  const itemsOf = db.prepare<[number], ItemRow>(`SELECT ${ITEM_COLUMNS} FROM return_items WHERE return_id = ? ORDER BY id`);
  const itemById = db.prepare<[number], ItemRow>(`SELECT ${ITEM_COLUMNS} FROM return_items WHERE id = ?`);
  const insertItem = db.prepare(
    `INSERT INTO return_items (return_id, order_line_id, product_id, sku, name, scanned_code, serial, quantity, condition, disposition, graded_by,
       created_at, updated_at)
     VALUES (@return_id, @order_line_id, @product_id, @sku, @name, @scanned_code, @serial, @quantity, @condition, @disposition, @graded_by, @at, @at)`,
  );
  const gradeItem = db.prepare(
    `UPDATE return_items SET condition = @condition, disposition = @disposition, reason_code = @reason_code, note = @note,
       packing_error_confirmed = @confirmed, graded_by = @graded_by, updated_at = @at WHERE id = @id`,
  );
  const removeItem = db.prepare<[number]>('DELETE FROM return_items WHERE id = ?');
  const attribute = db.prepare<[number | null, number, string, string, number]>(
    'UPDATE return_items SET packing_session_id = ?, packer_id = ?, attributed_at = ?, updated_at = ? WHERE id = ?',
  );
  const returnedBefore = db.prepare<[number, number], { order_line_id: number; quantity: number; serial: string | null }>(
    `SELECT i.order_line_id, i.quantity, i.serial FROM returns r JOIN return_items i ON i.return_id = r.id
     WHERE r.order_id = ? AND r.id <> ? AND i.order_line_id IS NOT NULL AND coalesce(i.condition, '') NOT IN ('missing', 'wrong_item', 'not_ours')`,
  );
  const packingErrors = db.prepare<[{ packer: number | null; from: string | null; to: string | null }], PackingErrorRecord>(
    `SELECT i.id AS itemId, r.number AS returnNumber, o.number AS orderNumber, i.packing_session_id AS packingSessionId, i.packer_id AS packerId,
       i.reason_code AS reasonCode, i.attributed_at AS attributedAt
     FROM return_items i JOIN returns r ON r.id = i.return_id JOIN orders o ON o.id = r.order_id
     WHERE i.packer_id IS NOT NULL AND (@packer IS NULL OR i.packer_id = @packer) AND (@from IS NULL OR i.attributed_at >= @from)
       AND (@to IS NULL OR i.attributed_at < @to)
     ORDER BY i.attributed_at, i.id`,
  );

  const nextNotOursId = db.prepare<[], { id: number }>('SELECT coalesce(max(id), 0) + 1 AS id FROM not_our_parcels');
  const insertNotOurs = db.prepare(
    `INSERT INTO not_our_parcels (id, number, status, station_id, handler_id, sender_name, sender_address, sender_email, sender_phone, carrier,
       tracking, scanned, note, received_at, received_on, hold_last_day, hold_ends_at)
     VALUES (@id, @number, 'held', @station_id, @handler_id, @sender_name, @sender_address, @sender_email, @sender_phone, @carrier,
       @tracking, @scanned, @note, @received_at, @received_on, @hold_last_day, @hold_ends_at)`,
  );
  const notOursById = db.prepare<[number], NotOursRow>(`SELECT ${NOT_OURS_COLUMNS} FROM not_our_parcels WHERE id = ?`);
  const notOursByNumber = db.prepare<[string], NotOursRow>(`SELECT ${NOT_OURS_COLUMNS} FROM not_our_parcels WHERE number = ?`);
  const notOursByTracking = db.prepare<[string], NotOursRow>(`SELECT ${NOT_OURS_COLUMNS} FROM not_our_parcels WHERE tracking = ? ORDER BY id`);
  const held = db.prepare<[number], NotOursRow>(`SELECT ${NOT_OURS_COLUMNS} FROM not_our_parcels WHERE status = 'held' ORDER BY hold_ends_at, id LIMIT ?`);
  const resolveNotOurs = db.prepare(
    `UPDATE not_our_parcels SET status = @status, linked_order_id = @order_id, linked_return_id = @return_id, resolved_at = @at, resolved_by = @by,
       resolution_note = @note WHERE id = @id AND status = 'held'`,
  );

  const insertPhoto = db.prepare(
    `INSERT INTO return_photos (return_id, not_ours_id, item_id, path, mime_type, bytes, sha256, station_id, taken_by, taken_at)
     VALUES (@return_id, @not_ours_id, @item_id, @path, @mime_type, @bytes, @sha256, @station_id, @taken_by, @taken_at)`,
  );
  const photosOfReturn = db.prepare<[number], PhotoRow>(`SELECT ${PHOTO_COLUMNS} FROM return_photos WHERE return_id = ? ORDER BY id`);
  const photosOfNotOurs = db.prepare<[number], PhotoRow>(`SELECT ${PHOTO_COLUMNS} FROM return_photos WHERE not_ours_id = ? ORDER BY id`);
  const photoById = db.prepare<[number], PhotoRow>(`SELECT ${PHOTO_COLUMNS} FROM return_photos WHERE id = ?`);

  const shipments = db.prepare<[number], { id: number; station_id: string; user_id: number; completed_at: string; state: string }>(
    "SELECT id, station_id, user_id, completed_at, state FROM packing_sessions WHERE order_id = ? AND status = 'completed' ORDER BY id",
  );
  const linkReturnLabel = db.prepare<[string, number, string | null, string]>(
    `INSERT INTO order_return_labels (tracking, order_id, carrier, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (tracking) DO UPDATE SET order_id = excluded.order_id, carrier = excluded.carrier`,
  );
  const byReturnLabel = db.prepare<[string], number>('SELECT order_id FROM order_return_labels WHERE tracking = ?').pluck(true);
  const byTracking = db
    .prepare<[string, string], number>(
      `SELECT order_id FROM order_references WHERE code = ? AND kind = 'tracking'
       UNION SELECT o.id FROM manifest_parcels m JOIN orders o ON o.number = m.order_number WHERE m.tracking_number = ?`,
    )
    .pluck(true);
  // An SSCC is kept twice, bare and with its AI (00): the bare one is the number a person reads.
  const trackingOf = db
    .prepare<[number], string>(
      "SELECT code FROM order_references WHERE order_id = ? AND kind = 'tracking' AND NOT (length(code) = 20 AND code GLOB '00[0-9]*') ORDER BY rowid",
    )
    .pluck(true);
  const bySerial = db.prepare<[string], number>('SELECT DISTINCT order_id FROM shipped_serials WHERE serial = ?').pluck(true);
  const byTerm = db
    .prepare<[string, string, number], number>('SELECT DISTINCT order_id FROM order_search_terms WHERE term >= ? AND term < ? ORDER BY order_id DESC LIMIT ?')
    .pluck(true);
  const hasTerm = db
    .prepare<[number, string, string], number>('SELECT 1 FROM order_search_terms WHERE order_id = ? AND term >= ? AND term < ? LIMIT 1')
    .pluck(true);
  const byExactTerm = db.prepare<[string, number], number>('SELECT order_id FROM order_search_terms WHERE term = ? ORDER BY order_id DESC LIMIT ?').pluck(true);

  const require = <T>(row: T | undefined, what: string): T => {
    if (!row) throw new StationFailure('RETURN_NOT_FOUND', `There is no ${what}.`);
    return row;
  };

  return {
    rules() {
      const row = rulesRow.get();
      return row ? { ...POLISH_LAW_RULES, ...(JSON.parse(row.rules) as Partial<ReturnRules>) } : { ...POLISH_LAW_RULES };
    },
    saveRules(rules) {
      const bad = invalidRules(rules);
      if (bad.length > 0) throw new StationFailure('VALIDATION_FAILED', `These returns rules are out of bounds: ${bad.join(', ')}.`, { rules: bad.join(', ') });
      saveRules.run(JSON.stringify(rules));
    },
    reasonCodes: () =>
      reasonRows.all().map((r): ReasonCode => ({ code: r.code, en: r.label_en, pl: r.label_pl, packingError: r.packing_error === 1, active: r.active === 1 })),
    saveReasonCodes: db.transaction((codes: ReasonCode[]) => {
      codes.forEach((c, position) => upsertReason.run(c.code, c.en, c.pl, Number(c.packingError), Number(c.active), position));
      retireReasons.run(JSON.stringify(codes.map((c) => c.code)));
    }),

    create: db.transaction((r) => {
      const id = nextReturnId.get()!.id;
      insertReturn.run({
        id,
        number: numbered('R', r.receivedOn, id),
        order_id: r.orderId,
        type: r.type,
        station_id: r.stationId,
        handler_id: r.handlerId,
        identified_by: r.identifiedBy,
        received_at: r.receivedAt,
        received_on: r.receivedOn,
        declared_on: r.declaredOn,
        delivered_on: r.deliveredOn,
        time_zone: r.timeZone,
        deadline_kind: r.deadline.kind,
        deadline_last_day: r.deadline.lastDay,
        deadline_ends_at: r.deadline.endsAt,
        eligibility: JSON.stringify(r.eligibility),
        note: r.note,
      });
      return toReturn(returnById.get(id)!);
    }),
    byId: (id) => {
      const row = returnById.get(id);
      return row ? toReturn(row) : null;
    },
    byNumber: (number) => {
      const row = returnByNumber.get(number.trim());
      return row ? toReturn(row) : null;
    },
    forOrder: (orderId) => returnsOfOrder.all(orderId).map(toReturn),
    listOpen: ({ limit, dueBefore }) => (dueBefore === undefined ? openReturns.all(limit) : overdueReturns.all(dueBefore, limit)).map(toReturn),
    listAll: ({ limit }) => allReturns.all(limit).map(toReturn),
    setEligibility: (id, eligibility, at) => void setEligibility.run(JSON.stringify(eligibility), at, id),
    setOverride: (id, override, at) => void setOverride.run(override.by, override.reason, at, id),
    decide(id, d) {
      const changed = decide.run({
        id,
        refund_minor: d.refund?.amountMinor ?? null,
        refund_currency: d.refund?.currency ?? null,
        outcome: d.outcome,
        reason: d.reason,
        at: d.at,
        by: d.by,
      }).changes;
      if (changed === 0) throw new StationFailure('RETURN_WRONG_STATE', 'This return has been decided already.');
    },
    close(id, by, at) {
      if (close.run(at, by, at, id).changes === 0) throw new StationFailure('RETURN_WRONG_STATE', 'Only a decided return can be closed.');
    },

    items: (returnId) => itemsOf.all(returnId).map(toItem),
    item: (id) => {
      const row = itemById.get(id);
      return row ? toItem(row) : null;
    },
    addItem(item, at) {
      const id = Number(
        insertItem.run({
          return_id: item.returnId,
          order_line_id: item.lineId,
          product_id: item.productId,
          sku: item.sku,
          name: item.name,
          scanned_code: item.scannedCode,
          serial: item.serial,
          quantity: item.quantity,
          condition: item.condition,
          disposition: item.disposition,
          graded_by: item.gradedBy,
          at,
        }).lastInsertRowid,
      );
      return toItem(itemById.get(id)!);
    },
    gradeItem(id, grade, at) {
      const current = toItem(require(itemById.get(id), 'such item on this return'));
      gradeItem.run({
        id,
        condition: grade.condition !== undefined ? grade.condition : current.condition,
        disposition: grade.disposition !== undefined ? grade.disposition : current.disposition,
        reason_code: grade.reasonCode !== undefined ? grade.reasonCode : current.reasonCode,
        note: grade.note !== undefined ? grade.note : current.note,
        confirmed: Number(grade.packingErrorConfirmed ?? current.packingErrorConfirmed),
        graded_by: grade.gradedBy,
        at,
      });
      return toItem(itemById.get(id)!);
    },
    removeItem: (id) => void removeItem.run(id),
    attribute: (id, a) => void attribute.run(a.sessionId, a.packerId, a.at, a.at, id),
    returnedBefore: (orderId, exceptReturnId) =>
      returnedBefore.all(orderId, exceptReturnId ?? -1).map((r) => ({ lineId: r.order_line_id, quantity: r.quantity, serial: r.serial })),
    packingErrors: (q) => packingErrors.all({ packer: q.packerId ?? null, from: q.from ?? null, to: q.to ?? null }),

    createNotOurs: db.transaction((p) => {
      const id = nextNotOursId.get()!.id;
      insertNotOurs.run({
        id,
        number: numbered('NOP', p.receivedOn, id),
        station_id: p.stationId,
        handler_id: p.handlerId,
        sender_name: p.sender.name,
        sender_address: p.sender.address,
        sender_email: p.sender.email,
        sender_phone: p.sender.phone,
        carrier: p.carrier,
        tracking: p.tracking,
        scanned: p.scanned,
        note: p.note,
        received_at: p.receivedAt,
        received_on: p.receivedOn,
        hold_last_day: p.hold.lastDay,
        hold_ends_at: p.hold.endsAt,
      });
      return toNotOurs(notOursById.get(id)!);
    }),
    notOursByNumber: (number) => {
      const row = notOursByNumber.get(number.trim());
      return row ? toNotOurs(row) : null;
    },
    notOursById: (id) => {
      const row = notOursById.get(id);
      return row ? toNotOurs(row) : null;
    },
    notOursByTracking: (tracking) => notOursByTracking.all(tracking.trim()).map(toNotOurs),
    listHeld: ({ limit }) => held.all(limit).map(toNotOurs),
    resolveNotOurs(id, r) {
      const changed = resolveNotOurs.run({ id, status: r.status, order_id: r.orderId, return_id: r.returnId, at: r.at, by: r.by, note: r.note }).changes;
      if (changed === 0) throw new StationFailure('RETURN_WRONG_STATE', 'This parcel has been linked, sent back or disposed of already.');
    },

    addPhoto(photo) {
      const id = Number(
        insertPhoto.run({
          return_id: photo.returnId,
          not_ours_id: photo.notOursId,
          item_id: photo.itemId,
          path: photo.path,
          mime_type: photo.mimeType,
          bytes: photo.bytes,
          sha256: photo.sha256,
          station_id: photo.stationId,
          taken_by: photo.takenBy,
          taken_at: photo.takenAt,
        }).lastInsertRowid,
      );
      return toPhoto(photoById.get(id)!);
    },
    photos: (of) => ('returnId' in of ? photosOfReturn.all(of.returnId) : photosOfNotOurs.all(of.notOursId)).map(toPhoto),
    photo: (id) => {
      const row = photoById.get(id);
      return row ? toPhoto(row) : null;
    },

    shipments: (orderId) =>
      shipments.all(orderId).map((r): ShipmentRecord => ({
        sessionId: r.id,
        stationId: r.station_id,
        packerId: r.user_id,
        completedAt: r.completed_at,
        state: JSON.parse(r.state) as PackingState,
      })),
    linkReturnLabel: (tracking, orderId, carrier, at) => void linkReturnLabel.run(tracking.trim(), orderId, carrier, at),
    lookups: {
      byReturnLabel: (tracking) => byReturnLabel.all(tracking.trim()),
      byTracking: (code) => byTracking.all(code.trim(), code.trim()),
      bySerial: (serial) => bySerial.all(serial.trim()),
      trackingOf: (orderId) => trackingOf.all(orderId),
      byCustomer(words, limit) {
        if (words.length === 0) return [];
        // The longest word narrows most; the others must each start a term of the same order.
        const [first, ...rest] = [...words].sort((a, b) => b.length - a.length);
        const found: number[] = [];
        for (const orderId of byTerm.all(...prefixRange(first!), limit * 20)) {
          if (rest.every((word) => hasTerm.get(orderId, ...prefixRange(word)) !== undefined)) found.push(orderId);
          if (found.length >= limit) break;
        }
        return found;
      },
      byEmail: (email, limit) => byExactTerm.all(email.trim().toLowerCase(), limit),
    },
  };
}
