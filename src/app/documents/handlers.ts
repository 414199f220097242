import { StationFailure } from '../../contract/errors';
import { PRINTED_DOCUMENT_KINDS, type LabelSettingsView, type PrinterProfileView, type PrinterReadinessView } from '../../contract/printing';
import type { CallContext } from '../context';
import type { HandlerSlice } from '../handlers';
import type { PrintJob } from '../ports/printing';
import type { DocumentKind, RenderedDocument, StoredDocument } from '../ports/documents';
import { composeSscc } from '../../domain/barcode/sscc';
import type { DocumentsDeps, StationDocuments } from './station-documents';
import { toJobView, toOwedView } from './views';
import { choosePrinter } from './printing';
import { slipMadeAgain } from './slip';

type PrintMethods =
  | 'print.queue'
  | 'print.cancel'
  | 'print.retry'
  | 'print.reprint'
  | 'print.owed.print'
  | 'documents.order'
  | 'printers.profiles'
  | 'printers.profile.set'
  | 'printers.profile.remove'
  | 'printers.discover'
  | 'printers.test'
  | 'labels.settings'
  | 'labels.settings.set';

/** How many jobs the panel shows: the newest, which is where a failed one would be. */
const JOBS_SHOWN = 50;

export function printingHandlers(core: DocumentsDeps, documents: StationDocuments): HandlerSlice<PrintMethods> {
  const ports = core.documents;
  const now = () => core.clock.now().toISOString();
  const view = (job: PrintJob) => toJobView(job, ports.archive.byId(job.documentId));
  const jobAt = (jobId: number, call: CallContext): PrintJob => {
    const job = ports.printQueue.byId(jobId);
    if (!job || job.stationId !== call.stationId)
      throw new StationFailure('PRINT_JOB_NOT_FOUND', `There is no print job ${jobId} at this station.`, { job: jobId });
    return job;
  };
  const queued = (result: { job: PrintJob | null; reason: string | null }, what: string) => {
    if (!result.job) throw new StationFailure('PRINTER_NOT_SET_UP', result.reason ?? `No printer is set up for ${what}.`, { kind: what });
    return view(result.job);
  };
  const profiles = (stationId: string): PrinterProfileView[] =>
    ports.profiles.list(stationId).map(({ documentKind, printerKind, target, format, raw, labelSize }) => ({
      documentKind,
      printerKind,
      target,
      format,
      raw,
      labelSize: labelSize ?? null,
    }));
  /** Ready means every printed kind has a profile this host can print through (a carrier label may use the label's). */
  const readiness = (stationId: string): PrinterReadinessView => {
    const working = new Set(
      ports.profiles
        .list(stationId)
        .filter((p) => ports.printerKinds.includes(p.printerKind))
        .map((p) => p.documentKind),
    );
    const covered = (kind: DocumentKind) =>
      working.has(kind) ||
      (kind === 'carrier_label' && working.has('label')) ||
      // The receipt prints on A4 or on label stock: either printer will do.
      (kind === 'returns_receipt' && working.has('returns_receipt_label')) ||
      (kind === 'returns_receipt_label' && working.has('returns_receipt'));
    const missing = PRINTED_DOCUMENT_KINDS.filter((kind) => !covered(kind));
    const folder = ports.profiles.list(stationId).find((p) => p.printerKind === 'pdf_folder');
    return { missing, pdfFolder: folder ? ports.printedFolder(folder.target) : null };
  };
  /** The kept document again, or the slip made again in its place (kept beside the first). */
  const printAgain = (stationId: string, documentId: number, again: RenderedDocument | null) => {
    const printing = documents.printingFor(stationId);
    if (!again) return printing.reprint(documentId);
    const first = ports.archive.byId(documentId)!;
    return printing.print('packing_slip', again, { orderNumber: first.orderNumber, parcelIndex: first.parcelIndex });
  };
  /** A slip made again only where a printer will take it: a refusal then keeps nothing new. */
  const remade = async (stationId: string, document: StoredDocument) =>
    choosePrinter(ports.profiles, stationId, document.kind, document.format) ? slipMadeAgain(ports, core.store, document) : null;
  const madeFrom = (documentId: number, again: RenderedDocument | null) => (again ? { madeAgainFrom: documentId } : {});
  const journal = (call: CallContext, type: string, payload: Record<string, unknown>, order?: string) =>
    core.journal.append({
      type,
      stationId: call.stationId,
      actorId: call.user?.id ?? null,
      subject: order ? { kind: 'order', id: order } : { kind: 'station', id: call.stationId },
      payload,
    });

  return {
    'print.queue': (_input, call) => ({
      jobs: ports.printQueue.list(call.stationId).slice(0, JOBS_SHOWN).map(view),
      owed: ports.requests.pending(call.stationId).map(toOwedView),
      printers: readiness(call.stationId),
    }),
    'print.owed.print': async ({ owedId }, call) => {
      const item = ports.requests.byId(owedId);
      if (!item || item.stationId !== call.stationId)
        throw new StationFailure('DOCUMENT_NOT_FOUND', `There is no document owed with id ${owedId} at this station.`, { document: owedId });
      if (item.documentId === null || item.status !== 'kept' || item.printJobId !== null) {
        throw new StationFailure(
          'VALIDATION_FAILED',
          `The ${item.kind.replace('_', ' ')} of ${item.orderNumber} is not waiting for a printer${item.lastError ? `: ${item.lastError}` : ''}.`,
        );
      }
      const kept = ports.archive.byId(item.documentId);
      // A slip kept earlier is made again when tracking numbers have come since.
      const again = kept ? await remade(call.stationId, kept) : null;
      return core.store.transaction(() => {
        const result = printAgain(call.stationId, item.documentId!, again);
        const job = queued(result, item.kind);
        ports.requests.markQueued(item.id, job.id, now());
        journal(
          call,
          'document.reprinted',
          {
            documentId: result.document.id,
            kind: item.kind,
            parcel: item.parcelIndex,
            printJobId: job.id,
            owed: item.id,
            ...madeFrom(item.documentId!, again),
          },
          item.orderNumber,
        );
        return job;
      });
    },
    'print.cancel': ({ jobId }, call) => {
      const job = jobAt(jobId, call);
      // A cancelled badge card is forgotten at once; nothing can print it later.
      if (ports.printQueue.cancel(jobId, now())) ports.archive.release(job.documentId);
      return view(jobAt(jobId, call));
    },
    'print.retry': ({ jobId }, call) => {
      jobAt(jobId, call);
      if (ports.printQueue.retryNow(jobId, now())) documents.printWorkerFor(call.stationId).kick();
      return view(jobAt(jobId, call));
    },
    'print.reprint': async ({ documentId }, call) => {
      const document = ports.archive.byId(documentId);
      if (!document) throw new StationFailure('DOCUMENT_NOT_FOUND', `There is no stored document ${documentId}.`, { document: documentId });
      // A packing slip is made again when tracking numbers have come since it was made; else byte for byte.
      const again = await remade(call.stationId, document);
      return core.store.transaction(() => {
        const result = printAgain(call.stationId, documentId, again);
        const job = queued(result, document.kind);
        journal(
          call,
          'document.reprinted',
          {
            documentId: result.document.id,
            kind: document.kind,
            parcel: document.parcelIndex,
            sha256: result.document.sha256,
            printJobId: job.id,
            ...madeFrom(documentId, again),
          },
          document.orderNumber ?? undefined,
        );
        return job;
      });
    },
    'documents.order': ({ orderNumber }) => {
      const order = core.store.orders.byNumber(orderNumber) ?? core.store.orders.byReference(orderNumber);
      const number = order?.number ?? orderNumber;
      const documents = ports.archive
        .forOrder(number)
        .map(({ id, kind, format, sha256, bytes, parcelIndex, createdAt }) => ({ id, kind, format, sha256, bytes, parcelIndex, createdAt }));
      return {
        orderNumber: number,
        documents,
        owed: ports.requests
          .forOrder(number)
          .filter((i) => i.status !== 'done')
          .map(toOwedView),
      };
    },
    'printers.profiles': (_input, call) => ({ profiles: profiles(call.stationId), printerKinds: [...ports.printerKinds] }),
    'printers.profile.set': (profile, call) => {
      if (!ports.printerKinds.includes(profile.printerKind)) {
        throw new StationFailure('PRINTER_UNAVAILABLE', `This station cannot print through ${profile.printerKind}.`, { kind: profile.printerKind });
      }
      if ((profile.printerKind === 'electron' || profile.printerKind === 'windows_pdf') && profile.format !== 'pdf') {
        throw new StationFailure(
          'VALIDATION_FAILED',
          `${profile.printerKind} printing takes PDFs; ${profile.format.toUpperCase()} goes to a raw 9100 or CUPS raw printer.`,
        );
      }
      core.store.transaction(() => {
        ports.profiles.set({ ...profile, stationId: call.stationId });
        journal(call, 'settings.printer', { ...profile });
      });
      return profiles(call.stationId);
    },
    'printers.profile.remove': ({ documentKind }, call) => {
      ports.profiles.remove(call.stationId, documentKind);
      journal(call, 'settings.printer.removed', { documentKind });
      return profiles(call.stationId);
    },
    'printers.discover': () => ports.discover(),
    'printers.test': async ({ documentKind }, call) => {
      if (!ports.profiles.forDocument(call.stationId, documentKind)) {
        throw new StationFailure('PRINTER_NOT_SET_UP', `No printer is set up for ${documentKind} at this station.`, { kind: documentKind });
      }
      return queued(await documents.printingFor(call.stationId).testPage(ports.renderer, documentKind), documentKind);
    },
    'labels.settings': () => {
      const settings = ports.labelSettings.get();
      return settings ? { ...settings, nextSsccSerial: ports.requests.nextSsccSerial() ?? 1 } : null;
    },
    'labels.settings.set': (input, call) => saveLabelSettings(core, documents, input, call),
  };
}

