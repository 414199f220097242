import type { Address } from '../../domain/order';

/**
 * Documents are pure functions of these inputs: the packing flow fills them from a completed
 * packing session, the CLI from an order that is not packed yet. Nothing here reads the store.
 */

export type LabelSize = '4x6' | 'a6';
export type ZplDpi = 203 | 300;
export type DocumentFormat = 'pdf' | 'zpl' | 'epl';

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

/** A finished document: the bytes that go to a printer or a file, and what they are. */
export interface RenderedDocument {
  format: DocumentFormat;
  bytes: Uint8Array;
  /** Characters the fonts lack, printed as a replacement (see documents/fonts/coverage). */
  replacedCharacters: string[];
}

export interface DocumentRenderer {
  labelPdf(input: ShippingLabelInput, size: LabelSize): Promise<RenderedDocument>;
  labelZpl(input: ShippingLabelInput, dpi: ZplDpi): RenderedDocument;
  packingSlip(input: PackingSlipInput): Promise<RenderedDocument>;
  manifest(input: ManifestInput): Promise<RenderedDocument>;
  returnsReceipt(input: ReturnsReceiptInput): Promise<RenderedDocument>;
  /** A page that proves a printer works: its name, the station, the time and a barcode. */
  testPage(input: TestPageInput, format: DocumentFormat): Promise<RenderedDocument>;
}

export interface TestPageInput {
  printer: string;
  station: string;
  at: string;
}

export type DocumentKind = 'label' | 'carrier_label' | 'packing_slip' | 'manifest' | 'returns_receipt' | 'test_page';

/** What a stored document belongs to; at least one link is set. */
export interface DocumentLinks {
  orderNumber?: string | null;
  parcelIndex?: number | null;
  manifestNumber?: string | null;
}

export interface StoredDocument {
  id: number;
  kind: DocumentKind;
  format: DocumentFormat;
  /** Relative to the data folder: documents/YYYY/MM/<file>. */
  path: string;
  sha256: string;
  bytes: number;
  orderNumber: string | null;
  parcelIndex: number | null;
  manifestNumber: string | null;
  createdAt: string;
}

export interface NewDocumentRecord extends DocumentLinks {
  kind: DocumentKind;
  format: DocumentFormat;
  path: string;
  sha256: string;
  bytes: number;
  createdAt: string;
}

/** The rows behind the document archive (storage/repositories/document-records). */
export interface DocumentRecords {
  insert(record: NewDocumentRecord): StoredDocument;
  byId(id: number): StoredDocument | null;
  forOrder(orderNumber: string): StoredDocument[];
  forManifest(manifestNumber: string): StoredDocument[];
}

export interface DocumentArchive {
  /** Writes the bytes under the data folder, records their hash and links; returns the record. */
  keep(kind: DocumentKind, document: { format: DocumentFormat; bytes: Uint8Array }, links: DocumentLinks): StoredDocument;
  /** The bytes as kept, after checking they still match their SHA-256. */
  read(id: number): Uint8Array;
  forOrder(orderNumber: string): StoredDocument[];
  forManifest(manifestNumber: string): StoredDocument[];
  byId(id: number): StoredDocument | null;
}

/** Label settings the station needs to make its own labels. */
export interface LabelSettings {
  shopName: string;
  shipFrom: Address;
  /** GS1 company prefix, 7 to 10 digits. */
  gs1CompanyPrefix: string;
  ssccExtensionDigit: number;
  returnPolicy: string;
}

export interface LabelSettingsRepository {
  /** Null until the station is set up: labels need a real GS1 company prefix. */
  get(): LabelSettings | null;
  set(settings: LabelSettings): void;
  /** The next SSCC serial reference, never handed out twice. */
  allocateSsccSerial(): number;
}

export type ManifestStatus = 'open' | 'closed';

export interface ManifestRecord {
  id: number;
  number: string;
  carrier: string;
  date: string;
  status: ManifestStatus;
  openedAt: string;
  closedAt: string | null;
}

export interface ManifestParcelRecord extends ManifestParcelLine {
  parcelIndex: number;
  addedAt: string;
}

/** The day's handover list per carrier: open, add parcels, close (locks them), reprint. */
export interface ManifestBook {
  /** The open manifest for the carrier and day, opened when there is none. */
  openFor(carrier: string, date: string, at: string): ManifestRecord;
  /** Adds a parcel to the open manifest; refuses one already on a closed manifest. */
  addParcel(manifestId: number, parcel: ManifestParcelLine & { parcelIndex: number }, at: string): void;
  removeParcel(manifestId: number, trackingNumber: string): void;
  close(manifestId: number, at: string): ManifestRecord;
  byNumber(number: string): ManifestRecord | null;
  forCarrierDay(carrier: string, date: string): ManifestRecord[];
  parcels(manifestId: number): ManifestParcelRecord[];
  /** Whether a parcel sits on a closed manifest and so may no longer change. */
  isLocked(trackingNumber: string): boolean;
}
