/** What came back, item by item: scanned against what was shipped, a missing one recorded, graded, removed. */
import { StationFailure } from '../../contract/errors';
import type { ReturnView } from '../../contract/returns-schemas';
import { dispositionAllowed, matchReturnedItem, suggestedDisposition } from '../../domain/returns/grading';
import type { Condition, Disposition } from '../../domain/returns/types';
import type { CallContext } from '../context';
import { requireUser } from '../packing/desk';
import { resolveScan } from '../packing/resolve';
import type { ReturnItemRecord, ReturnRecord } from '../ports/returns';
import { shippedOrder } from './shipped';
import type { ReturnsDesk } from './desk';
import { ruleFailure } from './desk';

export function scanItem(
  desk: ReturnsDesk,
  call: CallContext,
  input: { number: string; code: string; symbology: string | null; serial?: string | undefined; quantity: number },
) {
  const userId = requireUser(call);
  const { store, returns, clock } = desk.deps;
  const result = store.transaction(() => {
    const record = desk.openRecord(input.number);
    const order = desk.order(record);
    const at = clock.now().toISOString();
    const resolved = resolveScan(store, input.code, input.symbology, clock.now());
    const product = resolved.kind === 'product' ? store.catalog.productById(resolved.productId) : store.catalog.productBySku(input.code.trim());
    const serial = input.serial ?? (resolved.kind === 'product' ? resolved.serial : null);
    const shipped = shippedOrder(desk.deps, order, record.id);
    const soFar = returns.items(record.id).filter((i) => i.condition !== 'missing' && i.condition !== 'wrong_item');
    const match = matchReturnedItem(shipped.lines, soFar, { productId: product?.id ?? null, serial, quantity: input.quantity });
    if (match.kind === 'refused') throw ruleFailure('RETURN_ITEM_REFUSED', match.key, { ...match.params, order: order.number });
    const line = match.kind === 'matched' ? shipped.lines.find((l) => l.lineId === match.lineId)! : null;
    const condition: Condition | null = match.kind === 'wrong_item' ? 'wrong_item' : null;
    const item = returns.addItem(
      {
        returnId: record.id,
        lineId: line?.lineId ?? null,
        productId: product?.id ?? null,
        sku: line?.sku ?? product?.sku ?? null,
        name: line?.name ?? product?.name ?? null,
        scannedCode: input.code.slice(0, 200),
        serial,
        quantity: input.quantity,
        condition,
        disposition: condition ? suggestedDisposition(condition) : null,
        gradedBy: condition ? userId : null,
      },
      at,
    );
    desk.journal(call, order, match.kind === 'matched' ? 'returns.item.scanned' : 'returns.item.graded', {
      returnNumber: record.number,
      itemId: item.id,
      raw: input.code.slice(0, 200),
      sku: item.sku,
      serial,
      quantity: input.quantity,
      ...(condition ? { condition, disposition: item.disposition, wrongItem: true } : { lineId: item.lineId }),
    });
    desk.checked(record, order, at);
    return { outcome: match.kind, itemId: item.id, view: desk.view(record, call) };
  });
  desk.changed(result.view.number, result.view.status);
  return result;
}

export function missingItem(desk: ReturnsDesk, call: CallContext, input: { number: string; lineId: number; quantity: number }): ReturnView {
  const userId = requireUser(call);
  const { store, returns, clock } = desk.deps;
  return store.transaction(() => {
    const record = desk.openRecord(input.number);
    const order = desk.order(record);
    const line = order.lines.find((l) => l.id === input.lineId);
    if (!line) throw ruleFailure('RETURN_ITEM_REFUSED', 'line_not_on_order', { order: order.number, line: input.lineId });
    const at = clock.now().toISOString();
    const item = returns.addItem(
      {
        returnId: record.id,
        lineId: line.id,
        productId: line.productId,
        sku: line.sku,
        name: line.name,
        scannedCode: null,
        serial: null,
        quantity: input.quantity,
        condition: 'missing',
        disposition: null,
        gradedBy: userId,
      },
      at,
    );
    desk.journal(call, order, 'returns.item.graded', {
      returnNumber: record.number,
      itemId: item.id,
      sku: line.sku,
      quantity: input.quantity,
      condition: 'missing',
    });
    desk.checked(record, order, at);
    return desk.view(record, call);
  });
}

