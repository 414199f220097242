/**
 * What each document says: the inputs a shipping label, a packing slip, a carrier's manifest, a
 * returns receipt and a printer's test page are made from. Documents are pure functions of these
 * (src/documents renders them through the DocumentRenderer port); the packing flow fills them
 * from a completed session (app/documents/inputs), the CLI from an order not packed yet. Nothing
 * here reads the store.
 */
import type { Address } from './order';

export interface ShippingLabelInput {
  orderNumber: string;
  shipFrom: Address;
  shipTo: Address;
  parcel: { index: number; count: number; weightGrams: number };
  carrier: string;
  service: string;
  /** Printed as a QR code; the carrier's tracking number, or our own reference. */
  trackingReference: string;
  /** 18 digits with a valid check digit (see domain/barcode/sscc). */
  sscc: string;
}

export interface SlipLine {
  sku: string;
  name: string;
  quantity: number;
  serials: string[];
  lots: string[];
}

export interface BackorderedLine {
  sku: string;
  name: string;
  quantity: number;
  reason: string | null;
}

export interface ShopHeader {
  name: string;
  address: Address;
  /** Return instructions printed above the return barcode. */
  returnPolicy: string;
}

export interface PackingSlipInput {
  shop: ShopHeader;
  orderNumber: string;
  orderDate: string;
  shipTo: Address;
  billTo: Address | null;
  shipped: SlipLine[];
  backordered: BackorderedLine[];
  parcelCount: number;
  /** What the returns desk scans to find the order (Code 128 on the slip). */
  returnCode: string;
  /** The carriers' tracking numbers known when the slip is made, per parcel (carrier in words: "InPost"). */
  tracking: { parcel: number; carrier: string; number: string }[];
}

export interface ManifestParcelLine {
  orderNumber: string;
  trackingNumber: string;
  sscc: string | null;
  weightGrams: number;
  shipTo: Pick<Address, 'name' | 'postcode' | 'city' | 'country'>;
}

export interface ManifestInput {
  manifestNumber: string;
  carrier: string;
  date: string;
  shipFrom: Address;
  parcels: ManifestParcelLine[];
  closedAt: string | null;
}

export interface ReturnsReceiptLine {
  sku: string;
  name: string;
  quantity: number;
  condition: string;
  disposition: string;
  serial: string | null;
}

export interface ReturnsReceiptInput {
  shop: ShopHeader;
  returnNumber: string;
  orderNumber: string;
  receivedAt: string;
  handler: string;
  customer: Address;
  lines: ReturnsReceiptLine[];
  note: string | null;
}

/** The label stuck on one returned item sent to refurbishment or scrap, so the bench knows what it is and where it came from. */
export interface ReturnItemLabelInput {
  shopName: string;
  returnNumber: string;
  orderNumber: string;
  sku: string;
  name: string;
  quantity: number;
  serial: string | null;
  condition: string;
  disposition: string;
  reasonCode: string | null;
  /** This item's place among the return's labels: 1 of 3. */
  index: number;
  count: number;
}

export interface TestPageInput {
  printer: string;
  station: string;
  at: string;
}

/** A card whose barcode is scanned: a badge (a person's) or a box type's label. */
export interface CodeCardInput {
  kind: 'badge' | 'box';
  /** Large: the person's or the box's name. */
  title: string;
  /** Under it: the role, or the size and tare. */
  subtitle: string;
  /** What the barcode says, printed under it too. */
  code: string;
  /** Small print at the foot, e.g. who issued it and when. */
  note: string;
}
