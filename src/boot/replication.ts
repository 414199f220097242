import type { Logger } from '../app/ports';
import type { JournalRows, StationKey } from '../app/ports/journal';
import { ReplicationWorker } from '../app/replication/worker';
import { createHttpReplicationLink } from '../central-link/replication-link';
import { loadOrCreateCentralKey } from '../platform/central-key';
import type { CentralOptions } from './station';

export interface ReplicationBootDeps {
  dataDir: string;
  stationId: string;
  journalRows: JournalRows;
  stationKey: StationKey;
  logger: Logger;
}

/** Starts shipping the journal to central: requests signed with the station's central key, checkpoints by its journal key. */
export function startReplication(central: CentralOptions, deps: ReplicationBootDeps): ReplicationWorker {
  const key = loadOrCreateCentralKey(deps.dataDir);
  const worker = new ReplicationWorker({
    source: {
      fromSeq: (from, limit) => deps.journalRows.fromSeq(from, limit),
      checkpoints: () => deps.journalRows.checkpoints(),
      lastSeq: () => deps.journalRows.last()?.seq ?? 0,
    },
    link: createHttpReplicationLink({ url: central.url, stationId: central.stationId ?? deps.stationId, privateKey: key.privateKey }),
    journalKey: deps.stationKey.publicKey,
    logger: deps.logger,
    batchSize: central.batchSize,
  });
  worker.start();
  deps.logger.info('journal replication to central started', { central: central.url });
  return worker;
}
