import type { LabelSettings } from '../app/ports/documents';
import type { PackingSlipInput, ShippingLabelInput } from '../domain/documents';
import type { Order } from '../domain/order';
import { returnCodeFor } from '../domain/returns/return-code';

/**
 * Used when a station has no label settings yet (CLI on a demo database): GS1's own example
 * company prefix, which no real shipper holds, and a sender that says it is a demo.
 */
export const DEMO_LABEL_SETTINGS: LabelSettings = {
  shopName: 'Packdesk demo shop',
  shipFrom: {
    name: 'Packdesk demo warehouse',
    company: null,
    street: 'ul. Magazynowa 7',
    city: 'Łódź',
    postcode: '90-001',
    country: 'PL',
    phone: null,
    email: null,
  },
  gs1CompanyPrefix: '0614141',
  ssccExtensionDigit: 0,
  returnPolicy: 'Returns within 30 days: keep this slip and show its code at the returns desk.',
};

/** Items' weight from the catalogue; a product that is not found counts as 0 g. */
export function estimatedWeightGrams(order: Order, weightOf: (productId: number) => number | null): number {
  return order.lines.reduce((grams, line) => grams + (weightOf(line.productId) ?? 0) * line.quantity, 0);
}

/**
 * The label of an order that is not packed yet: one parcel with the items' estimated weight;
 * the order number stands in for a tracking reference until a carrier gives one.
 */
export function labelForUnpackedOrder(order: Order, settings: LabelSettings, weightGrams: number, sscc: string): ShippingLabelInput {
  return {
    orderNumber: order.number,
    shipFrom: settings.shipFrom,
    shipTo: order.shipTo,
    parcel: { index: 1, count: 1, weightGrams },
    carrier: order.carrierCode ?? 'own fleet',
    service: order.service ?? 'standard',
    trackingReference: order.number,
    sscc,
  };
}

/** The slip of an order not packed yet: every line as shipped, one parcel, the return code (RET-order number) to scan back. */
export function slipForUnpackedOrder(order: Order, settings: LabelSettings): PackingSlipInput {
  return {
    shop: { name: settings.shopName, address: settings.shipFrom, returnPolicy: settings.returnPolicy },
    orderNumber: order.number,
    orderDate: order.createdAt.slice(0, 10),
    shipTo: order.shipTo,
    billTo: null,
    shipped: order.lines.map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity, serials: [], lots: [] })),
    backordered: [],
    parcelCount: 1,
    returnCode: returnCodeFor(order.number),
    tracking: [],
  };
}
