import type { Order, OrderLine, OrderStatus } from '../../domain/order';
import type { NewOrder, OrderDetails } from '../../app/ports/store';

export interface OrderRow {
  id: number;
  number: string;
  external_id: string | null;
  status: string;
  customer_name: string;
  ship_name: string;
  ship_company: string | null;
  ship_street: string;
  ship_city: string;
  ship_postcode: string;
  ship_country: string;
  ship_phone: string | null;
  ship_email: string | null;
  carrier_code: string | null;
  service: string | null;
  pickup_point_id: string | null;
  pickup_point_name: string | null;
  cod_minor: number | null;
  declared_value_minor: number | null;
  currency: string | null;
  note: string | null;
  created_at: string;
}

export interface OrderLineRow {
  id: number;
  product_id: number;
  sku: string;
  name: string;
  quantity: number;
  unit_price_minor: number | null;
  price_currency: string | null;
}

export const ORDER_LINE_COLUMNS = 'id, product_id, sku, name, quantity, unit_price_minor, price_currency';

export const ORDER_COLUMNS =
  'id, number, external_id, status, customer_name, ship_name, ship_company, ship_street, ship_city, ' +
  'ship_postcode, ship_country, ship_phone, ship_email, carrier_code, service, ' +
  'pickup_point_id, pickup_point_name, cod_minor, declared_value_minor, currency, note, created_at';

export function toOrder(row: OrderRow, lines: OrderLineRow[]): Order {
  return {
    id: row.id,
    number: row.number,
    externalId: row.external_id,
    status: row.status as OrderStatus,
    customerName: row.customer_name,
    shipTo: {
      name: row.ship_name,
      company: row.ship_company,
      street: row.ship_street,
      city: row.ship_city,
      postcode: row.ship_postcode,
      country: row.ship_country,
      phone: row.ship_phone,
      email: row.ship_email,
    },
    carrierCode: row.carrier_code,
    service: row.service,
    delivery: {
      pickupPoint: row.pickup_point_id ? { id: row.pickup_point_id, name: row.pickup_point_name } : null,
      cod: row.cod_minor !== null ? { minor: row.cod_minor, currency: row.currency ?? 'PLN' } : null,
      declaredValue: row.declared_value_minor !== null ? { minor: row.declared_value_minor, currency: row.currency ?? 'PLN' } : null,
    },
    note: row.note,
    createdAt: row.created_at,
    lines: lines.map((l): OrderLine => ({
      id: l.id,
      productId: l.product_id,
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      unitPrice: l.unit_price_minor !== null && l.price_currency !== null ? { minor: l.unit_price_minor, currency: l.price_currency } : null,
    })),
  };
}

/** Separates the fields of orders.search_key; removed from what a person types. */
/** An order's details as the columns that keep them; the one mapping for a new order and a changed one. */
export function detailColumns(o: OrderDetails) {
  return {
    customer_name: o.customerName,
    ship_name: o.shipTo.name,
    ship_company: o.shipTo.company,
    ship_street: o.shipTo.street,
    ship_city: o.shipTo.city,
    ship_postcode: o.shipTo.postcode,
    ship_country: o.shipTo.country,
    ship_phone: o.shipTo.phone,
    ship_email: o.shipTo.email,
    carrier_code: o.carrierCode,
    service: o.service,
    pickup_point_id: o.delivery?.pickupPoint?.id ?? null,
    pickup_point_name: o.delivery?.pickupPoint?.name ?? null,
    cod_minor: o.delivery?.cod?.minor ?? null,
    declared_value_minor: o.delivery?.declaredValue?.minor ?? null,
    currency: o.delivery?.cod?.currency ?? o.delivery?.declaredValue?.currency ?? null,
    note: o.note,
  };
}

/** The detail columns by name, read off the mapping itself so the two never disagree (the values are not used). */
export const DETAIL_COLUMNS: readonly string[] = Object.keys(
  detailColumns({ customerName: '', shipTo: {} as NewOrder['shipTo'], carrierCode: null, service: null, note: null }),
);

export const SEARCH_FIELD_SEPARATOR = '\u001f';

/** What the queue search looks in: number, customer and line SKUs, lower-cased with Unicode rules. */
export function searchKeyOf(order: { number: string; customerName: string; lines: readonly { sku: string }[] }): string {
  return [order.number, order.customerName, ...order.lines.map((l) => l.sku)].join(SEARCH_FIELD_SEPARATOR).toLowerCase();
}

export function searchNeedle(search: string): string {
  return search.split(SEARCH_FIELD_SEPARATOR).join('').trim().toLowerCase();
}

/** The code printed as a barcode on an order's pick list. */
export function pickListCode(orderNumber: string): string {
  return `PL-${orderNumber}`;
}
