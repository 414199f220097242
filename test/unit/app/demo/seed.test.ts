import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, it, expect } from 'vitest';
import { StationFailure } from '../../../../src/contract/errors';
import { demoCatalog, demoShop } from '../../../../src/app/demo/catalog';
import { seedDemo } from '../../../../src/app/demo/seed';
import { DEMO_LOGINS } from '../../../../src/app/demo/staff';
import { hashPin, verifyPin } from '../../../../src/app/pin';
import type { Store } from '../../../../src/app/ports/store';
import { openDatabase, type Database } from '../../../../src/storage/db';
import { loadOrCreateBadgeKey } from '../../../../src/storage/badge-key';
import { createStore } from '../../../../src/storage/store';
import { createLabelSettingsRepository } from '../../../../src/storage/repositories/label-settings';
import { DEMO_LABEL_SETTINGS } from '../../../../src/documents/from-order';
import { createPrinterProfileRepository } from '../../../../src/storage/repositories/printer-profiles';

const now = new Date('2026-03-02T08:00:00.000Z');
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const clean of cleanups.splice(0)) clean();
});

function realStore(): { store: Store; db: Database } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-demo-'));
  const db = openDatabase(path.join(dir, 'packdesk.sqlite'));
  cleanups.push(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const store = createStore(db, { backupDir: path.join(dir, 'backups'), keepBackups: 2, clock: () => now, badgeKey: loadOrCreateBadgeKey(dir) });
  return { store, db };
}

/** Cheap and recognisable: the scrypt round trip is tested once, below, not for every user. */
const fakeHash = (pin: string) => `not-scrypt-test-hash-of-${pin}`.padEnd(40, '-');

