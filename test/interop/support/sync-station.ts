import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashPin } from '../../../src/app/pin';
import type { DocumentPorts, Logger, StationPorts, Store, SyncPorts } from '../../../src/app/ports';
import { createStation, type Station } from '../../../src/app/station';
import { createCarrierPorts } from '../../../src/boot/carriers';
import { createDocumentPorts } from '../../../src/boot/documents';
import type { Result } from '../../../src/contract/errors';
import { createJournal } from '../../../src/journal/journal';
import { loadOrCreateStationKey } from '../../../src/journal/key-file';
import { createRawTcpPrinter } from '../../../src/printing/raw-tcp';
import { openDatabase, type Database } from '../../../src/storage/db';
import { loadOrCreateBadgeKey } from '../../../src/storage/badge-key';
import { createJournalRows } from '../../../src/storage/repositories/journal-rows';
import { createPackingRepository } from '../../../src/storage/repositories/packing';
import { createReturnsRepository } from '../../../src/storage/repositories/returns';
import { createPhotoFiles } from '../../../src/video/photo-files';
import { createSyncStorage } from '../../../src/storage/repositories/sync-storage';
import { createStore } from '../../../src/storage/store';
import { createCentralLeaseBook } from '../../../src/storage/repositories/central-lease-book';
import { createBackendFactory, keyFileSecrets } from '../../../src/sync';
import { typedCall } from '../../support/station-fixture';

export interface SyncStation {
  dir: string;
  /** The one folder the file backend may use. */
  shopFiles: string;
  db: Database;
  store: Store;
  station: Station;
  call: ReturnType<typeof typedCall>;
  sync: SyncPorts;
  documents: DocumentPorts;
  logs: string[];
  /** Another station process over the same file, with its sync ports changed by `wrap`. */
  reopen(wrap?: (ports: SyncPorts) => SyncPorts): Station;
  close(): void;
}

export async function ok<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A real station over a real SQLite file, with the shop outbox on completion and one box type. */
export interface SyncStationOptions {
  carriers?: { timeoutMs: number };
  /** Attached to central through this link (test/unit/central runs a real central on PostgreSQL); the station is ST-01. */
  central?: Omit<NonNullable<StationPorts['central']>, 'book'>;
}

export function createSyncStation(firstWrap?: (ports: SyncPorts) => SyncPorts, options: SyncStationOptions = {}): SyncStation {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-sync-'));
  const logs: string[] = [];
  const line = (level: string) => (msg: string, fields?: Record<string, unknown>) => logs.push(`${level} ${msg} ${fields ? JSON.stringify(fields) : ''}`);
  const logger: Logger = { info: line('info'), warn: line('warn'), error: line('error') };
  const clock = { now: () => new Date() };
  const databases: Database[] = [];
  // As boot sets it up: the file backend may use <data>/shop-files only.
  const shopFiles = path.join(dir, 'shop-files');
  fs.mkdirSync(shopFiles);
  const backendFor = createBackendFactory({ fileFolders: [shopFiles] });
  const build = (wrap: (ports: SyncPorts) => SyncPorts = (p) => p) => {
    const db = openDatabase(path.join(dir, 'packdesk.sqlite'));
    databases.push(db);
    const store = createStore(db, { backupDir: path.join(dir, 'backups'), keepBackups: 2, clock: clock.now, badgeKey: loadOrCreateBadgeKey(dir) });
    const storage = createSyncStorage(db);
    const documents = createDocumentPorts({ db, dataDir: dir, clock, logger, adapters: [createRawTcpPrinter({ timeoutMs: 1000 })] });
    const sync = wrap({ ...storage, backendFor });
    const carriers = options.carriers
      ? createCarrierPorts({
          db,
          sealer: keyFileSecrets(dir).sealer,
          syncSettings: storage.settings,
          renderer: documents.renderer,
          labelSettings: documents.labelSettings,
          deps: options.carriers,
        })
      : undefined;
    const station = createStation({
      ...(carriers ? { carriers } : {}),
      ...(options.central ? { central: { ...options.central, book: createCentralLeaseBook(db) } } : {}),
      store,
      journal: createJournal(createJournalRows(db), clock, loadOrCreateStationKey(dir)),
      packing: createPackingRepository(db),
      scanners: [],
      scale: null,
      documents,
      sync,
      secrets: keyFileSecrets(dir),
      returns: { repository: createReturnsRepository(db), photos: createPhotoFiles(dir) },
      clock,
      logger,
      stationId: 'ST-01',
      version: 'test',
    });
    return { db, store, station, sync, documents };
  };
  const first = build(firstWrap);
  first.store.stations.upsert({ id: 'ST-01', name: 'Station 1', language: 'en', idleLogoutMinutes: 60 });
  first.store.users.insert({ name: 'Maria Manager', role: 'manager', badgeCode: 'PD-M-0001', pinHash: hashPin('1111'), language: null });
  first.store.catalog.importCatalog({
    products: [],
    kits: [],
    boxes: [{ code: 'K1', name: 'Small box', tareGrams: 120, lengthMm: 200, widthMm: 150, heightMm: 100 }],
  });
  return {
    dir,
    shopFiles,
    ...first,
    call: typedCall(first.station),
    logs,
    reopen: (wrap) => build(wrap).station,
    close() {
      for (const db of databases) db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Logs the manager in, opens the order, scans each barcode once per unit, picks box K1 and completes. */
export async function packOrder(call: ReturnType<typeof typedCall>, orderNumber: string, scans: string[]) {
  const scan = (data: string) => ok(call('scan.submit', { data, symbology: null, source: 'wedge' }));
  const current = await ok(call('auth.current', {}));
  if (!current) await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
  const opened = await scan(orderNumber);
  if (opened.kind !== 'opened') throw new Error(`expected the order to open, got ${JSON.stringify(opened)}`);
  for (const code of scans) await scan(code);
  await scan('K1');
  return call('pack.complete', {});
}

/** Logs the station's manager in and points the station's sync at the Vendure shop at `url` (two orders a page). */
export async function syncWithVendure(s: SyncStation, url: string): Promise<void> {
  await ok(s.call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
  await ok(
    s.call('sync.settings.set', {
      settings: {
        kind: 'vendure',
        vendure: { url, username: 'superadmin', channelToken: null, barcodeField: 'barcode', fulfillmentHandler: 'manual-fulfillment', pageSize: 2 },
      },
      secret: 'superadmin',
    }),
  );
}
