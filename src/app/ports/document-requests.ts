import type { DocumentArchive, DocumentFormat, DocumentRenderer, LabelSettingsRepository } from './documents';
import type { PackedOrder } from './packing';
import type { DiscoveredPrinter, PrintJob, PrintJobStatus, PrinterKind, PrinterProfileRepository, PrintQueue } from './printing';

/** The documents completion owes an order: a label per parcel (ours or the carrier's) and the slip. */
export type RequestedKind = 'label' | 'carrier_label' | 'packing_slip';

/** pending: still to be made (or retried); done: kept and queued; kept: kept, no printer takes it. */
export type RequestItemStatus = 'pending' | 'done' | 'kept';

export interface DocumentRequestItem {
  id: number;
  requestId: number;
  orderId: number;
  orderNumber: string;
  stationId: string;
  kind: RequestedKind;
  parcelIndex: number | null;
  status: RequestItemStatus;
  attempts: number;
  /** Why the last attempt failed, or why a kept document was not printed. */
  lastError: string | null;
  nextAttemptAt: string | null;
  sscc: string | null;
  documentId: number | null;
  printJobId: number | null;
  updatedAt: string;
}

/** One label (ours or the carrier's) a completed order was owed, and how printing it went. */
export interface LabelPrint {
  orderNumber: string;
  customerName: string;
  parcelIndex: number | null;
  /** pending: being made (or failing to be); done: kept and queued; kept: no printer took it. */
  status: RequestItemStatus;
  /** Why it could not be made yet, or why no printer took it. */
  reason: string | null;
  /** Whether any print job of its document printed: the first, a retry or a reprint. */
  printed: boolean;
  /** The newest print job of its document, if it has one. */
  job: { status: PrintJobStatus; lastError: string | null; target: string } | null;
}

export interface NewDocumentRequest {
  packed: PackedOrder;
  items: { kind: RequestedKind; parcelIndex: number | null }[];
  at: string;
}

/** The durable list of documents owed (storage/repositories/document-requests). */
export interface DocumentRequestRepository {
  record(request: NewDocumentRequest): DocumentRequestItem[];
  /** The oldest item due at `at`, at any station; null when none is. */
  nextDue(at: string): DocumentRequestItem | null;
  packedOrder(requestId: number): PackedOrder;
  /** Keeps the SSCC drawn for a label and makes it (and its GS1-128 element string) open the order. */
  assignSscc(itemId: number, orderId: number, sscc: string): void;
  markDone(itemId: number, outcome: { documentId: number; printJobId: number | null; note: string | null }, at: string): void;
  markFailed(itemId: number, reason: string, retryAt: string, at: string): void;
  byId(itemId: number): DocumentRequestItem | null;
  /** A document kept without a printer went to the print queue after all: the item is done. False when it was not waiting. */
  markQueued(itemId: number, printJobId: number, at: string): boolean;
  /** Puts every pending item due at once (label settings were just fixed, say). Returns how many. */
  retryAllNow(at: string): number;
  /** Puts one order's pending items due at once (its carrier label has come). Returns how many. */
  retryOrderNow(orderNumber: string, at: string): number;
  forOrder(orderNumber: string): DocumentRequestItem[];
  /** The labels an order was owed, with their print jobs' outcome. */
  labelPrints(orderNumber: string): LabelPrint[];
  /** The same for the station's `recent` newest completions, newest first. */
  recentLabelPrints(stationId: string, recent: number): LabelPrint[];
  /** Items not done yet, with their reasons, for the print panel. */
  pending(stationId: string): DocumentRequestItem[];
  nextDueAt(): string | null;
  /** The label settings' SSCC counter, which their own repository hands out but does not show or move. */
  nextSsccSerial(): number | null;
  setNextSsccSerial(serial: number): void;
}

/** A carrier label the shop's integration stored for an order (comes with sync). */
export interface CarrierLabel {
  parcelIndex: number;
  format: DocumentFormat;
  bytes: Uint8Array;
}

export interface CarrierLabelSource {
  forOrder(orderNumber: string): CarrierLabel[];
  /**
   * Parcels whose label a carrier is still to send, with what the station last heard (null while
   * the first call is under way): they are owed the carrier's label, never ours as well.
   */
  awaited?(orderNumber: string): { parcelIndex: number; reason: string | null }[];
  /** The carriers' tracking numbers known so far, per parcel, with the carrier in words. */
  tracking?(orderNumber: string): { parcel: number; carrier: string; number: string }[];
}

/** printing/print-worker for one station. */
export interface PrintWorker {
  start(): void;
  /** Resolves once the job being sent (if any) is recorded. */
  stop(): Promise<void>;
  kick(): void;
  /** Prints every job due now; resolves with how many were attempted. */
  drain(): Promise<number>;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Everything documents and printing need from the platform. Which printer a document goes to,
 * queueing and reprinting are the station's rules, in app/documents/printing.
 */
export interface DocumentPorts {
  requests: DocumentRequestRepository;
  renderer: DocumentRenderer;
  archive: DocumentArchive;
  labelSettings: LabelSettingsRepository;
  profiles: PrinterProfileRepository;
  printQueue: PrintQueue;
  carrierLabels: CarrierLabelSource | null;
  /** Printer discovery per way of printing (lpstat, Electron, Windows). */
  discover(): Promise<DiscoveredPrinter[]>;
  printWorkerFor(stationId: string, onChange: (job: PrintJob) => void): PrintWorker;
  /** Ways of printing this host offers; a profile of another kind is refused when set. */
  printerKinds: readonly PrinterKind[];
  /** Where a PDF folder profile with this target writes (inside the data folder); null when the target is not a folder name. */
  printedFolder(target: string): string | null;
  timers: Timers;
}
