import type { Logger } from '../app/ports';
import type { JournalRows, StationKey } from '../app/ports/journal';
import type { CentralCourier } from '../app/central/courier';
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

/** How long the courier's poll waits at central for something to do. */
const COURIER_POLL_MS = 20_000;

/**
 * Runs the courier's long poll until stopped: at once again after each answer, after 1 s, 2 s, 4 s
 * … up to a minute while central cannot be reached. Returns stop (a poll in flight ends on its own).
 */
export function runCourier(courier: CentralCourier, logger: Logger): () => void {
  let stopped = false;
  let wake: (() => void) | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref();
      wake = () => (clearTimeout(timer), resolve());
    });
  void (async () => {
    let backoff = 1000;
    while (!stopped) {
      const outcome = await courier.step(COURIER_POLL_MS).catch((error: unknown) => {
        logger.error("the courier's errand for central failed", { error: String(error) });
        return 'unreachable' as const;
      });
      if (stopped) break;
      if (outcome !== 'unreachable') backoff = 1000;
      else {
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 60_000);
      }
    }
  })();
  return () => {
    stopped = true;
    wake?.();
  };
}
