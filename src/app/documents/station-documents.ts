import type { CommonPorts } from '../context';
import type { DocumentPorts, PrintWorker } from '../ports/document-requests';
import type { LabelSource } from '../ports/carriers';
import type { PackedOrder, PackedOrderHandler } from '../ports/packing';
import { documentsOnPacked } from './on-packed';
import { createStationPrinting, type StationPrinting } from './printing';
import { toJobView } from './views';
import { DocumentWorker } from './document-worker';

/** What documents and printing use: their own ports, and the journal and store to record what was made. */
export interface DocumentsDeps extends Pick<CommonPorts, 'store' | 'journal' | 'clock' | 'logger' | 'events' | 'stationId'> {
  documents: DocumentPorts;
  /** Where a completed order's labels come from (createStation decides); ours when absent. */
  labelSource?: (packed: PackedOrder) => LabelSource;
}

export interface StationDocuments {
  /** Records the documents a completed order is owed, inside the completion transaction. */
  onPacked: PackedOrderHandler;
  requests: DocumentWorker;
  /** Keep-and-queue for one station, with that station's print worker behind it. */
  printingFor(stationId: string): StationPrinting;
  printWorkerFor(stationId: string): PrintWorker;
  /** Long-lived hosts: warm the renderer, make what is owed, drain every station's print queue. */
  start(): void;
  /** Resolves once nothing of documents or printing is still running (it would log and write). */
  stop(): Promise<void>;
  /** Makes what is owed, then prints what is due (tests and one-shot tools). */
  drain(): Promise<void>;
}

/**
 * The documents and printing of the core: one request worker, and per station its printing
 * (app/documents/printing: choose the printer, queue, reprint) with a print worker behind it.
 */
export function createStationDocuments(core: DocumentsDeps): StationDocuments {
  const ports = core.documents;
  const stations = new Map<string, { printing: StationPrinting; worker: PrintWorker }>();
  let running = false;

  const emit = (stationId: string, job: Parameters<typeof toJobView>[0] | null): void =>
    core.events.emit('print.job.changed', { stationId, job: job ? toJobView(job, ports.archive.byId(job.documentId)) : null });

  const station = (stationId: string) => {
    let found = stations.get(stationId);
    if (!found) {
      const worker = ports.printWorkerFor(stationId, (job) => emit(stationId, job));
      const printing = createStationPrinting({
        stationId,
        archive: ports.archive,
        profiles: ports.profiles,
        printQueue: ports.printQueue,
        clock: () => core.clock.now(),
        onQueued: () => worker.kick(),
      });
      found = { printing, worker };
      stations.set(stationId, found);
      if (running) worker.start();
    }
    return found;
  };

  const requests = new DocumentWorker({
    ports,
    store: core.store,
    journal: core.journal,
    clock: core.clock,
    logger: core.logger,
    printingFor: (stationId) => station(stationId).printing,
    onChange: (stationId) => emit(stationId, null),
  });

  return {
    onPacked: documentsOnPacked(ports, () => requests.kick(), core.labelSource),
    requests,
    printingFor: (stationId) => station(stationId).printing,
    printWorkerFor: (stationId) => station(stationId).worker,
    start() {
      running = true;
      // Every known station's print queue drains from the start: jobs left by a crash print again.
      for (const s of core.store.stations.list()) station(s.id);
      for (const { worker } of stations.values()) worker.start();
      requests.start(core.stationId);
    },
    async stop() {
      running = false;
      await Promise.all([requests.stop(), ...[...stations.values()].map(({ worker }) => worker.stop())]);
    },
    async drain() {
      await requests.drain();
      for (const s of core.store.stations.list()) await station(s.id).worker.drain();
    },
  };
}
