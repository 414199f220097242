import type { RemoteOrder } from '../../app/ports/backend';

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
  lines: { id: string; quantity: number; productVariant: { sku: string; name: string } }[];
}

/** Vendure's order states in the station's words; anything in between (Modifying…) is on hold. */
export function stationStatusOf(state: string): RemoteOrder['status'] {
  if (state === 'PaymentSettled' || state === 'PartiallyShipped') return 'ready';
  if (state === 'Cancelled') return 'cancelled';
  if (state === 'Shipped' || state === 'Delivered' || state === 'PartiallyDelivered') return 'shipped';
  return 'on_hold';
}

export function toRemoteOrder(order: VendureOrder): RemoteOrder {
  const customer = order.customer ? `${order.customer.firstName} ${order.customer.lastName}`.trim() : '';
  const address = order.shippingAddress;
  const name = address?.fullName?.trim() || customer || order.code;
  const method = order.shippingLines[0]?.shippingMethod ?? null;
  return {
    externalId: order.id,
    number: order.code,
    status: stationStatusOf(order.state),
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
    note: null,
    createdAt: order.orderPlacedAt ?? order.createdAt,
    lines: order.lines.map((l) => ({ externalLineId: l.id, sku: l.productVariant.sku, name: l.productVariant.name, quantity: l.quantity })),
  };
}
