import type { DocumentFormat, DocumentKind } from './documents';

/** How a printer is reached. */
export type PrinterKind = 'cups' | 'raw_tcp' | 'windows_pdf' | 'electron' | 'pdf_folder';

/** The PDF folder printer's folders live here, inside the data folder: `<data>/printed/<target>/`. */
export const PRINTED_FOLDER = 'printed';

/** Which printer prints which document at a station, in which language. */
export interface PrinterProfile {
  stationId: string;
  documentKind: DocumentKind;
  printerKind: PrinterKind;
  /** CUPS queue name, host:port for raw TCP, the system printer name, or the PDF folder's name under `printed/`. */
  target: string;
  /** What the printer accepts: PDFs for office printers, ZPL or EPL for label printers. */
  format: DocumentFormat;
  /** CUPS only: send the bytes unfiltered (`lp -o raw`), as label printers want ZPL/EPL. */
  raw: boolean;
  /** A label printer's stock, for the carriers' labels; null (or absent) where nobody has said. */
  labelSize?: 'a6' | '4x6' | null;
}

export interface PrinterProfileRepository {
  forDocument(stationId: string, kind: DocumentKind): PrinterProfile | null;
  list(stationId: string): PrinterProfile[];
  set(profile: PrinterProfile): void;
  remove(stationId: string, kind: DocumentKind): void;
}

/** One attempt at printing: a job reference from the printer, or why it failed. */
export type PrintOutcome = { ok: true; printerJobRef: string | null } | { ok: false; reason: string };

export interface DiscoveredPrinter {
  kind: PrinterKind;
  target: string;
  description: string;
}

/** What is being printed, for printers that name what they make (the PDF folder's file names). */
export interface PrintedDocument {
  documentId: number;
  kind: DocumentKind;
  orderNumber: string | null;
  parcelIndex: number | null;
}

/** A way of reaching printers (CUPS, raw TCP, Windows, Electron, a PDF folder). */
export interface PrinterAdapter {
  readonly kind: PrinterKind;
  print(profile: Pick<PrinterProfile, 'target' | 'format' | 'raw'>, bytes: Uint8Array, title: string, document?: PrintedDocument): Promise<PrintOutcome>;
  discover(): Promise<DiscoveredPrinter[]>;
}

/**
 * Electron's silent printing, implemented in main/ (webContents.print with silent and
 * deviceName; printers from webContents.getPrintersAsync()).
 */
export interface SilentPrint {
  printers(): Promise<{ name: string; displayName: string; isDefault: boolean }[]>;
  printPdf(deviceName: string, pdf: Uint8Array, title: string): Promise<PrintOutcome>;
}

export type PrintJobStatus = 'queued' | 'printing' | 'done' | 'failed' | 'cancelled';

export interface NewPrintJob {
  stationId: string;
  documentId: number;
  documentKind: DocumentKind;
  printerKind: PrinterKind;
  target: string;
  format: DocumentFormat;
  raw: boolean;
  maxAttempts?: number;
}

/** A job as the queue keeps it: what was asked for, and how printing it is going. */
export interface PrintJob extends Required<NewPrintJob> {
  id: number;
  status: PrintJobStatus;
  attempts: number;
  /** Why the last attempt failed, shown to the packer until the job prints. */
  lastError: string | null;
  /** When a queued or failed job may be tried (again); null when it will not be retried. */
  nextAttemptAt: string | null;
  printerJobRef: string | null;
  /** A restart cut an attempt short after its bytes may have reached the printer: sent again, it may print twice. */
  resent: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The durable print queue: queued → printing → done | failed (retried) | cancelled. */
export interface PrintQueue {
  enqueue(job: NewPrintJob, at: string): PrintJob;
  /** Takes the oldest job due at `at` and marks it printing; null when none is due. */
  claimNext(stationId: string, at: string): PrintJob | null;
  markDone(id: number, printerJobRef: string | null, at: string): void;
  /** Records the reason; with `retryAt` the job is tried again then, without it it stays failed. */
  markFailed(id: number, reason: string, retryAt: string | null, at: string): void;
  cancel(id: number, at: string): boolean;
  /** Puts a failed job back in the queue at once (the packer pressed "retry"). */
  retryNow(id: number, at: string): boolean;
  /** A new job for the same document and printer. */
  reprint(id: number, at: string): PrintJob;
  /** After a crash: jobs left "printing" go back to "queued". Returns how many. */
  recoverInterrupted(stationId: string, at: string): number;
  byId(id: number): PrintJob | null;
  list(stationId: string, statuses?: PrintJobStatus[]): PrintJob[];
  /** When the next queued or failed job becomes due, for the worker's timer. */
  nextDueAt(stationId: string): string | null;
}
