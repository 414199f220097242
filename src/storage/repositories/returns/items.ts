import type { Database } from 'better-sqlite3';
import type { PackingErrorRecord, ReturnItemRecord, ReturnsRepository } from '../../../app/ports/returns';
import { StationFailure } from '../../../contract/errors';
import type { Condition, Disposition } from '../../../domain/returns/types';

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

/** A return's items (return_items): scanned, graded, attributed to a packing session. */
export function createReturnItems(
  db: Database,
): Pick<ReturnsRepository, 'items' | 'item' | 'addItem' | 'gradeItem' | 'removeItem' | 'attribute' | 'returnedBefore' | 'packingErrors'> {
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
  const require = <T>(row: T | undefined, what: string): T => {
    if (!row) throw new StationFailure('RETURN_NOT_FOUND', `There is no ${what}.`);
    return row;
  };

  return {
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
  };
}
