import os from 'node:os';
import path from 'node:path';
import type { Clock, Logger, StationPorts, Store } from '../app/ports';
import { createHttpConsoleLink } from '../central-link/console-link';
import { createHttpCentralLink } from '../central-link/http-link';
import { createHttpFilesLink } from '../central-link/files-link';
import { loadOrCreateCentralKey } from '../platform/central-key';
import type { SilentPrint } from '../app/ports/printing';
import type { StatisticsPorts } from '../app/ports/statistics';
import type { ReturnsRepository } from '../app/ports/returns';
import type { JournalRows } from '../app/ports/journal';
import { createStation, type Station } from '../app/station';
import { addStation, type StationPrinters } from '../app/stations';
import { StationFailure } from '../contract/errors';
import { createJournal, type StationJournal } from '../journal/journal';
import { loadOrCreateStationKey } from '../journal/key-file';
import { scheduleBackups } from '../storage/backup';
import { loadOrCreateBadgeKey } from '../storage/badge-key';
import { checkpointWal, openDatabase } from '../storage/db';
import { QUIET_MAX_WAIT_MS, QUIET_MS, quietTime } from './quiet';
import { guardRepository } from '../storage/failures';
import { createJournalRows } from '../storage/repositories/journal-rows';
import { createReturnsRepository } from '../storage/repositories/returns';
import { createPhotoFiles } from '../video/photo-files';
import { createPackingRepository } from '../storage/repositories/packing';
import { createPrinterProfileRepository } from '../storage/repositories/printer-profiles';
import { createStore } from '../storage/store';
import { createCentralLeaseBook } from '../storage/repositories/central-lease-book';
import { DATABASE_FILE } from './data-dir';
import { createDevices, type ScaleKind, type StationDevices } from './devices';
import { createCarrierPorts } from './carriers';
import { createDocumentPorts, sweepOrphanDocuments } from './documents';
import type { Secrets } from '../app/ports/secrets';
import { createBackendFactory, keyFileSecrets, SyncWorker } from '../sync';
import { fileFoldersAtBoot } from './station-config';
import { createSyncStorage } from '../storage/repositories/sync-storage';
import { seedDemoFolder, type DemoPlan, type DemoSeeded } from './demo-seeding';
import { repeat } from './housekeeping';
import { createStationLog } from './logger';
import { keepDataFolderPrivate } from './private-data-folder';
import { createVideoAndReviewPorts } from '../evidence/station-ports';
import { verifyJournalFile } from './verify-journal';
import { countStatisticsAhead, createStatisticsPorts } from './statistics';
import { PACKDESK_VERSION } from './version';
import { runCourier, startReplication } from './replication';
import type { ReplicationWorker } from '../app/replication/worker';

export interface BootOptions {
  dataDir: string;
  /** The station this process runs as; the first known station when absent. */
  stationId?: string | undefined;
  host: 'electron' | 'browser' | 'cli';
  /** An empty data folder gets the demo shop, so a first start has something to pack. */
  seedDemoIfEmpty?: boolean;
  demoOrders?: number;
  /** `packdesk demo`: seed the demo shop into this folder, refusing one that holds a shop already. */
  demo?: { orders: number; seed: number };
  logToStdout?: boolean;
  /** Housekeeping timers (idle logout, scheduled backups) run only in long-lived hosts. */
  housekeeping?: boolean;
  clock?: Clock;
  /** The scale the core reads (default none) and whether to look for HID POS scanners (default no). */
  scale?: ScaleKind;
  hidScanner?: boolean;
  /** A simulated HID POS scanner (tests): its scans are posted to the browser host's /fake/scan. */
  fakeScanner?: boolean;
  /** Electron's silent printing (main/silent-print); other hosts print through CUPS and raw 9100. */
  silentPrint?: SilentPrint | null;
  /** Electron's safeStorage (main/secrets); elsewhere a key file only the user can read. */
  secrets?: Secrets;
  /** Attached to central (`packdesk serve --central URL`): orders are claimed there and the journal replicates there. */
  central?: CentralOptions;
}

