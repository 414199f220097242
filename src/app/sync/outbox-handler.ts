import type { PackedOrder, PackedOrderHandler, Store } from '../ports';
import type { OutboxRepository, ShipmentPush, SyncOrderLinks } from '../ports/backend';

/** One tracking reference per parcel until a carrier gives its own: the order number, then -2, -3… */
export function trackingNumbersOf(order: Pick<PackedOrder, 'orderNumber' | 'parcels'>): string[] {
  if (order.parcels.length <= 1) return [order.orderNumber];
  return order.parcels.map((p) => `${order.orderNumber}-${p.no}`);
}

/**
 * Writes the "shipped" event inside the completion transaction, so the shop hears of every
 * shipment exactly when it is committed. Orders that did not come from a shop have no link and
 * nothing to tell.
 */
export function shopOutbox(deps: {
  store: Store;
  outbox: OutboxRepository;
  links: SyncOrderLinks;
  /** Whether the shop's integration buys this order's label (else a carrier of ours or our own label made it). */
  labelFromShop?: (orderId: number) => boolean;
}): PackedOrderHandler {
  return {
    name: 'shop-outbox',
    onPacked(packed) {
      const link = deps.links.externalId(packed.orderId);
      if (!link) return;
      const order = deps.store.orders.byId(packed.orderId);
      const lineIds = deps.links.externalLines(packed.orderId);
      const push: ShipmentPush = {
        idempotencyKey: `shipped:${link.backend}:${link.externalId}:${packed.sessionId}`,
        externalOrderId: link.externalId,
        orderNumber: packed.orderNumber,
        carrierCode: order?.carrierCode ?? 'own-fleet',
        trackingNumbers: trackingNumbersOf(packed),
        partial: packed.status === 'partially_shipped',
        lines: packed.lines.filter((l) => l.shipped > 0).map((l) => ({ externalLineId: lineIds.get(l.lineId) ?? '', sku: l.sku, quantity: l.shipped })),
        parcels: packed.parcels.map((p) => ({ no: p.no, weightGrams: p.weightGrams, boxCode: p.boxCode })),
        labelFromShop: deps.labelFromShop?.(packed.orderId) ?? true,
      };
      deps.outbox.add({
        type: 'shipped',
        orderId: packed.orderId,
        orderNumber: packed.orderNumber,
        idempotencyKey: push.idempotencyKey,
        payload: push,
        createdAt: packed.completedAt,
      });
    },
  };
}
