export const ORDER_STATUSES = ['ready', 'on_hold', 'cancelled', 'shipped', 'partially_shipped'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface Address {
  name: string;
  company: string | null;
  street: string;
  city: string;
  postcode: string;
  country: string;
  phone: string | null;
  email: string | null;
}

export interface OrderLine {
  id: number;
  productId: number;
  sku: string;
  name: string;
  quantity: number;
}

export interface Order {
  id: number;
  number: string;
  externalId: string | null;
  status: OrderStatus;
  customerName: string;
  shipTo: Address;
  carrierCode: string | null;
  service: string | null;
  note: string | null;
  createdAt: string;
  lines: OrderLine[];
}

/** Why an order cannot be packed now, or null when it can. */
export type PackRefusal = 'cancelled' | 'shipped' | 'on_hold' | 'open_elsewhere';

export function packRefusal(status: OrderStatus, openAtStation: string | null, here: string): PackRefusal | null {
  if (status === 'cancelled') return 'cancelled';
  if (status === 'shipped') return 'shipped';
  if (status === 'on_hold') return 'on_hold';
  if (openAtStation !== null && openAtStation !== here) return 'open_elsewhere';
  return null;
}
