import type { RemoteOrder, RemoteProduct } from '../../app/ports/backend';
import type { BaselinkerSettings } from '../../contract/sync';

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
    note: order.user_comments || null,
    createdAt: new Date(order.date_add * 1000).toISOString(),
    lines: order.products.map((p) => ({ externalLineId: String(p.order_product_id), sku: p.sku, name: p.name, quantity: p.quantity })),
  };
}

/** BaseLinker has no catalogue call in the order API: products come with the orders that name them. */
export function productsOf(orders: BaselinkerOrder[]): RemoteProduct[] {
  const bySku = new Map<string, RemoteProduct>();
  for (const order of orders) {
    for (const p of order.products) {
      if (!p.sku || bySku.has(p.sku)) continue;
      bySku.set(p.sku, { sku: p.sku, name: p.name, weightGrams: Math.round((p.weight || 0) * 1000), barcodes: p.ean ? [p.ean] : [] });
    }
  }
  return [...bySku.values()];
}
