import { StationFailure } from '../contract/errors';
import type { UnprintedLabelView } from '../contract/printing';
import type { OrderDetail } from '../contract/schemas';
import type { Order } from '../domain/order';
import type { CommonPorts } from './context';
import type { HandlerSlice } from './handlers';

/** Finds an order by what a packer can scan: its number, the pick-list barcode or a label's tracking number. */
export function findOrder(core: Pick<CommonPorts, 'store'>, code: string): Order {
  const trimmed = code.trim();
  const order = core.store.orders.byNumber(trimmed) ?? core.store.orders.byReference(trimmed);
  if (!order) throw new StationFailure('ORDER_NOT_FOUND', `No order matches "${trimmed}".`, { code: trimmed });
  return order;
}

export function toOrderDetail(order: Order): OrderDetail {
  return { ...order, shipTo: { ...order.shipTo }, lines: order.lines.map((line) => ({ ...line })) };
}

/**
 * The queue and single orders. `labelsNotPrinted` (app/documents/labels) names the orders a station
 * shipped whose label has not printed: the queue shows them until it does.
 */
export function orderHandlers(
  core: Pick<CommonPorts, 'store'>,
  labelsNotPrinted: (stationId: string) => UnprintedLabelView[],
): HandlerSlice<'queue.list' | 'orders.get'> {
  return {
    'queue.list': ({ search, limit, offset }, call) => ({
      ...core.store.orders.queue({ stationId: call.stationId, search: search?.trim() ?? '', limit, offset }),
      labelsNotPrinted: labelsNotPrinted(call.stationId),
    }),
    'orders.get': ({ orderId }) => {
      const order = core.store.orders.byId(orderId);
      if (!order) throw new StationFailure('ORDER_NOT_FOUND', `No order with id ${orderId}.`, { code: String(orderId) });
      return toOrderDetail(order);
    },
  };
}
