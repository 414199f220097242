import type { RemoteOrder, RemoteProduct } from '../../app/ports/backend';
import type { BaselinkerSettings } from '../../contract/sync';
import type { OrderDelivery } from '../../domain/order';

export interface BaselinkerOrder {
  order_id: number;
  order_status_id: number;
  date_add: number;
  date_confirmed: number;
  email: string;
  phone: string;
  user_comments: string;
  delivery_method: string;
  delivery_fullname: string;
  delivery_company: string;
  delivery_address: string;
  delivery_city: string;
  delivery_postcode: string;
  delivery_country_code: string;
  /** The order's currency; getOrders always gives it, older fixtures may not. */
  currency?: string;
  /** The locker or pickup point the buyer chose (InPost Paczkomat, Orlen Paczka …): its id, name and address. */
  delivery_point_id?: string;
  delivery_point_name?: string;
  delivery_point_address?: string;
  delivery_point_city?: string;
  /** "1" (or true) when the buyer pays the courier: cash on delivery. */
  payment_method_cod?: string | boolean;
  /** What the buyer has paid so far, and the gross delivery price, in the order's currency. */
  payment_done?: number;
  delivery_price?: number;
  products: BaselinkerOrderProduct[];
}

export interface BaselinkerOrderProduct {
  order_product_id: number;
  sku: string;
  ean: string;
  name: string;
  quantity: number;
  weight: number;
  /** Where the product comes from ("db" BaseLinker inventory, "shop", "warehouse") and which one: a return names the same. */
  storage?: string;
  storage_id?: number;
  product_id?: string;
  variant_id?: number | string;
  warehouse_id?: number;
  price_brutto?: number;
  tax_rate?: number;
}

const minor = (amount: number) => Math.max(0, Math.round(amount * 100));

/**
 * What a carrier needs from a BaseLinker order: the pickup point (delivery_point_*), cash on
 * delivery (payment_method_cod: what is still unpaid of the goods and delivery) and the goods'
 * gross value as the declared value.
 */
export function deliveryOf(order: BaselinkerOrder): OrderDelivery {
  const currency = (order.currency || 'PLN').toUpperCase();
  const goods = order.products.reduce((sum, p) => sum + (p.price_brutto ?? 0) * p.quantity, 0);
  const total = goods + (order.delivery_price ?? 0);
  const cod = order.payment_method_cod === true || order.payment_method_cod === '1';
  const pointId = order.delivery_point_id?.trim();
  const pointName = [order.delivery_point_name, order.delivery_point_address, order.delivery_point_city]
    .map((s) => s?.trim())
    .filter(Boolean)
    .join(', ');
  return {
    pickupPoint: pointId ? { id: pointId, name: pointName || null } : null,
    cod: cod && minor(total - (order.payment_done ?? 0)) > 0 ? { minor: minor(total - (order.payment_done ?? 0)), currency } : null,
    declaredValue: goods > 0 ? { minor: minor(goods), currency } : null,
  };
}

/** The shop's own status ids, mapped in settings, in the station's words; unmapped ones are on hold. */
export function statusOf(statusId: number, map: BaselinkerSettings['statusMap']): RemoteOrder['status'] {
  if (map.cancelled.includes(statusId)) return 'cancelled';
  if (map.shipped === statusId) return 'shipped';
  if (map.ready.includes(statusId)) return 'ready';
  return 'on_hold';
}

export function toRemoteOrder(order: BaselinkerOrder, map: BaselinkerSettings['statusMap']): RemoteOrder {
  return {
    externalId: String(order.order_id),
    number: `BL-${order.order_id}`,
    status: statusOf(order.order_status_id, map),
    customerName: order.delivery_fullname || order.delivery_company || order.email,
    shipTo: {
      name: order.delivery_fullname || order.delivery_company,
      company: order.delivery_company || null,
      street: order.delivery_address || '-',
      city: order.delivery_city || '-',
      postcode: order.delivery_postcode || '-',
      country: (order.delivery_country_code || 'PL').toUpperCase(),
      phone: order.phone || null,
      email: order.email || null,
    },
    carrierCode: order.delivery_method || null,
    service: null,
    delivery: deliveryOf(order),
    note: order.user_comments || null,
    createdAt: new Date(order.date_add * 1000).toISOString(),
    lines: order.products.map((p) => ({
      externalLineId: String(p.order_product_id),
      sku: p.sku,
      name: p.name,
      quantity: p.quantity,
      // BaseLinker gives the gross unit price as a decimal in the order's currency.
      unitPrice:
        typeof p.price_brutto === 'number' && p.price_brutto >= 0 ? { minor: minor(p.price_brutto), currency: (order.currency || 'PLN').toUpperCase() } : null,
    })),
  };
}

/** BaseLinker has no catalogue call in the order API: products come with the orders that name them. */
export function productsOf(orders: BaselinkerOrder[]): RemoteProduct[] {
  const bySku = new Map<string, RemoteProduct>();
  for (const order of orders) {
    for (const p of order.products) {
      if (!p.sku || bySku.has(p.sku)) continue;
      // A weight of 0 is one the shop never set: the station's own stays.
      const weight = p.weight ? { weightGrams: Math.round(p.weight * 1000) } : {};
      bySku.set(p.sku, { sku: p.sku, name: p.name, ...weight, barcodes: p.ean ? [p.ean] : [] });
    }
  }
  return [...bySku.values()];
}
