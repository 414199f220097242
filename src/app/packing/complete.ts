import { StationFailure } from '../../contract/errors';
import { remainingBlockers, shippedLines, type Blocker } from '../../domain/packing';
import type { CallContext } from '../context';
import type { PackedOrder, PackedOrderHandler } from '../ports';
import type { PackingDesk } from './desk';
import { completionRules } from './view';

/**
 * What completing an order sets off beyond packing's own rules. createStation declares it, in
 * one place, from the ports the host gave (documents, the shop's outbox, the video check).
 */
export interface Completion {
  /** Run before the completion starts; each refuses it by throwing a StationFailure. */
  checks: readonly ((call: CallContext) => void)[];
  /** Told of the packed order inside the completion's transaction, in this order. */
  handedTo: readonly PackedOrderHandler[];
}

function describe(blocker: Blocker): string {
  switch (blocker.kind) {
    case 'pending':
      return 'a scan still waits for an answer';
    case 'nothing_packed':
      return 'nothing is packed';
    case 'lines_incomplete':
      return `${blocker.lineIds.length} line(s) are not complete`;
    case 'parcel_empty':
      return `parcel ${blocker.parcel} is empty`;
    case 'box_missing':
      return `parcel ${blocker.parcel} has no box`;
    case 'weight_missing':
      return `parcel ${blocker.parcel} is not weighed`;
    case 'weight_out_of_tolerance':
      return `parcel ${blocker.parcel} weighs ${blocker.actualGrams} g, expected ${blocker.expectedGrams} ± ${blocker.allowedGrams} g`;
  }
}

/**
 * Closes the parcel: runs the completion's checks, checks the order is still wanted and nothing
 * blocks, marks it shipped, records serials, and hands it on (completion.handedTo) — all in one
 * transaction.
 */
export function completePacking(desk: PackingDesk, call: CallContext) {
  const { store, packing, clock, events, completion, logger } = desk.deps;
  for (const check of completion.checks) check(call);
  const result = store.transaction(() => {
    const active = desk.active(call);
    const { record } = active;
    const order = store.orders.byId(record.orderId) ?? active.order;
    // The shop may have cancelled the order while it was being packed (sync updates the status).
    if (order.status === 'cancelled')
      throw new StationFailure('ORDER_CANCELLED', 'The shop cancelled this order while it was being packed; do not ship it.', { order: order.number });
    const rules = packing.rules(call.stationId);
    const blockers = remainingBlockers(record.state, completionRules(rules));
    if (blockers.length > 0) {
      throw new StationFailure('PACKING_BLOCKED', `The order cannot be completed yet: ${blockers.map(describe).join('; ')}.`, {
        blockers: blockers.map((b) => b.kind).join(','),
      });
    }
    const at = clock.now().toISOString();
    const lines = shippedLines(record.state);
    const backordered = lines.reduce((n, l) => n + l.backordered, 0);
    const status = backordered > 0 ? 'partially_shipped' : 'shipped';
    packing.complete(record.id, record.state, at);
    packing.recordShippedSerials(
      record.state.units.filter((u) => u.serial !== null).map((u) => ({ productId: u.productId, serial: u.serial!, orderId: order.id, sessionId: record.id })),
    );
    store.orders.setStatus(order.id, status);
    store.orders.unlock(order.id, call.stationId);
    const packed: PackedOrder = {
      sessionId: record.id,
      orderId: order.id,
      orderNumber: order.number,
      stationId: call.stationId,
      packerId: active.call.userId,
      completedAt: at,
      status,
      lines,
      parcels: record.state.parcels.map((parcel) => ({
        no: parcel.no,
        boxCode: parcel.boxCode,
        weightGrams: parcel.weightGrams,
        units: record.state.units
          .filter((u) => u.parcelNo === parcel.no)
          .map((u) => ({
            productId: u.productId,
            sku: skuOf(record.state.lines, u.productId),
            count: u.count,
            serial: u.serial,
            lot: u.lot,
            expiry: u.expiry,
          })),
      })),
      overrides: record.state.overrides.map(({ kind, managerId, reason }) => ({ kind, managerId, reason })),
    };
    for (const handler of completion.handedTo) handler.onPacked(packed);
    desk.journal(active, 'pack.completed', {
      status,
      parcels: packed.parcels.map((p) => ({ no: p.no, box: p.boxCode, grams: p.weightGrams, units: p.units.reduce((n, u) => n + u.count, 0) })),
      backordered,
      handedTo: completion.handedTo.map((h) => h.name),
      // What the statistics count of the order, as the catalogue says now: central counts the session from them.
      lines: store.orders.statisticsLines(order.id),
    });
    return { orderNumber: order.number, status, parcels: packed.parcels.length, backordered } as const;
  });
  // On the disk before anything leaves the station: the document worker (kicked inside the
  // transaction) and the sync worker run only after this returns; a printed label or a shop told
  // of the shipment must never outlive a completion lost to a power cut.
  store.makeDurable();
  logger.info('order packed', { order: result.orderNumber, stationId: call.stationId, status: result.status });
  events.emit('queue.changed', { stationId: null });
  return result;
}

function skuOf(lines: { productId: number; sku: string; kitParts: { productId: number; sku: string }[] | null }[], productId: number): string {
  for (const line of lines) {
    if (line.productId === productId) return line.sku;
    const part = line.kitParts?.find((p) => p.productId === productId);
    if (part) return part.sku;
  }
  return '?';
}