function saveLabelSettings(core: DocumentsDeps, documents: StationDocuments, input: LabelSettingsView, call: CallContext): LabelSettingsView {
  const { labelSettings, requests } = core.documents;
  const { nextSsccSerial, ...settings } = input;
  const first = composeSscc(settings.ssccExtensionDigit, settings.gs1CompanyPrefix, nextSsccSerial);
  if (!first.ok) throw new StationFailure('VALIDATION_FAILED', `${first.message}.`);
  const before = labelSettings.get();
  const current = requests.nextSsccSerial();
  // Moving the counter back under the same prefix would print an SSCC twice.
  if (
    before?.gs1CompanyPrefix === settings.gs1CompanyPrefix &&
    before.ssccExtensionDigit === settings.ssccExtensionDigit &&
    current !== null &&
    nextSsccSerial < current
  ) {
    throw new StationFailure('VALIDATION_FAILED', `SSCC serials up to ${current - 1} are used already; the next one cannot go back to ${nextSsccSerial}.`);
  }
  core.store.transaction(() => {
    labelSettings.set(settings);
    requests.setNextSsccSerial(nextSsccSerial);
    core.journal.append({
      type: 'settings.labels',
      stationId: call.stationId,
      actorId: call.user?.id ?? null,
      subject: { kind: 'station', id: call.stationId },
      payload: { ...input },
    });
  });
  // Documents that waited for these settings are made now.
  if (requests.retryAllNow(core.clock.now().toISOString()) > 0) documents.requests.kick();
  return { ...settings, nextSsccSerial: requests.nextSsccSerial() ?? nextSsccSerial };
}
