import type { Clock, Logger, Store } from '../ports';
import type { Journal } from '../ports/journal';
import type { DocumentPorts, DocumentRequestItem } from '../ports/document-requests';
import type { RenderedDocument } from '../ports/documents';
import { composeSscc } from '../../domain/barcode/sscc';
import { cleanZpl } from '../../domain/zpl-clean';
import { labelInput } from './inputs';
import { DocumentUnavailable, renderSlip } from './slip';
import type { StationPrinting } from './printing';

/** After a drain that failed outright (a full disk refused even recording why), the next waits this long. */
const FAILED_DRAIN_WAIT_MS = 5_000;

/** A document that could not be made is tried again after 5 s, doubling to at most 10 minutes. */
export function remakeDelayMs(attempts: number): number {
  return Math.min(10 * 60_000, 5_000 * 2 ** Math.min(Math.max(0, attempts - 1), 20));
}

export interface DocumentWorkerOptions {
  ports: DocumentPorts;
  store: Store;
  journal: Journal;
  clock: Clock;
  logger: Logger;
  printingFor(stationId: string): StationPrinting;
  /** Told when an owed document was made or failed, for the print panel. */
  onChange(stationId: string): void;
}

export { DocumentUnavailable };

/**
 * Makes the documents completion recorded: renders each outside any transaction, then keeps it
 * and queues it for its printer in one transaction with marking it done, so a crash between the
 * two makes it again rather than losing or doubling it. A failure stays pending with its reason.
 */
export class DocumentWorker {
  private timer: unknown = null;
  private draining: Promise<number> | null = null;
  private warming: Promise<void> | null = null;
  private running = false;
  private drainFailed = false;

  constructor(private readonly options: DocumentWorkerOptions) {}

  /** Starts draining, and prepares the fonts now so the first completion does not wait for them. */
  start(stationId: string): void {
    this.running = true;
    const { ports, clock, logger } = this.options;
    const started = performance.now();
    this.warming = ports.renderer
      .testPage({ printer: 'warm-up', station: stationId, at: clock.now().toISOString() }, 'pdf')
      .then(() => logger.info('document renderer ready', { ms: Math.round(performance.now() - started) }))
      .catch((error: unknown) => logger.error('document renderer could not start', { error: String(error) }))
      .finally(() => {
        this.warming = null;
      });
    this.kick();
  }

  /**
   * Resolves once the warm-up and the document being made have finished: both log and write, so
   * a host closes its database and log only after them.
   */
  async stop(): Promise<void> {
    this.running = false;
    this.clearTimer();
    await Promise.allSettled([this.warming, this.draining]);
  }

  /** Something was recorded: make it now, after the caller's transaction has returned. */
  kick(): void {
    if (!this.running) return;
    this.clearTimer();
    this.timer = this.options.ports.timers.setTimeout(() => {
      this.timer = null;
      this.drainInBackground();
    }, 0);
  }

  /** Makes every document due now; resolves with how many were attempted. */
  drain(): Promise<number> {
    this.draining ??= this.drainDue()
      .catch((error: unknown) => {
        this.drainFailed = true;
        throw error;
      })
      .finally(() => {
        this.draining = null;
        this.scheduleNext();
      });
    return this.draining;
  }

  /** A timer's drain: a failure is logged, never left to end the process. */
  private drainInBackground(): void {
    this.drain().catch((error: unknown) => this.options.logger.error('documents owed could not be made or recorded', { error: String(error) }));
  }

  private async drainDue(): Promise<number> {
    const { ports, clock } = this.options;
    const tried = new Set<number>();
    for (let item = ports.requests.nextDue(clock.now().toISOString()); item && !tried.has(item.id); item = ports.requests.nextDue(clock.now().toISOString())) {
      tried.add(item.id);
      await this.make(item);
    }
    return tried.size;
  }

