import type { OutboxRepository, SyncOrderLinks } from '../../src/app/ports/backend';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashPin } from '../../src/app/pin';
import type { DocumentPorts, NewOrder, PackingRepository, StationPorts, Store, Timers } from '../../src/app/ports';
import { createDocumentPorts } from '../../src/boot/documents';
import { createStatisticsPorts } from '../../src/boot/statistics';
import { keyFileSecrets } from '../../src/sync';
import { createSyncStorage } from '../../src/storage/repositories/sync-storage';
import { createRawTcpPrinter } from '../../src/printing/raw-tcp';
import { createPdfFolderPrinter } from '../../src/printing/pdf-folder';
import { createStation, type Station } from '../../src/app/station';
import type { CarrierAccountsRepository, CarrierPorts } from '../../src/app/ports/carriers';
import { createCarrierPorts } from '../../src/boot/carriers';
import type { CarrierDeps } from '../../src/carriers';
import { carrierEndpoint, type CarrierAccount } from '../../src/contract/carriers';
import { createCarrierAccounts } from '../../src/storage/repositories/carrier-accounts';
import type { Result } from '../../src/contract/errors';
import type { StationEvent } from '../../src/contract/events';
import type { MethodInput, MethodName, MethodOutput } from '../../src/contract/methods';
import { gs1CheckDigit } from '../../src/domain/barcode/gtin';
import type { OrderStatus } from '../../src/domain/order';
import { FakeScale } from '../../src/devices/fake/fake-scale';
import type { ScannerPort } from '../../src/app/ports/devices';
import { createJournal, type StationJournal } from '../../src/journal/journal';
import { loadOrCreateStationKey } from '../../src/journal/key-file';
import { openDatabase } from '../../src/storage/db';
import { loadOrCreateBadgeKey } from '../../src/storage/badge-key';
import { createJournalRows } from '../../src/storage/repositories/journal-rows';
import { createPackingRepository } from '../../src/storage/repositories/packing';
import { createReturnsRepository } from '../../src/storage/repositories/returns';
import { createPhotoFiles } from '../../src/video/photo-files';
import { createStore } from '../../src/storage/store';
import { createCentralLeaseBook } from '../../src/storage/repositories/central-lease-book';
import { createVideoAndReviewPorts } from '../../src/evidence/station-ports';

