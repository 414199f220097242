import type { DocumentArchive } from '../app/ports/documents';
import type { Logger } from '../app/ports';
import type { PrintJob, PrintOutcome, PrinterAdapter, PrinterKind, PrintQueue } from '../app/ports/printing';
import { retryDelayMs, type BACKOFF } from './backoff';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const REAL_TIMERS: Timers = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    // The print queue must never keep a CLI process alive on its own.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** After a drain that failed outright (a full disk refused the queue's own writes), the next waits this long. */
const FAILED_DRAIN_WAIT_MS = 5_000;

export interface PrintWorkerOptions {
  stationId: string;
  printQueue: PrintQueue;
  archive: Pick<DocumentArchive, 'read' | 'byId' | 'release'>;
  adapters: Partial<Record<PrinterKind, PrinterAdapter>>;
  clock: () => Date;
  timers?: Timers;
  backoff?: typeof BACKOFF;
  logger?: Logger;
  /** Told after every change of a job's state, for the UI's print panel. */
  onChange?: (job: PrintJob) => void;
}

/**
 * Drains the station's print queue in the background: one job at a time, oldest due first.
 * A failed attempt keeps the job with its reason and schedules it again with exponential
 * backoff; nothing here ever blocks or fails the packing flow that enqueued the job.
 */
export class PrintWorker {
  private timer: unknown = null;
  private draining: Promise<number> | null = null;
  private stopped = false;
  private drainFailed = false;

  constructor(private readonly options: PrintWorkerOptions) {}

  /** After a restart: jobs a crash left "printing" go back to the print queue, then draining starts. */
  start(): void {
    const { printQueue, stationId, clock } = this.options;
    const recovered = printQueue.recoverInterrupted(stationId, clock().toISOString());
    if (recovered > 0) this.options.logger?.warn('print jobs interrupted by a restart are queued again', { recovered });
    this.stopped = false;
    this.kick();
  }

  /** Resolves once the job being sent (if any) is recorded, so the host may close the database. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    await Promise.allSettled([this.draining]);
  }

  /** Something was enqueued or retried: drain now instead of at the next timer. */
  kick(): void {
    if (this.stopped) return;
    this.clearTimer();
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.drainInBackground();
    }, 0);
  }

  /** Prints every job due now; resolves with how many were attempted. */
  drain(): Promise<number> {
    if (!this.draining) {
      this.draining = this.drainDue()
        .catch((error: unknown) => {
          this.drainFailed = true;
          throw error;
        })
        .finally(() => {
          this.draining = null;
          this.scheduleNext();
        });
    }
    return this.draining;
  }

  /** A timer's drain: a failure is logged, never left to end the process. */
  private drainInBackground(): void {
    this.drain().catch((error: unknown) => this.options.logger?.error('the print queue could not be worked through', { error: String(error) }));
  }

  private get timers(): Timers {
    return this.options.timers ?? REAL_TIMERS;
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private async drainDue(): Promise<number> {
    const { printQueue, stationId, clock } = this.options;
    let attempted = 0;
    for (let job = printQueue.claimNext(stationId, clock().toISOString()); job; job = printQueue.claimNext(stationId, clock().toISOString())) {
      this.options.onChange?.(job);
      await this.attempt(job);
      attempted++;
      if (this.stopped) break;
    }
    return attempted;
  }

  private async attempt(job: PrintJob): Promise<void> {
    const { printQueue, clock, archive, adapters, logger } = this.options;
    let outcome: PrintOutcome;
    const adapter = adapters[job.printerKind];
    if (!adapter) {
      outcome = { ok: false, reason: `No ${job.printerKind} printing is available on this station` };
    } else {
      try {
        const bytes = archive.read(job.documentId);
        const stored = archive.byId(job.documentId);
        const document = {
          documentId: job.documentId,
          kind: job.documentKind,
          orderNumber: stored?.orderNumber ?? null,
          parcelIndex: stored?.parcelIndex ?? null,
        };
        outcome = await adapter.print(
          { target: job.target, format: job.format, raw: job.raw },
          bytes,
          `Packdesk ${job.documentKind} ${job.documentId}`,
          document,
        );
      } catch (error) {
        outcome = { ok: false, reason: error instanceof Error ? error.message : String(error) };
      }
    }
    const at = clock();
    if (outcome.ok) {
      printQueue.markDone(job.id, outcome.printerJobRef, at.toISOString());
    } else {
      const retryAt = new Date(at.getTime() + retryDelayMs(job.attempts, this.options.backoff)).toISOString();
      printQueue.markFailed(job.id, outcome.reason, retryAt, at.toISOString());
      logger?.warn('print attempt failed', { jobId: job.id, target: job.target, attempt: job.attempts, reason: outcome.reason });
    }
    const updated = printQueue.byId(job.id);
    // A held document (a badge card) is forgotten once its job will not be tried again.
    if (!updated || updated.status === 'done' || updated.nextAttemptAt === null) archive.release(job.documentId);
    if (updated) this.options.onChange?.(updated);
  }

  private scheduleNext(): void {
    const failed = this.drainFailed;
    this.drainFailed = false;
    if (this.stopped) return;
    const next = this.options.printQueue.nextDueAt(this.options.stationId);
    if (next === null) return;
    const due = Math.max(0, Date.parse(next) - this.options.clock().getTime());
    this.clearTimer();
    this.timer = this.timers.setTimeout(
      () => {
        this.timer = null;
        this.drainInBackground();
      },
      // What failed is still due: without a pause the next drain would start at once, and again.
      failed ? Math.max(due, FAILED_DRAIN_WAIT_MS) : due,
    );
  }
}
