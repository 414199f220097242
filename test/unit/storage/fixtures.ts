import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { CatalogImport, NewOrder, Store } from '../../../src/app/ports/store';
import { openDatabase, type Database } from '../../../src/storage/db';
import { loadOrCreateBadgeKey } from '../../../src/storage/badge-key';
import { createStore } from '../../../src/storage/store';

const dirs: string[] = [];
const open: Database[] = [];

/** A fresh folder per test, removed (with every database opened through here) after it. */
export function freshDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-storage-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function track(db: Database): Database {
  open.push(db);
  return db;
}

export const FIXED_NOW = new Date('2026-03-02T08:00:00.000Z');

export interface TestStore {
  store: Store;
  db: Database;
  dir: string;
  file: string;
}

export function openTestStore(options: { now?: () => Date; keepBackups?: number } = {}): TestStore {
  const dir = freshDir();
  const file = path.join(dir, 'packdesk.sqlite');
  const db = track(openDatabase(file));
  const store = createStore(db, {
    backupDir: path.join(dir, 'backups'),
    keepBackups: options.keepBackups ?? 3,
    clock: options.now ?? (() => FIXED_NOW),
    badgeKey: loadOrCreateBadgeKey(dir),
  });
  return { store, db, dir, file };
}

export const PIN_HASH = 'scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=';

export function sampleCatalog(): CatalogImport {
  const product = (sku: string, name: string, extra: Partial<CatalogImport['products'][number]> = {}) => ({
    sku,
    name,
    weightGrams: 250,
    tracking: 'none' as const,
    refuseExpired: false,
    returnable: true,
    isKit: false,
    fragile: false,
    barcodes: [],
    ...extra,
  });
  return {
    products: [
      product('MUG-RED', 'Red mug', {
        barcodes: [
          { code: '05901234123457', unitsPerScan: 1 },
          { code: '15901234123454', unitsPerScan: 6 },
        ],
      }),
      product('TEA-GREEN', 'Green tea 100 g', { tracking: 'lot', refuseExpired: true, weightGrams: 112.5 }),
      product('LAMP-01', 'Desk lamp', { tracking: 'serial', returnable: false }),
      product('GIFT-SET', 'Tea gift set', { isKit: true }),
    ],
    kits: [
      {
        kitSku: 'GIFT-SET',
        components: [
          { sku: 'MUG-RED', quantity: 2 },
          { sku: 'TEA-GREEN', quantity: 1 },
        ],
      },
    ],
    boxes: [
      { code: 'B-S', name: 'Small box', tareGrams: 80, lengthMm: 200, widthMm: 150, heightMm: 100 },
      { code: 'B-L', name: 'Large box', tareGrams: 240, lengthMm: 400, widthMm: 300, heightMm: 250 },
    ],
  };
}

export function newOrder(number: string, overrides: Partial<NewOrder> = {}): NewOrder {
  return {
    number,
    externalId: null,
    status: 'ready',
    customerName: 'Anna Nowak',
    shipTo: {
      name: 'Anna Nowak',
      company: null,
      street: 'ul. Długa 5',
      city: 'Kraków',
      postcode: '31-000',
      country: 'PL',
      phone: null,
      email: null,
    },
    carrierCode: 'inpost',
    service: null,
    note: null,
    createdAt: '2026-03-01T10:00:00.000Z',
    lines: [{ sku: 'MUG-RED', quantity: 1 }],
    ...overrides,
  };
}
