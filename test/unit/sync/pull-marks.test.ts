import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { RemoteProduct, ShopBackend } from '../../../src/app/ports/backend';
import type { CatalogProduct } from '../../../src/app/ports/store';
import { createSyncStation, ok, type SyncStation } from '../../interop/support/sync-station';
import { shopBackend } from '../../support/shop-backend';

// What a shop's pull may change and what it may not: the shop owns names, weights and codes; the
// station owns tracking, expired lots, returns and kits (set by its own product file or the demo).

let s: SyncStation | null = null;
afterEach(() => s?.close());

const product = (sku: string, marks: Partial<CatalogProduct> = {}): CatalogProduct => ({
  sku,
  name: sku,
  weightGrams: 100,
  tracking: 'none',
  refuseExpired: false,
  returnable: true,
  isKit: false,
  fragile: false,
  barcodes: [{ code: `${sku}-1`, unitsPerScan: 1 }],
  ...marks,
});

/** A station whose catalogue the station itself set up: a serial lamp, a lot tea, a fragile vase, a kit. */
function stationWithOwnMarks(backend?: ShopBackend): SyncStation {
  const station = createSyncStation(backend ? (ports) => ({ ...ports, backendFor: () => backend }) : undefined);
  station.store.catalog.importCatalog({
    products: [
      product('LAMP', { tracking: 'serial', returnable: false, nonReturnableReason: 'hygiene' }),
      product('TEA', { tracking: 'lot', refuseExpired: true }),
      product('VASE', { fragile: true }),
      product('SET', { isKit: true }),
    ],
    kits: [{ kitSku: 'SET', components: [{ sku: 'TEA', quantity: 2 }] }],
    boxes: [],
  });
  return station;
}

/** A shop that knows names, weights and codes only (BaseLinker, Vendure without the custom field). */
const shopOf = (products: RemoteProduct[]): ShopBackend =>
  shopBackend({ pullProducts: async () => ({ items: products, cursor: null, more: false, total: products.length }) });

async function syncAsManager(station: SyncStation, settings: Parameters<typeof station.call<'sync.settings.set'>>[1]) {
  await ok(station.call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
  await ok(station.call('sync.settings.set', settings));
  expect(await ok(station.call('sync.now', {}))).toMatchObject({ error: null });
}

it("a shop's pull renames and reweighs products but keeps the station's tracking, expired lots, returns, kits and fragility", async () => {
  const shop = shopOf(['LAMP', 'TEA', 'VASE', 'SET', 'NEW'].map((sku) => ({ sku, name: `${sku} from the shop`, weightGrams: 321, barcodes: [`${sku}-2`] })));
  s = stationWithOwnMarks(shop);
  const catalog = s.store.catalog;
  await syncAsManager(s, { settings: { kind: 'file', file: { ordersFile: null, productsFile: null, exportFile: null } } });

  expect(catalog.productBySku('LAMP')).toMatchObject({
    name: 'LAMP from the shop',
    weightGrams: 321,
    tracking: 'serial',
    returnable: false,
    nonReturnableReason: 'hygiene',
  });
  expect(catalog.productBySku('TEA')).toMatchObject({ tracking: 'lot', refuseExpired: true });
  expect(catalog.productBySku('VASE')?.fragile).toBe(true);
  const kit = catalog.productBySku('SET')!;
  expect(kit.isKit).toBe(true);
  expect(catalog.kitComponents(kit.id)).toHaveLength(1);
  // The shop's new code is added; the station's own still scans.
  expect(catalog.barcode('LAMP-2')?.productId).toBe(catalog.productBySku('LAMP')!.id);
  expect(catalog.barcode('LAMP-1')?.productId).toBe(catalog.productBySku('LAMP')!.id);
  // A product the station did not know starts with the defaults.
  expect(catalog.productBySku('NEW')).toMatchObject({ tracking: 'none', refuseExpired: false, returnable: true, isKit: false, fragile: false });
});

it("the station's own product file at a sync sets what it says, and leaves a kit a kit", async () => {
  s = stationWithOwnMarks();
  const productsFile = path.join(s.shopFiles, 'products.csv');
  fs.writeFileSync(
    productsFile,
    'sku;name;weight_grams;tracking;refuse_expired;returnable\nLAMP;Lampa;900;none;no;yes\nTEA;Herbata;100;lot;no;yes\nSET;Zestaw;300;none;no;yes\n',
  );
  await syncAsManager(s, { settings: { kind: 'file', file: { ordersFile: null, productsFile, exportFile: null } } });

  const catalog = s.store.catalog;
  expect(catalog.productBySku('LAMP')).toMatchObject({ name: 'Lampa', tracking: 'none', returnable: true, nonReturnableReason: null });
  expect(catalog.productBySku('TEA')).toMatchObject({ tracking: 'lot', refuseExpired: false });
  // A product the file does not name is not touched.
  expect(catalog.productBySku('VASE')?.fragile).toBe(true);
  expect(catalog.productBySku('SET')?.isKit).toBe(true);
});

it("a shop that keeps no weights (Vendure) leaves the station's own, and a product new to the station weighs 0 g", async () => {
  const shop = shopOf(['LAMP', 'NEW'].map((sku) => ({ sku, name: `${sku} from the shop`, barcodes: [] })));
  s = stationWithOwnMarks(shop);
  await syncAsManager(s, { settings: { kind: 'file', file: { ordersFile: null, productsFile: null, exportFile: null } } });
  expect(s.store.catalog.productBySku('LAMP')).toMatchObject({ name: 'LAMP from the shop', weightGrams: 100 });
  expect(s.store.catalog.productBySku('NEW')?.weightGrams).toBe(0);
});
