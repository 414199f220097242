/**
 * Documents as ports: rendering them, keeping them, their label settings and the day's manifests.
 * What a document says (its input model) is domain data, in src/domain/documents.
 */
import type {
  CodeCardInput,
  ManifestInput,
  ManifestParcelLine,
  PackingSlipInput,
  ReturnItemLabelInput,
  ReturnsReceiptInput,
  ShippingLabelInput,
  TestPageInput,
} from '../../domain/documents';
import type { Address } from '../../domain/order';

export type LabelSize = '4x6' | 'a6';
export type ZplDpi = 203 | 300;
export type DocumentFormat = 'pdf' | 'zpl' | 'epl';

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
  /** The returns receipt on label stock, for the label printer. */
  returnsReceiptLabelPdf(input: ReturnsReceiptInput, size: LabelSize): Promise<RenderedDocument>;
  returnsReceiptLabelZpl(input: ReturnsReceiptInput, dpi: ZplDpi): RenderedDocument;
  /** The 4×2 in label of one item sent to refurbishment or scrap. */
  returnItemLabelPdf(input: ReturnItemLabelInput): Promise<RenderedDocument>;
  returnItemLabelZpl(input: ReturnItemLabelInput, dpi: ZplDpi): RenderedDocument;
  /** A page that proves a printer works: its name, the station, the time and a barcode. */
  testPage(input: TestPageInput, format: DocumentFormat): Promise<RenderedDocument>;
  /** A badge or box label card on an A4 sheet, as a PDF: never kept in the archive (a badge is a credential). */
  codeCard(input: CodeCardInput): Promise<Uint8Array>;
  /** A badge (ID-1) or box label (100 × 60 mm) on the label printer's stock, PDF or ZPL. */
  cardLabelPdf(input: CodeCardInput): Promise<RenderedDocument>;
  cardLabelZpl(input: CodeCardInput, dpi: ZplDpi): RenderedDocument;
}

/**
 * returns_receipt is the A4 receipt; returns_receipt_label the same receipt on label stock (4×6,
 * PDF or ZPL); return_item_label the small label on an item sent to refurbishment or scrap;
 * badge_card a person's badge, held in memory only until printed (see DocumentArchive.hold).
 */
export type DocumentKind =
  | 'label'
  | 'carrier_label'
  | 'packing_slip'
  | 'manifest'
  | 'returns_receipt'
  | 'returns_receipt_label'
  | 'return_item_label'
  | 'box_label'
  | 'badge_card'
  | 'test_page';

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
  /**
   * A credential (a badge card: its barcode logs a person in) for the print queue: its bytes stay in
   * this process's memory only, never on disk, and its record holds no hash of them (a hash could
   * be checked against guessed badges), only what it was and when. Released once printed.
   */
  hold(kind: 'badge_card', document: { format: DocumentFormat; bytes: Uint8Array }): StoredDocument;
  /** Forgets a held document's bytes (printed, failed for good, or cancelled); nothing for a kept one. */
  release(id: number): void;
  /** The bytes as kept, after checking they still match their SHA-256; a held document's while it is held. */
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
