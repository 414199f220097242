import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importOrders, importProducts } from '../../../src/app/sync/file-import';
import { readOrders, readProducts } from '../../../src/sync';
import { FileBackend } from '../../../src/sync/file/backend';
import { ShopFileFolders } from '../../../src/sync/file/folders';
import { createSyncStation, ok, packOrder, type SyncStation } from '../../interop/support/sync-station';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/sync');
const NOW = '2026-11-20T08:00:00.000Z';
let s: SyncStation;
beforeEach(() => {
  s = createSyncStation();
});
afterEach(() => s.close());

function importFixtures() {
  const products = readProducts(fs.readFileSync(path.join(fixtures, 'products.csv'), 'utf8'), 'csv');
  const productReport = importProducts(s.store, products.products, products.errors);
  const orders = readOrders(fs.readFileSync(path.join(fixtures, 'orders.csv'), 'utf8'), 'csv', NOW);
  const orderReport = importOrders({ store: s.store, links: s.sync.links, clock: { now: () => new Date(NOW) } }, orders.orders, orders.errors);
  return { productReport, orderReport };
}

describe('file import', () => {
  it('reports each broken row by its line and imports the rest', () => {
    const { productReport, orderReport } = importFixtures();
    expect(productReport.imported).toBe(3);
    expect(productReport.errors).toEqual([
      { line: 4, message: 'sku is empty' },
      { line: 5, message: 'weight_grams "sto" is not a whole number of grams' },
    ]);
    expect(s.store.catalog.productBySku('TEA-02')).toMatchObject({
      name: 'Herbata zielona; liściasta',
      tracking: 'lot',
      refuseExpired: true,
      returnable: false,
    });
    expect(s.store.catalog.barcode('PEN-03')?.productId).toBe(s.store.catalog.productBySku('PEN-03')!.id);

    expect(orderReport.imported).toBe(2);
    expect(orderReport.errors).toEqual([
      { line: 4, message: 'quantity "zero" is not a whole number above 0' },
      { line: 5, message: 'sku GHOST-9 is not in the catalogue; import the products first' },
      { line: 6, message: 'created_at "yesterday" is not a date' },
    ]);
    const order = s.store.orders.byNumber('F-1001')!;
    expect(order.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['MUG-01', 2],
      ['TEA-02', 1],
    ]);
    expect(order.shipTo).toMatchObject({ country: 'PL', city: 'Kraków' });
    expect(s.store.orders.byNumber('F-1005')).not.toBeNull();
    // Importing the same file again refuses the orders already there, by line.
    const again = importOrders(
      { store: s.store, links: s.sync.links, clock: { now: () => new Date(NOW) } },
      readOrders(fs.readFileSync(path.join(fixtures, 'orders.csv'), 'utf8'), 'csv', NOW).orders,
      [],
    );
    expect(again.errors.map((e) => e.line)).toEqual([2, 5, 7]);
  });

  it('reads the same columns from JSON', () => {
    const read = readProducts(JSON.stringify([{ sku: 'J-1', name: 'Z JSON', weight_grams: 10, barcodes: ['5901234123457'] }, { sku: 'J-2' }]), 'json');
    expect(read.products.map((p) => p.sku)).toEqual(['J-1']);
    expect(read.errors).toEqual([{ line: 2, message: 'name is empty' }]);
  });

  it('exports a shipped order to CSV once, even when asked twice', async () => {
    importFixtures();
    const exportFile = path.join(s.shopFiles, 'shipped.csv');
    await ok(s.call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
    await ok(s.call('settings.packing', { requireWeight: false }));
    await ok(s.call('sync.settings.set', { settings: { kind: 'file', file: { ordersFile: null, productsFile: null, exportFile } } }));
    await ok(packOrder(s.call, 'F-1005', ['PEN-03', 'PEN-03', 'PEN-03']));
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 1, error: null });
    const [event] = s.sync.outbox.list(['sent'], 10);
    const backend = new FileBackend({ ordersFile: null, productsFile: null, exportFile }, new ShopFileFolders([s.shopFiles]));
    const push = s.sync.outbox.byId(event!.id)!.payload as never;
    expect(await backend.hasShipment(push)).toBe(true);
    const rows = fs.readFileSync(exportFile, 'utf8').trim().split('\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/^F-1005,[^,]+,inpost,F-1005,false,PEN-03x3,shipped:file:F-1005:\d+$/);
  });
});
