import { StationFailure } from '../contract/errors';
import type { OrderDetail } from '../contract/schemas';
import { packRefusal, type Order, type PackRefusal } from '../domain/order';
import type { CallContext, Core } from './context';
import type { HandlerSlice } from './handlers';

const REFUSALS: Record<PackRefusal, { code: 'ORDER_CANCELLED' | 'ORDER_SHIPPED' | 'ORDER_ON_HOLD' | 'ORDER_OPEN_ELSEWHERE'; message: string }> = {
  cancelled: { code: 'ORDER_CANCELLED', message: 'This order was cancelled; do not pack it.' },
  shipped: { code: 'ORDER_SHIPPED', message: 'This order has already been shipped.' },
  on_hold: { code: 'ORDER_ON_HOLD', message: 'This order is on hold; put it aside for the manager.' },
  open_elsewhere: { code: 'ORDER_OPEN_ELSEWHERE', message: 'This order is open at another station.' },
};

/** Finds an order by what a packer can scan: its number, the pick-list barcode or a label's tracking number. */
export function findOrder(core: Core, code: string): Order {
  const trimmed = code.trim();
  const order = core.store.orders.byNumber(trimmed) ?? core.store.orders.byReference(trimmed);
  if (!order) throw new StationFailure('ORDER_NOT_FOUND', `No order matches "${trimmed}".`, { code: trimmed });
  return order;
}

export function toOrderDetail(order: Order): OrderDetail {
  return { ...order, shipTo: { ...order.shipTo }, lines: order.lines.map((line) => ({ ...line })) };
}

function openOrder(core: Core, code: string, call: CallContext): OrderDetail {
  const { store, clock, events, logger } = core;
  return store.transaction(() => {
    const order = findOrder(core, code);
    const openAt = store.orders.openAt(order.id);
    const refusal = packRefusal(order.status, openAt, call.stationId);
    if (refusal) {
      const { code: errorCode, message } = REFUSALS[refusal];
      throw new StationFailure(errorCode, message, { order: order.number, ...(openAt ? { station: openAt } : {}) });
    }
    // A station packs one order at a time: opening another hands the previous one back to the queue.
    store.orders.unlockStation(call.stationId, order.id);
    store.orders.lock(order.id, call.stationId, call.user?.id ?? 0, clock.now().toISOString());
    logger.info('order opened', { order: order.number, stationId: call.stationId, userId: call.user?.id });
    events.emit('queue.changed', { stationId: null });
    return toOrderDetail(order);
  });
}

export function orderHandlers(core: Core): HandlerSlice<'queue.list' | 'orders.get' | 'orders.open' | 'orders.close'> {
  return {
    'queue.list': ({ search, limit, offset }, call) =>
      core.store.orders.queue({ stationId: call.stationId, search: search?.trim() ?? '', limit, offset }),
    'orders.get': ({ orderId }) => {
      const order = core.store.orders.byId(orderId);
      if (!order) throw new StationFailure('ORDER_NOT_FOUND', `No order with id ${orderId}.`, { code: String(orderId) });
      return toOrderDetail(order);
    },
    'orders.open': ({ code }, call) => openOrder(core, code, call),
    'orders.close': ({ orderId }, call) => {
      core.store.orders.unlock(orderId, call.stationId);
      core.events.emit('queue.changed', { stationId: null });
      return null;
    },
  };
}