export interface CentralOptions {
  url: string;
  /** The id central registered this station under (default: the station this process runs as). */
  stationId?: string | undefined;
  /** How many of its next orders the station holds to pack while central is unreachable (default 5). */
  leaseBatch?: number;
  /** How often leases are renewed and completions told (default every 30 s). */
  renewMs?: number;
  /** Entries per replication request (default 500). */
  batchSize?: number;
}

export interface BootedStation {
  station: Station;
  store: Store;
  /** The journal, for tools that read or verify it (the core appends through its port). */
  journal: StationJournal;
  /** The same journal with another clock: the demo writes its packed past at the times it happened. */
  journalAt(clock: Clock): StationJournal;
  /** The station's rotating log, for hosts that want their own lines in the same file. */
  logger: Logger;
  dataDir: string;
  stationId: string;
  devices: StationDevices;
  /** What the demo seeding wrote at this start, or null when it did not run. */
  seeded: DemoSeeded | null;
  /** The sync tables (outbox, order links, settings), for `packdesk import` and `packdesk sync`. */
  sync: ReturnType<typeof createSyncStorage>;
  /** Packer statistics over this database, for `packdesk stats` and `packdesk bench`. */
  statistics: StatisticsPorts;
  /** The returns desk's records, for `packdesk returns`, which reads them without logging in. */
  returns: ReturnsRepository;
  /** The journal's replication to central, when attached. */
  replication: ReplicationWorker | null;
  /** Folds the WAL into the database now (long-running hosts do it every few seconds). */
  checkpointWal(): void;
  close(): Promise<void>;
}

const IDLE_CHECK_MS = 15_000;
const CHECKPOINT_EVERY_MS = 5_000;
const BACKUP_EVERY_MS = 6 * 60 * 60 * 1000;
const BACKUPS_KEPT = 14;
/** How often an attached station renews its leases at central and tells it of completions. */
const CENTRAL_RENEW_MS = 30_000;
/** How many of its next orders an attached station holds to pack offline, unless told. */
const DEFAULT_LEASE_BATCH = 5;

function attachToCentral(
  dataDir: string,
  db: ReturnType<typeof openDatabase>,
  ownStationId: string,
  central: CentralOptions,
): NonNullable<StationPorts['central']> {
  const key = loadOrCreateCentralKey(dataDir);
  const stationId = central.stationId ?? ownStationId;
  return {
    link: createHttpCentralLink({ url: central.url, stationId, privateKey: key.privateKey }),
    console: createHttpConsoleLink({ url: central.url, stationId, privateKey: key.privateKey }),
    files: createHttpFilesLink({ url: central.url, stationId, privateKey: key.privateKey }),
    book: guardRepository(createCentralLeaseBook(db), db.name),
    stationId,
    leaseBatch: central.leaseBatch ?? DEFAULT_LEASE_BATCH,
  };
}

/** The journal's rows, calling `told` after each entry is inserted (its transaction commits before any timer runs). */
function tellingOfAppends(rows: JournalRows, told: () => void): JournalRows {
  return {
    ...rows,
    insert(row) {
      rows.insert(row);
      told();
    },
  };
}

/** Renews at once and then every `ms`, one renewal at a time; returns stop. */
function renewEvery(ms: number, central: { renew(): Promise<void> }, logger: Logger): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const renew = (): void => {
    running = running.then(() => central.renew()).catch((error: unknown) => logger.error('renewing the leases at central failed', { error: String(error) }));
  };
  renew();
  const handle = setInterval(renew, ms);
  handle.unref();
  return () => {
    clearInterval(handle);
    return running;
  };
}

/** Abandoned recordings are closed and retention applied this often. */
const VIDEO_HOUSEKEEPING_MS = 60_000;
/** Return deadlines end at midnight, local time; a minute late is on time enough for the record. */
const RETURNS_HOUSEKEEPING_MS = 60_000;