describe('seedDemo into a real SQLite database', () => {
  it('writes stations, users with hashed PINs, the catalog and the orders', async () => {
    const { store } = realStore();
    const counts = seedDemo(store, { orders: 60, now, hashPin });
    const catalog = demoCatalog();
    expect(counts).toEqual({ products: catalog.products.length, orders: 60, users: DEMO_LOGINS.length });
    expect(store.catalog.productCount()).toBe(catalog.products.length);
    expect(store.orders.count()).toBe(60);

    expect(store.stations.get('ST-01')).toMatchObject({ language: 'en', idleLogoutMinutes: 15 });
    expect(store.stations.get('ST-02')).toMatchObject({ language: 'pl' });
    for (const login of DEMO_LOGINS) {
      const user = store.users.byBadge(login.badgeCode);
      expect(user).toMatchObject({ name: login.name, role: login.role, active: true });
      const stored = store.users.pinHash(user!.id)!;
      expect(stored).not.toContain(login.pin);
      expect(await verifyPin(login.pin, stored)).toBe(true);
    }
    expect(store.orders.byNumber('PD-100001')?.lines.length).toBeGreaterThan(0);
  });

  it('makes every demo barcode scannable, case codes counting their units, and kits know their parts', () => {
    const { store } = realStore();
    seedDemo(store, { orders: 0, now, hashPin: fakeHash });
    const { catalog, caseUnits } = demoShop();
    for (const p of catalog.products) {
      const product = store.catalog.productBySku(p.sku);
      expect(product).toMatchObject({ name: p.name, tracking: p.tracking, isKit: p.isKit, returnable: p.returnable });
      for (const b of p.barcodes) expect(store.catalog.barcode(b.code)).toEqual({ code: b.code, productId: product!.id, unitsPerScan: b.unitsPerScan });
    }
    expect(caseUnits.size).toBeGreaterThan(0);
    for (const kit of catalog.kits) {
      const id = store.catalog.productBySku(kit.kitSku)!.id;
      expect(store.catalog.kitComponents(id)).toHaveLength(kit.components.length);
    }
    expect(
      store.catalog
        .boxes()
        .map((b) => b.code)
        .sort(),
    ).toEqual(catalog.boxes.map((b) => b.code).sort());
  });

  it('refuses a database that already holds the shop, and leaves it as it was', () => {
    const { store } = realStore();
    seedDemo(store, { orders: 10, now, hashPin: fakeHash });
    let failure: unknown;
    try {
      seedDemo(store, { orders: 10, now, hashPin: fakeHash });
    } catch (err) {
      failure = err;
    }
    expect(failure).toBeInstanceOf(StationFailure);
    expect((failure as StationFailure).code).toBe('VALIDATION_FAILED');
    expect((failure as StationFailure).message).toMatch(/already holds 10 orders and \d+ products/);
    expect(store.orders.count()).toBe(10);
  });

  it('writes nothing when any part fails: one transaction', () => {
    const { store } = realStore();
    const failing: Store = {
      ...store,
      orders: {
        ...store.orders,
        insertMany: () => {
          throw new Error('the disk filled up while writing orders');
        },
      },
    };
    expect(() => seedDemo(failing, { orders: 5, now, hashPin: fakeHash })).toThrow(/disk filled up/);
    expect(store.catalog.productCount()).toBe(0);
    expect(store.users.listActive()).toEqual([]);
    expect(store.stations.list()).toEqual([]);
  });

  it("writes the label settings in the same transaction, and keeps a station's own", () => {
    const { store, db } = realStore();
    const labels = { repository: createLabelSettingsRepository(db), settings: DEMO_LABEL_SETTINGS };
    const failing: Store = {
      ...store,
      orders: {
        ...store.orders,
        insertMany: () => {
          throw new Error('killed while writing orders');
        },
      },
    };
    expect(() => seedDemo(failing, { orders: 5, now, hashPin: fakeHash, labels })).toThrow(/killed/);
    expect(labels.repository.get()).toBeNull();

    seedDemo(store, { orders: 5, now, hashPin: fakeHash, labels });
    expect(labels.repository.get()).toEqual(DEMO_LABEL_SETTINGS);

    const other = realStore();
    const own = { ...DEMO_LABEL_SETTINGS, shopName: 'Our own shop', gs1CompanyPrefix: '5901234' };
    const repository = createLabelSettingsRepository(other.db);
    repository.set(own);
    seedDemo(other.store, { orders: 5, now, hashPin: fakeHash, labels: { repository, settings: DEMO_LABEL_SETTINGS } });
    expect(repository.get()).toEqual(own);
  });

  it('gives every station the PDF folder printer for every document, in the same transaction, and keeps a station its own', () => {
    const { store, db } = realStore();
    const printers = createPrinterProfileRepository(db);
    const failing: Store = {
      ...store,
      orders: {
        ...store.orders,
        insertMany: () => {
          throw new Error('killed while writing orders');
        },
      },
    };
    expect(() => seedDemo(failing, { orders: 5, now, hashPin: fakeHash, printers })).toThrow(/killed/);
    expect(printers.list('ST-01')).toEqual([]);

    store.stations.upsert({ id: 'ST-09', name: 'Own', language: 'en', idleLogoutMinutes: 15 });
    printers.set({ stationId: 'ST-09', documentKind: 'label', printerKind: 'raw_tcp', target: '10.0.0.9:9100', format: 'zpl', raw: true });
    seedDemo(store, { orders: 5, now, hashPin: fakeHash, printers });
    for (const station of ['ST-01', 'ST-02', 'ST-03']) {
      expect(printers.list(station).map((p) => [p.documentKind, p.printerKind, p.target, p.format])).toEqual([
        ['carrier_label', 'pdf_folder', station, 'pdf'],
        ['label', 'pdf_folder', station, 'pdf'],
        ['manifest', 'pdf_folder', station, 'pdf'],
        ['packing_slip', 'pdf_folder', station, 'pdf'],
        ['return_item_label', 'pdf_folder', station, 'pdf'],
        ['returns_receipt', 'pdf_folder', station, 'pdf'],
        ['returns_receipt_label', 'pdf_folder', station, 'pdf'],
      ]);
    }
    expect(printers.list('ST-09').map((p) => p.printerKind)).toEqual(['raw_tcp']);
  });

  it('keeps a user someone set up before asking for the demo', () => {
    const { store } = realStore();
    store.users.insert({ name: 'Own Admin', role: 'admin', badgeCode: 'PD-A-0001', pinHash: fakeHash('0000'), language: null });
    const counts = seedDemo(store, { orders: 5, now, hashPin: fakeHash });
    expect(counts.users).toBe(DEMO_LOGINS.length - 1);
    expect(store.users.byBadge('PD-A-0001')?.name).toBe('Own Admin');
  });

  it('refuses a negative or fractional number of orders before writing anything', () => {
    const { store } = realStore();
    expect(() => seedDemo(store, { orders: -1, now, hashPin: fakeHash })).toThrow(StationFailure);
    expect(() => seedDemo(store, { orders: 2.5, now, hashPin: fakeHash })).toThrow(/whole number/);
    expect(store.catalog.productCount()).toBe(0);
  });

  it('seeds 5,000 orders in one go', () => {
    const { store } = realStore();
    const started = performance.now();
    seedDemo(store, { orders: 5000, now, hashPin: fakeHash });
    console.log(`seedDemo(5000 orders): ${(performance.now() - started).toFixed(0)} ms`);
    expect(store.orders.count()).toBe(5000);
    expect(store.orders.queue({ stationId: 'ST-01', search: '', limit: 10, offset: 0 }).total).toBeGreaterThan(3000);
  });
});
