/**
 * Printing a document at one station, as the station's rules have it: keep it (with its hash and
 * links), choose the printer its kind and format go to, and queue it there; reprint a kept
 * document byte for byte; print a test page in a printer's own language. The archive, the printer
 * profiles and the print queue are ports; printing/print-worker sends the queued jobs to the printers.
 */
import type { DocumentArchive, DocumentFormat, DocumentKind, DocumentLinks, DocumentRenderer, StoredDocument } from '../ports/documents';
import type { PrintJob, PrinterProfile, PrinterProfileRepository, PrintQueue } from '../ports/printing';

export interface PrintRequestResult {
  document: StoredDocument;
  /** Null when no printer at this station takes this document; `reason` says why. */
  job: PrintJob | null;
  reason: string | null;
}

/** Keep a document and queue it for its printer, at one station. */
export interface StationPrinting {
  print(kind: DocumentKind, document: { format: DocumentFormat; bytes: Uint8Array }, links: DocumentLinks): PrintRequestResult;
  /**
   * A credential (a badge card) to one printer through the queue: held in memory, never kept on
   * disk, released by the print worker once printed or failed for good; it cannot be reprinted.
   */
  printHeld(kind: 'badge_card', document: { format: DocumentFormat; bytes: Uint8Array }, profile: PrinterProfile): PrintRequestResult;
  /** Prints a kept document again, byte for byte (reprint from the order view). */
  reprint(documentId: number): PrintRequestResult;
  /** A test page in the printer's own language, through the print queue like any document. */
  testPage(renderer: DocumentRenderer, kind: DocumentKind): Promise<PrintRequestResult>;
}

export interface StationPrintingOptions {
  stationId: string;
  archive: DocumentArchive;
  profiles: PrinterProfileRepository;
  printQueue: PrintQueue;
  clock: () => Date;
  /** Called after a job is queued, so the station's print worker prints it at once. */
  onQueued?: () => void;
}

/**
 * The printer for a document: its kind's profile when the formats match; a carrier label made
 * elsewhere, or a box label, may also go to the station's label printer when that one speaks its format.
 */
export function choosePrinter(profiles: PrinterProfileRepository, stationId: string, kind: DocumentKind, format: DocumentFormat): PrinterProfile | null {
  const candidates = [profiles.forDocument(stationId, kind)];
  // A carrier label made elsewhere, and a box label, may go to the station's label printer.
  if (kind === 'carrier_label' || kind === 'box_label') candidates.push(profiles.forDocument(stationId, 'label'));
  return candidates.find((p) => p !== null && p.format === format) ?? null;
}

/**
 * The printer a station's carrier labels are meant for: its carrier-label printer, else its label
 * printer; a real printer before the PDF folder every station starts with (src/app/stations.ts),
 * so a station whose label printer speaks ZPL is not asked for PDFs by its untouched defaults.
 */
export function carrierLabelPrinter(profiles: PrinterProfileRepository, stationId: string): PrinterProfile | null {
  const candidates = [profiles.forDocument(stationId, 'carrier_label'), profiles.forDocument(stationId, 'label')].filter((p) => p !== null);
  return candidates.find((p) => p.printerKind !== 'pdf_folder') ?? candidates[0] ?? null;
}

/** What the packing flow calls when a document is ready. It returns at once; printing happens in the print worker. */
export function createStationPrinting(options: StationPrintingOptions): StationPrinting {
  const { stationId, archive, profiles, printQueue, clock } = options;

  const enqueue = (document: StoredDocument, chosen?: PrinterProfile): PrintRequestResult => {
    const profile = chosen ?? choosePrinter(profiles, stationId, document.kind, document.format);
    if (!profile) {
      const reason = `No printer at station ${stationId} is set up for ${document.kind.replace('_', ' ')} in ${document.format.toUpperCase()}`;
      return { document, job: null, reason };
    }
    const job = printQueue.enqueue(
      {
        stationId,
        documentId: document.id,
        documentKind: document.kind,
        printerKind: profile.printerKind,
        target: profile.target,
        format: profile.format,
        raw: profile.raw,
      },
      clock().toISOString(),
    );
    options.onQueued?.();
    return { document, job, reason: null };
  };

  return {
    print(kind, document, links) {
      return enqueue(archive.keep(kind, document, links));
    },
    printHeld(kind, document, profile) {
      if (profile.format !== document.format) throw new RangeError(`The printer takes ${profile.format.toUpperCase()}, not ${document.format.toUpperCase()}`);
      return enqueue(archive.hold(kind, document), profile);
    },
    reprint(documentId) {
      const document = archive.byId(documentId);
      if (!document) throw new RangeError(`There is no stored document ${documentId}`);
      return enqueue(document);
    },
    async testPage(renderer, kind) {
      const profile = profiles.forDocument(stationId, kind);
      if (!profile) throw new RangeError(`No printer is set up for ${kind} at station ${stationId}`);
      const page = await renderer.testPage({ printer: profile.target, station: stationId, at: clock().toISOString() }, profile.format);
      const document = archive.keep('test_page', page, {});
      const job = printQueue.enqueue(
        {
          stationId,
          documentId: document.id,
          documentKind: 'test_page',
          printerKind: profile.printerKind,
          target: profile.target,
          format: profile.format,
          raw: profile.raw,
          maxAttempts: 1,
        },
        clock().toISOString(),
      );
      options.onQueued?.();
      return { document, job, reason: null };
    },
  };
}