/** A clock the test moves by hand. */
export class TestClock {
  constructor(private current = new Date('2026-11-20T08:00:00Z')) {}
  now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface StationFixture {
  dir: string;
  store: Store;
  journal: StationJournal;
  scale: FakeScale;
  station: Station;
  clock: TestClock;
  events: StationEvent[];
  /** A second station process over the same database file, as after a crash and restart. */
  restart(): Station;
  /** Whether the phone's serial SN-777 is on record as shipped. */
  packingSerialShipped(): boolean;
  logs: { level: string; msg: string; fields?: Record<string, unknown> }[];
  /** Documents and printing over the fixture's database: raw 9100 printing only. */
  documents: DocumentPorts;
  /** The station's carrier accounts (saved here, used by the station) and its carrier shipments; null without the carriers option. */
  carriers: { accounts: CarrierAccountsRepository; ports: CarrierPorts; saveAccount(account: CarrierAccount, secret: string | null): void } | null;
  /** The document and print workers' timers: held, so only a test's drain() makes anything happen. */
  heldTimers: { fn: () => void; ms: number }[];
  close(): void;
}

/** Timers that never fire by themselves; the test sees what was scheduled. */
function holdTimers(): { timers: Timers; held: Map<number, { fn: () => void; ms: number }> } {
  const held = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  return {
    held,
    timers: { setTimeout: (fn, ms) => (held.set(next, { fn, ms }), next++), clearTimeout: (handle) => void held.delete(handle as number) },
  };
}

/** An order as the shop hands it over; tests add their own with store.orders.insertMany. */
export function order(number: string, status: OrderStatus, customerName: string, lines: NewOrder['lines'], createdAt: string): NewOrder {
  return {
    number,
    externalId: null,
    status,
    customerName,
    shipTo: { name: customerName, company: null, street: 'ul. Długa 5', city: 'Kraków', postcode: '30-001', country: 'PL', phone: null, email: null },
    carrierCode: 'inpost',
    service: 'locker',
    note: null,
    createdAt,
    lines,
  };
}

/** A valid GTIN-14 from 12 digits of EAN-13 data: a leading zero and the check digit. */
export function gtin(ean12: string): string {
  return `0${ean12}${gs1CheckDigit(ean12)}`;
}

export const CODES = {
  mug: '05901234123457',
  phone: gtin('590123400001'),
  kit: gtin('590123400002'),
  brush: gtin('590123400003'),
  soap: gtin('590123400004'),
  /** A case of six soaps: indicator digit 1 before the same item's data. */
  soapCase: `1590123400004${gs1CheckDigit('1590123400004')}`,
  stranger: gtin('590123400005'),
};

export interface StationFixtureOptions {
  /** Wraps the station's packing repository, e.g. to count how often a scan reads it. */
  packing?: (repository: PackingRepository) => PackingRepository;
  /** Offer the PDF folder printer (into the fixture's folder) beside raw 9100. */
  pdfFolder?: boolean;
  /**
   * A station with a shop: order links and the outbox are real, the backend is never reached (no
   * sync runs in a fixture). The function may wrap the outbox, e.g. to fail a write.
   */
  shop?: (outbox: OutboxRepository, links: SyncOrderLinks) => OutboxRepository;
  /** Ship with carriers: the accounts saved in `carrierAccounts`, adapters built with these options (a short timeout for fakes). */
  carriers?: Pick<CarrierDeps, 'fetch' | 'timeoutMs'>;
  /** The station the core runs as (ST-01 unless said), and the HID scanner it reads itself. */
  ownStation?: string;
  scanner?: ScannerPort;
  /** Attached to central through this link (test/unit/central runs a real central on PostgreSQL). */
  central?: Omit<NonNullable<StationPorts['central']>, 'book'>;
}

/** A real station over a real SQLite file: two stations, one user per role, a few orders. */
export function createStationFixture(options: StationFixtureOptions = {}): StationFixture {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-station-'));
  const clock = new TestClock();
  const db = openDatabase(path.join(dir, 'packdesk.sqlite'));
  const badgeKey = loadOrCreateBadgeKey(dir);
  const store = createStore(db, { backupDir: path.join(dir, 'backups'), keepBackups: 3, clock: clock.now, badgeKey });
  store.stations.upsert({ id: 'ST-01', name: 'Station 1', language: 'en', idleLogoutMinutes: 15 });
  store.stations.upsert({ id: 'ST-02', name: 'Stanowisko 2', language: 'pl', idleLogoutMinutes: 15 });
  const pinHash = hashPin('1111');
  store.users.insert({ name: 'Anna Kowalska', role: 'packer', badgeCode: 'PD-P-0001', pinHash, language: null });
  store.users.insert({ name: 'Piotr Nowak', role: 'packer', badgeCode: 'PD-P-0002', pinHash, language: 'pl' });
  store.users.insert({ name: 'Maria Manager', role: 'manager', badgeCode: 'PD-M-0001', pinHash, language: null });
  store.catalog.importCatalog({
    products: [
      {
        sku: 'MUG-01',
        name: 'Kubek ceramiczny',
        weightGrams: 350,
        tracking: 'none',
        refuseExpired: false,
        returnable: true,
        isKit: false,
        fragile: false,
        barcodes: [{ code: '05901234123457', unitsPerScan: 1 }],
      },
      {
        sku: 'TEA-02',
        name: 'Herbata zielona',
        weightGrams: 120,
        tracking: 'lot',
        refuseExpired: true,
        returnable: false,
        isKit: false,
        fragile: false,
        barcodes: [],
      },
      {
        sku: 'PHONE-01',
        name: 'Telefon',
        weightGrams: 200,
        tracking: 'serial',
        refuseExpired: false,
        returnable: true,
        isKit: false,
        fragile: false,
        barcodes: [{ code: CODES.phone, unitsPerScan: 1 }],
      },
      {
        sku: 'KIT-01',
        name: 'Zestaw prezentowy',
        weightGrams: 0,
        tracking: 'none',
        refuseExpired: false,
        returnable: true,
        isKit: true,
        fragile: false,
        barcodes: [{ code: CODES.kit, unitsPerScan: 1 }],
      },
      {
        sku: 'BRUSH-01',
        name: 'Szczoteczka',
        weightGrams: 30,
        tracking: 'none',
        refuseExpired: false,
        returnable: false,
        isKit: false,
        fragile: false,
        barcodes: [{ code: CODES.brush, unitsPerScan: 1 }],
      },
      {
        sku: 'SOAP-01',
        name: 'Mydło',
        weightGrams: 100,
        tracking: 'none',
        refuseExpired: false,
        returnable: true,
        isKit: false,
        fragile: false,
        barcodes: [
          { code: CODES.soap, unitsPerScan: 1 },
          { code: CODES.soapCase, unitsPerScan: 6 },
        ],
      },
      {
        sku: 'STRANGER-01',
        name: 'Obcy produkt',
        weightGrams: 10,
        tracking: 'none',
        refuseExpired: false,
        returnable: true,
        isKit: false,
        fragile: false,
        barcodes: [{ code: CODES.stranger, unitsPerScan: 1 }],
      },
    ],
    kits: [
      {
        kitSku: 'KIT-01',
        components: [
          { sku: 'BRUSH-01', quantity: 2 },
          { sku: 'SOAP-01', quantity: 1 },
        ],
      },
    ],
    boxes: [{ code: 'K1', name: 'Small box', tareGrams: 120, lengthMm: 200, widthMm: 150, heightMm: 100 }],
  });
  store.orders.insertMany([
    order('PD-100001', 'ready', 'Zażółć Gęślą', [{ sku: 'MUG-01', quantity: 2 }], '2026-11-19T10:00:00Z'),
    order(
      'PD-100002',
      'ready',
      'Jan Kowalski',
      [
        { sku: 'TEA-02', quantity: 1 },
        { sku: 'MUG-01', quantity: 1 },
      ],
      '2026-11-19T09:00:00Z',
    ),
    order('PD-100003', 'cancelled', 'Ewa Zielińska', [{ sku: 'MUG-01', quantity: 1 }], '2026-11-19T08:00:00Z'),
    order('PD-100004', 'shipped', 'Olga Nowak', [{ sku: 'MUG-01', quantity: 1 }], '2026-11-18T08:00:00Z'),
    order('PD-100005', 'on_hold', 'Adam Wiśniewski', [{ sku: 'TEA-02', quantity: 3 }], '2026-11-18T07:00:00Z'),
    order(
      'PD-100006',
      'ready',
      'Łucja Mazur',
      [
        { sku: 'MUG-01', quantity: 1 },
        { sku: 'PHONE-01', quantity: 1 },
        { sku: 'TEA-02', quantity: 1 },
        { sku: 'KIT-01', quantity: 1 },
        { sku: 'SOAP-01', quantity: 12 },
      ],
      '2026-11-19T11:00:00Z',
    ),
  ]);
  const events: StationEvent[] = [];
  const logs: StationFixture['logs'] = [];
  const logger = {
    info: (msg: string, fields?: Record<string, unknown>) => logs.push({ level: 'info', msg, ...(fields ? { fields } : {}) }),
    warn: (msg: string, fields?: Record<string, unknown>) => logs.push({ level: 'warn', msg, ...(fields ? { fields } : {}) }),
    error: (msg: string, fields?: Record<string, unknown>) => logs.push({ level: 'error', msg, ...(fields ? { fields } : {}) }),
  };
  const journal = createJournal(createJournalRows(db), clock, loadOrCreateStationKey(dir));
  const scale = new FakeScale({ settleMs: 0, clock });
  const { timers, held } = holdTimers();
  const documentsOver = (database: typeof db) =>
    createDocumentPorts({
      db: database,
      dataDir: dir,
      clock,
      logger,
      timers,
      adapters: [createRawTcpPrinter({ timeoutMs: 2000 }), ...(options.pdfFolder ? [createPdfFolderPrinter({ dataDir: dir })] : [])],
    });
  const documents = documentsOver(db);
  const carriersOver = (database: typeof db) =>
    options.carriers
      ? createCarrierPorts({
          db: database,
          sealer: keyFileSecrets(dir).sealer,
          syncSettings: createSyncStorage(database).settings,
          renderer: documents.renderer,
          labelSettings: documents.labelSettings,
          deps: options.carriers,
        })
      : undefined;
  const carrierPorts = carriersOver(db);
  const stationOver = (database: typeof db, storeOf: Store) =>
    createStation({
      ...(options.carriers ? { carriers: database === db ? carrierPorts : carriersOver(database) } : {}),
      store: storeOf,
      journal: createJournal(createJournalRows(database), clock, loadOrCreateStationKey(dir)),
      packing: (options.packing ?? ((repository) => repository))(createPackingRepository(database)),
      scanners: options.scanner && database === db ? [options.scanner] : [],
      scale,
      documents: database === db ? documents : documentsOver(database),
      // No shop: completion writes no outbox event, as a station that reaches none.
      sync: options.shop
        ? (() => {
            const storage = createSyncStorage(database);
            return { ...storage, outbox: options.shop(storage.outbox, storage.links), backendFor: () => null };
          })()
        : { ...createSyncStorage(database), backendFor: null },
      secrets: keyFileSecrets(dir),
      returns: { repository: createReturnsRepository(database), photos: createPhotoFiles(dir) },
      ...createVideoAndReviewPorts({
        db: database,
        dataDir: dir,
        store: storeOf,
        journal: createJournal(createJournalRows(database), clock, loadOrCreateStationKey(dir)),
        key: loadOrCreateStationKey(dir),
        archive: database === db ? documents.archive : null,
        clock,
      }),
      statistics: createStatisticsPorts(database),
      ...(options.central ? { central: { ...options.central, book: createCentralLeaseBook(database) } } : {}),
      clock,
      logger,
      stationId: options.ownStation ?? 'ST-01',
      version: '1.2.3',
    });
  const station = stationOver(db, store);
  station.startDevices();
  const reopened: (typeof db)[] = [];
  station.events.subscribe((event) => events.push(event));
  return {
    dir,
    store,
    journal,
    scale,
    station,
    clock,
    events,
    logs,
    documents,
    carriers: carrierPorts
      ? {
          accounts: createCarrierAccounts(db),
          ports: carrierPorts,
          saveAccount(account, secret) {
            const accounts = createCarrierAccounts(db);
            accounts.save(account, clock.now().toISOString());
            if (secret) accounts.saveSealedSecret(account.kind, keyFileSecrets(dir).sealer.seal(new TextEncoder().encode(secret)), carrierEndpoint(account));
          },
        }
      : null,
    get heldTimers() {
      return [...held.values()];
    },
    restart: () => {
      const database = openDatabase(path.join(dir, 'packdesk.sqlite'));
      reopened.push(database);
      return stationOver(database, createStore(database, { backupDir: path.join(dir, 'backups'), keepBackups: 3, clock: clock.now, badgeKey }));
    },
    packingSerialShipped: () => createPackingRepository(db).serialShipped(store.catalog.productBySku('PHONE-01')!.id, 'SN-777'),
    close: () => {
      for (const database of reopened) database.close();
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The dispatcher with the contract's types, as the renderer's client has them. */
export function typedCall(station: Station) {
  return <M extends MethodName>(method: M, input: MethodInput<M>, options?: { stationId?: string }) =>
    station.dispatch(method, input, options) as Promise<Result<MethodOutput<M>>>;
}
