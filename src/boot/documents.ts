import { renderCodeCardZpl } from '../documents/zpl/code-card-zpl';
import type { Clock, Logger } from '../app/ports';
import type { CarrierLabelSource, DocumentPorts, Timers } from '../app/ports/document-requests';
import type { DocumentRenderer } from '../app/ports/documents';
import type { DiscoveredPrinter, PrinterAdapter, PrinterKind, SilentPrint } from '../app/ports/printing';
import { createDocumentArchive } from '../documents/store/archive';
import { OrphanSweeper } from '../documents/store/orphans';
import { renderReturnItemLabelZpl, renderReturnsReceiptLabelZpl } from '../documents/receipt/returns-labels-zpl';
import { renderLabelZpl } from '../documents/zpl/zpl-label';
import { createCupsPrinter } from '../printing/cups';
import { createPdfFolderPrinter, printedFolder } from '../printing/pdf-folder';
import { PrintWorker, REAL_TIMERS } from '../printing/print-worker';
import { createRawTcpPrinter } from '../printing/raw-tcp';
import { createSilentPrinter } from '../printing/silent-print';
import { createWindowsPdfPrinter } from '../printing/windows-pdf';
import type { Database } from '../storage/db';
import { guardRepository } from '../storage/failures';
import { createDocumentRecordRepository, recordedDocumentPaths } from '../storage/repositories/document-records';
import { createDocumentRequestRepository } from '../storage/repositories/document-requests';
import { createLabelSettingsRepository } from '../storage/repositories/label-settings';
import { createPrintJobRepository } from '../storage/repositories/print-jobs';
import { createPrinterProfileRepository } from '../storage/repositories/printer-profiles';

export interface DocumentPortOptions {
  db: Database;
  dataDir: string;
  clock: Clock;
  logger: Logger;
  timers?: Timers;
  /** Electron's silent printing (main/silent-print), only in the Electron host. */
  silentPrint?: SilentPrint | null;
  /** SumatraPDF.exe shipped with the Windows build, for Windows printers. */
  sumatraPath?: string | null;
  platform?: NodeJS.Platform;
  carrierLabels?: CarrierLabelSource | null;
  /** Printer adapters to use instead of the platform's (tests). */
  adapters?: PrinterAdapter[];
}

/**
 * The PDF renderer loaded on first use: pdf-lib and fontkit take most of a second to load, which
 * no CLI command that does not print should pay. ZPL needs neither and stays synchronous.
 */
export function lazyDocumentRenderer(): DocumentRenderer {
  let loaded: Promise<DocumentRenderer> | null = null;
  const renderer = () => (loaded ??= import('../documents/renderer').then((m) => m.createDocumentRenderer()));
  return {
    labelPdf: async (input, size) => (await renderer()).labelPdf(input, size),
    labelZpl: (input, dpi) => renderLabelZpl(input, dpi),
    packingSlip: async (input) => (await renderer()).packingSlip(input),
    manifest: async (input) => (await renderer()).manifest(input),
    returnsReceipt: async (input) => (await renderer()).returnsReceipt(input),
    returnsReceiptLabelPdf: async (input, size) => (await renderer()).returnsReceiptLabelPdf(input, size),
    returnsReceiptLabelZpl: (input, dpi) => renderReturnsReceiptLabelZpl(input, dpi),
    returnItemLabelPdf: async (input) => (await renderer()).returnItemLabelPdf(input),
    returnItemLabelZpl: (input, dpi) => renderReturnItemLabelZpl(input, dpi),
    testPage: async (input, format) => (await renderer()).testPage(input, format),
    codeCard: async (input) => (await renderer()).codeCard(input),
    cardLabelPdf: async (input) => (await renderer()).cardLabelPdf(input),
    cardLabelZpl: (input, dpi) => renderCodeCardZpl(input, dpi),
  };
}

function platformAdapters(options: DocumentPortOptions): PrinterAdapter[] {
  const platform = options.platform ?? process.platform;
  const adapters: PrinterAdapter[] = [createRawTcpPrinter()];
  if (platform !== 'win32') adapters.push(createCupsPrinter());
  if (options.sumatraPath) adapters.push(createWindowsPdfPrinter({ sumatraPath: options.sumatraPath }));
  if (options.silentPrint) adapters.push(createSilentPrinter(options.silentPrint));
  // Works everywhere: a fresh install prints into it before any printer is set up.
  adapters.push(createPdfFolderPrinter({ dataDir: options.dataDir }));
  return adapters;
}

/** Documents and printing over the station database and this platform's printers. */
export function createDocumentPorts(options: DocumentPortOptions): DocumentPorts {
  const { db, clock, logger } = options;
  const now = () => clock.now();
  const timers = options.timers ?? REAL_TIMERS;
  const adapters = options.adapters ?? platformAdapters(options);
  const byKind: Partial<Record<PrinterKind, PrinterAdapter>> = Object.fromEntries(adapters.map((a) => [a.kind, a]));
  const archive = createDocumentArchive({ dataDir: options.dataDir, records: guardRepository(createDocumentRecordRepository(db), db.name), clock: now });
  const profiles = guardRepository(createPrinterProfileRepository(db), db.name);
  const printQueue = guardRepository(createPrintJobRepository(db), db.name);
  return {
    requests: guardRepository(createDocumentRequestRepository(db), db.name),
    renderer: lazyDocumentRenderer(),
    archive,
    labelSettings: guardRepository(createLabelSettingsRepository(db), db.name),
    profiles,
    printQueue,
    carrierLabels: options.carrierLabels ?? null,
    async discover() {
      const found: DiscoveredPrinter[] = [];
      for (const adapter of adapters) found.push(...(await adapter.discover().catch(() => [])));
      return found;
    },
    printWorkerFor: (stationId, onChange) => new PrintWorker({ stationId, printQueue, archive, adapters: byKind, clock: now, timers, logger, onChange }),
    printerKinds: adapters.map((a) => a.kind),
    printedFolder: (target) => printedFolder(options.dataDir, target),
    timers,
  };
}

/**
 * Long-running hosts: removes documents whose record rolled back (a crash or a full disk between
 * writing the file and committing), a few minutes after the start and then hourly. Returns stop.
 */
export function sweepOrphanDocuments(options: { db: Database; dataDir: string; logger: Logger }): () => Promise<void> {
  const sweeper = new OrphanSweeper({ dataDir: options.dataDir, recordedIn: (folder) => recordedDocumentPaths(options.db, folder), logger: options.logger });
  sweeper.start();
  return () => sweeper.stop();
}
