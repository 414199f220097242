import type { PackingSlipInput, ShippingLabelInput } from '../../domain/documents';
import type { LabelSettings } from '../ports/documents';
import type { PackedOrder } from '../ports/packing';
import type { Order } from '../../domain/order';
import { returnCodeFor } from '../../domain/returns/return-code';

/** Packdesk's own label for one parcel: its weight as weighed (else the items' catalogue weight), n of m. */
export function labelInput(
  packed: PackedOrder,
  order: Order,
  settings: LabelSettings,
  parcelIndex: number,
  sscc: string,
  weightOf: (productId: number) => number,
): ShippingLabelInput {
  const parcel = packed.parcels.find((p) => p.no === parcelIndex);
  if (!parcel) throw new RangeError(`Order ${packed.orderNumber} has no parcel ${parcelIndex}`);
  const estimated = parcel.units.reduce((grams, u) => grams + weightOf(u.productId) * u.count, 0);
  return {
    orderNumber: packed.orderNumber,
    shipFrom: settings.shipFrom,
    shipTo: order.shipTo,
    parcel: { index: parcelIndex, count: packed.parcels.length, weightGrams: parcel.weightGrams ?? estimated },
    carrier: order.carrierCode ?? 'own fleet',
    service: order.service ?? 'standard',
    // Our own reference until a carrier gives one: the SSCC, which also opens the order when scanned.
    trackingReference: sscc,
    sscc,
  };
}

/**
 * The slip as packed: lines shipped with their serials and lots, what was backordered, parcel
 * count, and the carriers' tracking numbers that have come by the time it is made.
 */
export function slipInput(packed: PackedOrder, order: Order, settings: LabelSettings, tracking: PackingSlipInput['tracking'] = []): PackingSlipInput {
  const units = packed.parcels.flatMap((p) => p.units);
  const tracked = (sku: string, pick: (u: (typeof units)[number]) => string | null): string[] => [
    ...new Set(
      units
        .filter((u) => u.sku === sku)
        .map(pick)
        .filter((v): v is string => v !== null),
    ),
  ];
  const partialReason = packed.overrides.find((o) => o.kind === 'partial')?.reason ?? null;
  return {
    shop: { name: settings.shopName, address: settings.shipFrom, returnPolicy: settings.returnPolicy },
    orderNumber: packed.orderNumber,
    orderDate: order.createdAt.slice(0, 10),
    shipTo: order.shipTo,
    billTo: null,
    shipped: packed.lines
      .filter((l) => l.shipped > 0)
      .map((l) => ({ sku: l.sku, name: l.name, quantity: l.shipped, serials: tracked(l.sku, (u) => u.serial), lots: tracked(l.sku, (u) => u.lot) })),
    backordered: packed.lines.filter((l) => l.backordered > 0).map((l) => ({ sku: l.sku, name: l.name, quantity: l.backordered, reason: partialReason })),
    parcelCount: packed.parcels.length,
    returnCode: returnCodeFor(packed.orderNumber),
    tracking,
  };
}