export async function bootStation(options: BootOptions): Promise<BootedStation> {
  const clock = options.clock ?? { now: () => new Date() };
  const modes = keepDataFolderPrivate(options.dataDir);
  const log = createStationLog(options.dataDir, { alsoStdout: options.logToStdout ?? false });
  log.logger[modes.repaired + modes.failed > 0 ? 'warn' : 'info']('data folder permissions checked', { ...modes });
  let db: ReturnType<typeof openDatabase> | null = null;
  try {
    const backupDir = path.join(options.dataDir, 'backups');
    db = openDatabase(path.join(options.dataDir, DATABASE_FILE), { backupDir });
    const openDb = db;
    // createStore migrates the schema before it prepares its statements.
    const store = createStore(db, {
      backupDir,
      keepBackups: BACKUPS_KEPT,
      clock: () => clock.now(),
      badgeKey: loadOrCreateBadgeKey(options.dataDir),
    });
    const stationKey = loadOrCreateStationKey(options.dataDir);
    // Told of each entry as it is written, so replication to central ships it at once.
    // Background work waits for a moment without scans (boot/quiet.ts).
    const quiet = quietTime({ quietMs: QUIET_MS, maxWaitMs: QUIET_MAX_WAIT_MS });
    const appended: (() => void)[] = [() => quiet.touch()];
    const journalRows = tellingOfAppends(createJournalRows(db), () => appended.forEach((told) => told()));
    const journalAt = (at: Clock) => createJournal(journalRows, at, stationKey);
    const demo: DemoPlan | null = options.demo
      ? { whenFilled: 'refuse', ...options.demo }
      : options.seedDemoIfEmpty
        ? { whenFilled: 'keep', orders: options.demoOrders ?? 120 }
        : null;
    const seeded = demo ? seedDemoFolder(demo, { store, db, now: clock.now(), journal: journalAt, logger: log.logger }) : null;
    const stationId = chooseStation(store, guardRepository(createPrinterProfileRepository(db), db.name), options.stationId);
    const journal = createJournal(journalRows, clock, stationKey);
    const devices = createDevices({
      scale: options.scale ?? 'none',
      hidScanner: options.hidScanner ?? false,
      fakeScanner: options.fakeScanner ?? false,
      logger: log.logger,
    });
    const documents = createDocumentPorts({ db, dataDir: options.dataDir, clock, logger: log.logger, silentPrint: options.silentPrint ?? null });
    const syncStorage = createSyncStorage(db);
    const statistics = createStatisticsPorts(db);
    const secrets = options.secrets ?? keyFileSecrets(options.dataDir);
    const carriers = createCarrierPorts({
      db,
      sealer: secrets.sealer,
      syncSettings: syncStorage.settings,
      renderer: documents.renderer,
      labelSettings: documents.labelSettings,
    });
    const file = db.name;
    const evidence = createVideoAndReviewPorts({
      db,
      dataDir: options.dataDir,
      store,
      journal,
      key: stationKey,
      archive: documents.archive,
      clock,
      // As `packdesk journal verify` checks it, but all on worker threads: the host keeps serving while it runs.
      verifyJournal: (onProgress) =>
        verifyJournalFile(file, journalRows, { trustedKeys: [stationKey.publicKey], threads: os.availableParallelism() + 1, checkHere: false, onProgress }),
    });
    const returns = guardRepository(createReturnsRepository(db), db.name);
    const station = createStation({
      store,
      journal,
      packing: guardRepository(createPackingRepository(db), db.name),
      scanners: devices.scanners,
      scale: devices.scale,
      documents,
      sync: { ...syncStorage, backendFor: createBackendFactory({ fileFolders: fileFoldersAtBoot(options.dataDir, log.logger) }) },
      carriers,
      secrets,
      video: evidence.video,
      review: evidence.review,
      returns: { repository: returns, photos: createPhotoFiles(options.dataDir) },
      statistics,
      ...(options.central ? { central: attachToCentral(options.dataDir, db, stationId, options.central) } : {}),
      clock,
      logger: log.logger,
      stationId,
      version: PACKDESK_VERSION,
    });
    station.startDevices();
    // Each stops a timer or a worker; a worker's promise settles when its work in flight is done.
    const timers: (() => void | Promise<void>)[] = [];
    if (options.housekeeping) {
      station.documents.start();
      timers.push(() => station.documents.stop());
      timers.push(sweepOrphanDocuments({ db, dataDir: options.dataDir, logger: log.logger }));
      timers.push(countStatisticsAhead(statistics.source, log.logger, quiet));
      const syncWorker = new SyncWorker({
        run: () => station.sync.runOnce(),
        everySeconds: () => syncStorage.settings.settings().everySeconds,
        logger: log.logger,
      });
      syncWorker.start();
      timers.push(() => syncWorker.stop());
      timers.push(repeat('video housekeeping', VIDEO_HOUSEKEEPING_MS, () => station.videoHousekeeping(), log.logger, quiet));
      // At start too: a deadline that passed while the station was off is journaled now, not a minute later.
      station.returnsHousekeeping();
      timers.push(repeat('missed return deadlines', RETURNS_HOUSEKEEPING_MS, () => station.returnsHousekeeping(), log.logger, quiet));
      if (station.central) timers.push(renewEvery(options.central?.renewMs ?? CENTRAL_RENEW_MS, station.central, log.logger));
      // Clips a manager elsewhere asked for and labels the shop bought: fetched by this station's own poll, no port opened.
      if (station.central?.courier) timers.push(runCourier(station.central.courier, log.logger));
      timers.push(repeat('ending idle logins', IDLE_CHECK_MS, () => station.expireIdleLogins(), log.logger, quiet));
      // Between scans, so no scan's commit pays for copying the WAL into the database, and in a
      // quiet moment, so no scan waits for it either.
      timers.push(repeat('WAL checkpoint', CHECKPOINT_EVERY_MS, () => checkpointWal(openDb), log.logger, quiet));
      timers.push(
        scheduleBackups(store, {
          everyMs: BACKUP_EVERY_MS,
          onFailure: (failure) => log.logger.error('scheduled backup failed', { code: failure.code, error: failure.message }),
        }),
      );
    }
    const replication = options.central
      ? startReplication(options.central, { dataDir: options.dataDir, stationId, journalRows, stationKey, logger: log.logger })
      : null;
    if (replication) {
      appended.push(() => replication.nudge());
      timers.push(() => replication.stop());
    }
    log.logger.info('station started', { host: options.host, stationId, dataDir: options.dataDir, version: PACKDESK_VERSION });
    return {
      station,
      store,
      journal,
      journalAt,
      logger: log.logger,
      dataDir: options.dataDir,
      stationId,
      devices,
      seeded,
      sync: syncStorage,
      statistics,
      returns,
      replication,
      checkpointWal: () => checkpointWal(openDb),
      close: async () => {
        // Work still running would log and write after the log and database are closed.
        await Promise.all(timers.map((stop) => stop()));
        station.stopDevices();
        // A long-running host signs where the chain stands as it shuts down.
        if (options.housekeeping) journal.checkpoint();
        openDb.close();
        await log.close();
      },
    };
  } catch (error) {
    db?.close();
    const failure = error instanceof StationFailure ? error : null;
    log.logger.error('station could not start', { code: failure?.code ?? 'INTERNAL', error: String(error) });
    await log.close();
    throw error;
  }
}

/** The station this process runs as; one it names that the folder lacks is added as any station is, with its printers. */
function chooseStation(store: Store, printers: StationPrinters, wanted: string | undefined): string {
  const stations = store.stations.list();
  if (wanted) {
    if (!stations.some((s) => s.id === wanted)) addStation(store, printers, { id: wanted, name: wanted, language: 'en', idleLogoutMinutes: 15 });
    return wanted;
  }
  const first = stations[0];
  if (first) return first.id;
  addStation(store, printers, { id: 'ST-01', name: 'Station 1', language: 'en', idleLogoutMinutes: 15 });
  return 'ST-01';
}
