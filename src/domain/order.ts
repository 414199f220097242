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
  /** What the customer paid for one unit, tax included, as the shop said; null or absent when it did not say. */
  unitPrice?: MinorMoney | null;
}

/** An amount in the currency's minor unit (grosze for PLN). */
export interface MinorMoney {
  minor: number;
  /** ISO 4217, e.g. PLN. */
  currency: string;
}

/** What a carrier needs beyond the address: the locker or pickup point, cash on delivery, the declared value. */
export interface OrderDelivery {
  /** The locker or pickup point the customer chose (InPost WAW123M, DPD Pickup PL11033), with its name as the shop gave it. */
  pickupPoint: { id: string; name: string | null } | null;
  cod: MinorMoney | null;
  declaredValue: MinorMoney | null;
}

export const NO_DELIVERY_DETAILS: OrderDelivery = { pickupPoint: null, cod: null, declaredValue: null };

export interface Order {
  id: number;
  number: string;
  externalId: string | null;
  status: OrderStatus;
  customerName: string;
  shipTo: Address;
  carrierCode: string | null;
  service: string | null;
  /** The pickup point, COD and declared value; absent (none of them) for orders made before they were kept. */
  delivery?: OrderDelivery;
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