  private async make(item: DocumentRequestItem): Promise<void> {
    const { ports, store, clock, logger } = this.options;
    try {
      const rendered = await this.render(item);
      const printing = this.options.printingFor(item.stationId);
      store.transaction(() => {
        const result = printing.print(item.kind, rendered, { orderNumber: item.orderNumber, parcelIndex: item.parcelIndex });
        ports.requests.markDone(
          item.id,
          { documentId: result.document.id, printJobId: result.job?.id ?? null, note: result.reason },
          clock.now().toISOString(),
        );
        this.options.journal.append({
          type: 'document.made',
          stationId: item.stationId,
          actorId: null,
          subject: { kind: 'order', id: item.orderNumber },
          payload: {
            kind: item.kind,
            parcel: item.parcelIndex,
            format: rendered.format,
            sha256: result.document.sha256,
            documentId: result.document.id,
            printJobId: result.job?.id ?? null,
          },
        });
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const now = clock.now();
      ports.requests.markFailed(item.id, reason, new Date(now.getTime() + remakeDelayMs(item.attempts + 1)).toISOString(), now.toISOString());
      const level = error instanceof DocumentUnavailable ? 'warn' : 'error';
      logger[level]('document could not be made', { order: item.orderNumber, kind: item.kind, parcel: item.parcelIndex, attempt: item.attempts + 1, reason });
    }
    this.options.onChange(item.stationId);
  }

  private async render(item: DocumentRequestItem): Promise<RenderedDocument> {
    const { ports, store } = this.options;
    if (item.kind === 'carrier_label') {
      const label = ports.carrierLabels?.forOrder(item.orderNumber).find((l) => l.parcelIndex === item.parcelIndex);
      if (!label) {
        const awaited = ports.carrierLabels?.awaited?.(item.orderNumber).find((l) => l.parcelIndex === item.parcelIndex);
        if (awaited)
          throw new DocumentUnavailable(
            `The carrier's label for parcel ${item.parcelIndex} of ${item.orderNumber} has not come yet${awaited.reason ? ` (${awaited.reason})` : ''}; it prints when the carrier answers`,
          );
        throw new DocumentUnavailable(`The carrier label of parcel ${item.parcelIndex} of ${item.orderNumber} is no longer stored`);
      }
      // Printed as received, except that ZPL from outside loses the commands that would change the printer's stored settings.
      const bytes = label.format === 'zpl' ? cleanZpl(label.bytes).bytes : label.bytes;
      return { format: label.format, bytes, replacedCharacters: [] };
    }
    if (item.kind === 'packing_slip') return renderSlip(ports, store, item);
    const settings = ports.labelSettings.get();
    if (!settings) throw new DocumentUnavailable('Label settings are not set up: a manager enters the shop address and GS1 company prefix');
    const order = store.orders.byId(item.orderId);
    if (!order) throw new DocumentUnavailable(`Order ${item.orderNumber} is no longer in the station database`);
    const packed = ports.requests.packedOrder(item.requestId);
    const format = ports.profiles.forDocument(item.stationId, item.kind)?.format;
    const sscc = item.sscc ?? this.drawSscc(item);
    const input = labelInput(packed, order, settings, item.parcelIndex ?? 1, sscc, (id) => store.catalog.productById(id)?.weightGrams ?? 0);
    return format === 'zpl' ? ports.renderer.labelZpl(input, 203) : ports.renderer.labelPdf(input, '4x6');
  }

  /** Drawn once and kept before rendering, so a label made again carries the same SSCC. */
  private drawSscc(item: DocumentRequestItem): string {
    const { ports, store } = this.options;
    return store.transaction(() => {
      const settings = ports.labelSettings.get();
      if (!settings) throw new DocumentUnavailable('Label settings are not set up');
      const serial = ports.labelSettings.allocateSsccSerial();
      const sscc = composeSscc(settings.ssccExtensionDigit, settings.gs1CompanyPrefix, serial);
      if (!sscc.ok) throw new DocumentUnavailable(`No SSCC can be made: ${sscc.message}; a manager sets a new prefix or serial`);
      ports.requests.assignSscc(item.id, item.orderId, sscc.sscc);
      return sscc.sscc;
    });
  }

  private clearTimer(): void {
    if (this.timer !== null) this.options.ports.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private scheduleNext(): void {
    const failed = this.drainFailed;
    this.drainFailed = false;
    if (!this.running) return;
    const next = this.options.ports.requests.nextDueAt();
    if (next === null) return;
    const due = Math.max(0, Date.parse(next) - this.options.clock.now().getTime());
    this.clearTimer();
    this.timer = this.options.ports.timers.setTimeout(
      () => {
        this.timer = null;
        this.drainInBackground();
      },
      // What failed is still due: without a pause the next drain would start at once, and again.
      failed ? Math.max(due, FAILED_DRAIN_WAIT_MS) : due,
    );
  }
}
