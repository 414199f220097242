import type { RemoteOrder } from '../../app/ports/backend';
import type { OrderDelivery } from '../../domain/order';

export interface VendureOrder {
  id: string;
  code: string;
  state: string;
  updatedAt: string;
  orderPlacedAt: string | null;
  createdAt: string;
  customer: { firstName: string; lastName: string; emailAddress: string } | null;
  shippingAddress: {
    fullName: string | null;
    company: string | null;
    streetLine1: string | null;
    streetLine2: string | null;
    city: string | null;
    postalCode: string | null;
    countryCode: string | null;
    phoneNumber: string | null;
  } | null;
  shippingLines: { shippingMethod: { code: string; name: string } | null }[];
  lines: { id: string; quantity: number; unitPriceWithTax?: number; productVariant: { sku: string; name: string } }[];
  /** Amounts in the currency's minor unit, as Vendure keeps them. */
  currencyCode: string;
  subTotalWithTax: number;
  totalWithTax: number;
  payments: { method: string; state: string }[] | null;
  customFields?: Record<string, unknown>;
}

/** What the sync settings say about reading carriers' needs from an order. */
export interface VendureDeliveryFields {
  pickupPointField?: string | null;
  pickupPointNameField?: string | null;
  codPaymentMethods?: readonly string[];
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/**
 * The locker or pickup point from the order custom fields the settings name, cash on delivery
 * (the whole total) when a payment is one of the COD methods, and the goods with tax as the
 * declared value.
 */
function deliveryOf(order: VendureOrder, fields: VendureDeliveryFields): OrderDelivery {
  const pointId = fields.pickupPointField ? text(order.customFields?.[fields.pickupPointField]) : null;
  const pointName = fields.pickupPointNameField ? text(order.customFields?.[fields.pickupPointNameField]) : null;
  const currency = order.currencyCode;
  return {
    pickupPoint: pointId ? { id: pointId, name: pointName } : null,
    cod: isCashOnDelivery(order, fields) ? { minor: order.totalWithTax, currency } : null,
    declaredValue: { minor: order.subTotalWithTax, currency },
  };
}

function isCashOnDelivery(order: VendureOrder, fields: VendureDeliveryFields): boolean {
  return (order.payments ?? []).some((p) => (fields.codPaymentMethods ?? []).includes(p.method) && p.state !== 'Declined' && p.state !== 'Cancelled');
}

/** Vendure's order states in the station's words; anything in between (Modifying…) is on hold. */
export function stationStatusOf(state: string): RemoteOrder['status'] {
  if (state === 'PaymentSettled' || state === 'PartiallyShipped') return 'ready';
  if (state === 'Cancelled') return 'cancelled';
  if (state === 'Shipped' || state === 'Delivered' || state === 'PartiallyDelivered') return 'shipped';
  return 'on_hold';
}

export function toRemoteOrder(order: VendureOrder, fields: VendureDeliveryFields): RemoteOrder {
  const customer = order.customer ? `${order.customer.firstName} ${order.customer.lastName}`.trim() : '';
  const address = order.shippingAddress;
  const name = address?.fullName?.trim() || customer || order.code;
  const method = order.shippingLines[0]?.shippingMethod ?? null;
  return {
    externalId: order.id,
    number: order.code,
    // Cash on delivery is never settled before the parcel leaves: authorised is as good as paid.
    status: order.state === 'PaymentAuthorized' && isCashOnDelivery(order, fields) ? 'ready' : stationStatusOf(order.state),
    customerName: customer || name,
    shipTo: {
      name,
      company: address?.company || null,
      street: [address?.streetLine1, address?.streetLine2].filter(Boolean).join(', ') || '-',
      city: address?.city || '-',
      postcode: address?.postalCode || '-',
      country: (address?.countryCode || 'XX').toUpperCase(),
      phone: address?.phoneNumber || null,
      email: order.customer?.emailAddress ?? null,
    },
    carrierCode: method?.code ?? null,
    service: method?.name ?? null,
    delivery: deliveryOf(order, fields),
    note: null,
    createdAt: order.orderPlacedAt ?? order.createdAt,
    lines: order.lines.map((l) => ({
      externalLineId: l.id,
      sku: l.productVariant.sku,
      name: l.productVariant.name,
      quantity: l.quantity,
      // Vendure keeps money as integers in the currency's minor unit already.
      unitPrice: typeof l.unitPriceWithTax === 'number' ? { minor: l.unitPriceWithTax, currency: order.currencyCode } : null,
    })),
  };
}