export function gradeItem(
  desk: ReturnsDesk,
  call: CallContext,
  input: {
    number: string;
    itemId: number;
    condition?: Condition | undefined;
    disposition?: Disposition | null | undefined;
    reasonCode?: string | null | undefined;
    note?: string | null | undefined;
    packingErrorConfirmed?: boolean | undefined;
  },
): ReturnView {
  const userId = requireUser(call);
  const { store, returns, clock } = desk.deps;
  const view = store.transaction(() => {
    const record = desk.openRecord(input.number);
    const order = desk.order(record);
    const item = itemOf(desk, record, input.itemId);
    const condition = input.condition ?? item.condition;
    let disposition = input.disposition !== undefined ? input.disposition : item.disposition;
    // A condition given without a disposition takes the suggested one, until the handler picks another.
    if (input.condition !== undefined && input.disposition === undefined && disposition === null) disposition = suggestedDisposition(input.condition);
    if (condition === 'missing') disposition = null;
    if (condition !== null && !dispositionAllowed(condition, disposition)) {
      throw new StationFailure('VALIDATION_FAILED', 'A missing item has nothing to restock, refurbish or scrap.', { condition });
    }
    if (input.reasonCode) {
      const reason = returns.reasonCodes().find((r) => r.code === input.reasonCode);
      if (!reason || !reason.active)
        throw new StationFailure('VALIDATION_FAILED', `There is no reason code ${input.reasonCode}.`, { reasonCode: input.reasonCode });
    }
    const at = clock.now().toISOString();
    const graded = returns.gradeItem(
      item.id,
      {
        condition,
        disposition,
        ...(input.reasonCode !== undefined ? { reasonCode: input.reasonCode } : {}),
        ...(input.note !== undefined ? { note: input.note } : {}),
        ...(input.packingErrorConfirmed !== undefined ? { packingErrorConfirmed: input.packingErrorConfirmed } : {}),
        gradedBy: userId,
      },
      at,
    );
    desk.journal(call, order, 'returns.item.graded', {
      returnNumber: record.number,
      itemId: item.id,
      sku: item.sku,
      serial: item.serial,
      condition: graded.condition,
      reasonCode: graded.reasonCode,
      note: graded.note,
      packingErrorConfirmed: graded.packingErrorConfirmed,
    });
    if (graded.disposition !== item.disposition) {
      desk.journal(call, order, 'returns.item.disposition', { returnNumber: record.number, itemId: item.id, sku: item.sku, disposition: graded.disposition });
    }
    desk.checked(record, order, at);
    return desk.view(record, call);
  });
  return view;
}

export function removeItem(desk: ReturnsDesk, call: CallContext, input: { number: string; itemId: number }): ReturnView {
  requireUser(call);
  const { store, returns, clock } = desk.deps;
  return store.transaction(() => {
    const record = desk.openRecord(input.number);
    const order = desk.order(record);
    const item = itemOf(desk, record, input.itemId);
    returns.removeItem(item.id);
    desk.journal(call, order, 'returns.item.removed', { returnNumber: record.number, itemId: item.id, sku: item.sku, serial: item.serial });
    desk.checked(record, order, clock.now().toISOString());
    return desk.view(record, call);
  });
}

function itemOf(desk: ReturnsDesk, record: ReturnRecord, itemId: number): ReturnItemRecord {
  const item = desk.deps.returns.item(itemId);
  if (!item || item.returnId !== record.id)
    throw new StationFailure('RETURN_NOT_FOUND', `Return ${record.number} has no item ${itemId}.`, { number: record.number });
  return item;
}
