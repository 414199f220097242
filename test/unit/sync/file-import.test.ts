import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReturnPush } from '../../../src/app/ports/backend';
import { importOrders, importProducts } from '../../../src/app/sync/file-import';
import { readOrders, readProducts } from '../../../src/sync';
import { csvRecords } from '../../../src/sync/file/csv';
import { FileBackend, RETURNS_HEADER } from '../../../src/sync/file/backend';
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
  it('reads the pickup point, cash on delivery and declared value carriers need, and keeps them on the order', () => {
    const json = JSON.stringify([
      {
        number: 'IMP-1',
        customer_name: 'Jan Kowalski',
        street: 'ul. Długa 5',
        city: 'Kraków',
        postcode: '30-001',
        country: 'pl',
        carrier: 'inpost',
        service: 'locker',
        pickup_point: 'KRA010',
        pickup_point_name: 'Paczkomat KRA010, ul. Długa 5',
        cod: '129,90',
        declared_value: '120',
        sku: 'MUG-01',
        quantity: 1,
      },
      { number: 'IMP-2', customer_name: 'Ewa', street: 's', city: 'c', postcode: 'p', country: 'PL', cod: 'dużo', sku: 'MUG-01', quantity: 1 },
    ]);
    const read = readOrders(json, 'json', NOW);
    expect(read.orders.map((o) => o.delivery)).toEqual([
      {
        pickupPoint: { id: 'KRA010', name: 'Paczkomat KRA010, ul. Długa 5' },
        cod: { minor: 12990, currency: 'PLN' },
        declaredValue: { minor: 12000, currency: 'PLN' },
      },
    ]);
    expect(read.errors).toEqual([{ line: 2, message: 'cod "dużo" is not an amount' }]);
    importProducts(
      s.store,
      [
        {
          sku: 'MUG-01',
          name: 'Kubek',
          weightGrams: 300,
          tracking: 'none',
          refuseExpired: false,
          returnable: true,
          isKit: false,
          fragile: false,
          barcodes: [],
        },
      ],
      [],
    );
    importOrders({ store: s.store, links: s.sync.links, clock: { now: () => new Date(NOW) } }, read.orders, []);
    expect(s.store.orders.byNumber('IMP-1')?.delivery).toEqual(read.orders[0]!.delivery);
  });

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

  it('reads refuse_expired and returnable as plainly as fragile: an unclear value refuses its row rather than passing as no', () => {
    const csv = [
      'sku;name;weight_grams;tracking;refuse_expired;returnable',
      'TEA-01;Herbata;120;lot;Y;n',
      'TEA-02;Herbata;120;lot;x;',
      'SOAP-01;Mydło;90;none;;nope',
    ].join('\n');
    const read = readProducts(csv, 'csv');
    expect(read.products.map((p) => [p.sku, p.refuseExpired, p.returnable])).toEqual([['TEA-01', true, false]]);
    expect(read.errors).toEqual([
      { line: 3, message: 'refuse_expired "x" is not true/false, 1/0, yes/no or tak/nie' },
      { line: 4, message: 'returnable "nope" is not true/false, 1/0, yes/no or tak/nie' },
    ]);
  });

  it('reads an optional fragile column said plainly, not fragile when left out, and refuses any other value by its line', () => {
    const csv = [
      'sku;name;weight_grams;fragile',
      'VASE-01;Wazon;750;tak',
      'CUP-01;Filiżanka;290;TRUE',
      'BULB-01;Żarówka;55;1',
      'TOWEL-01;Ręcznik;500;nie',
      'MAT-01;Dywanik;480;',
      'LAMP-01;Lampa;900;maybe',
      'PAN-01;Patelnia;900;0',
    ].join('\n');
    const read = readProducts(csv, 'csv');
    expect(read.products.map((p) => [p.sku, p.fragile])).toEqual([
      ['VASE-01', true],
      ['CUP-01', true],
      ['BULB-01', true],
      ['TOWEL-01', false],
      ['MAT-01', false],
      ['PAN-01', false],
    ]);
    expect(read.errors).toEqual([{ line: 7, message: 'fragile "maybe" is not true/false, 1/0, yes/no or tak/nie' }]);
    const json = readProducts(
      JSON.stringify([
        { sku: 'J-1', name: 'Szklanka', fragile: true },
        { sku: 'J-2', name: 'Kubek', fragile: 'no' },
        { sku: 'J-3', name: 'Talerz', fragile: 2 },
      ]),
      'json',
    );
    expect(json.products.map((p) => [p.sku, p.fragile])).toEqual([
      ['J-1', true],
      ['J-2', false],
    ]);
    expect(json.errors).toEqual([{ line: 3, message: 'fragile "2" is not true/false, 1/0, yes/no or tak/nie' }]);

    expect(importProducts(s.store, read.products, read.errors).imported).toBe(6);
    expect(s.store.catalog.productBySku('VASE-01')?.fragile).toBe(true);
    expect(s.store.catalog.productBySku('TOWEL-01')?.fragile).toBe(false);
    expect(s.store.catalog.productBySku('LAMP-01')).toBeNull();
    // The fixtures' file has no fragile column: none of its products is fragile.
    importFixtures();
    expect(s.store.catalog.productBySku('MUG-01')?.fragile).toBe(false);
  });

  it('takes the fragile mark from the shop’s products file at a sync, and takes it off when the file does', async () => {
    const productsFile = path.join(s.shopFiles, 'products.csv');
    fs.writeFileSync(productsFile, 'sku;name;weight_grams;fragile\nVASE-01;Wazon;750;yes\nTOWEL-01;Ręcznik;500;\n');
    await ok(s.call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
    await ok(s.call('sync.settings.set', { settings: { kind: 'file', file: { ordersFile: null, productsFile, exportFile: null } } }));
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ error: null });
    expect([s.store.catalog.productBySku('VASE-01')?.fragile, s.store.catalog.productBySku('TOWEL-01')?.fragile]).toEqual([true, false]);
    fs.writeFileSync(productsFile, 'sku;name;weight_grams;fragile\nVASE-01;Wazon;750;no\n');
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ error: null });
    expect(s.store.catalog.productBySku('VASE-01')?.fragile).toBe(false);
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

  describe('decided returns', () => {
    /** F-1005 packed and exported, and a decided return of two of its three pens queued as the desk queues it. */
    async function packedAndReturned(): Promise<{ push: ReturnPush; exportFile: string }> {
      importFixtures();
      const exportFile = path.join(s.shopFiles, 'shipped.csv');
      await ok(s.call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
      await ok(s.call('settings.packing', { requireWeight: false }));
      await ok(s.call('sync.settings.set', { settings: { kind: 'file', file: { ordersFile: null, productsFile: null, exportFile } } }));
      await ok(packOrder(s.call, 'F-1005', ['PEN-03', 'PEN-03', 'PEN-03']));
      await ok(s.call('sync.now', {}));
      const order = s.store.orders.byNumber('F-1005')!;
      const push: ReturnPush = {
        idempotencyKey: 'returned:R-2026-00007',
        externalOrderId: s.sync.links.externalId(order.id)!.externalId,
        orderNumber: 'F-1005',
        returnNumber: 'R-2026-00007',
        returnType: 'complaint',
        lines: [
          { externalLineId: '', sku: 'PEN-03', quantity: 1, condition: 'unopened', disposition: 'restock', reason: 'changed_mind' },
          { externalLineId: '', sku: 'PEN-03', quantity: 1, condition: 'damaged', disposition: 'to_supplier', reason: 'not_as_described; pęknięta' },
        ],
        refund: { amountMinor: 1250, currency: 'PLN', reason: 'Reklamacja uznana' },
        note: 'Klient prosi o zwrot "na konto"',
      };
      s.sync.outbox.add({ type: 'returned', orderId: order.id, orderNumber: 'F-1005', idempotencyKey: push.idempotencyKey, createdAt: NOW, payload: push });
      return { push, exportFile };
    }

    it('appends a return to returns.csv beside the export, one row per line with the refund once, and reads it back', async () => {
      const { push, exportFile } = await packedAndReturned();
      expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 1, error: null });
      const returnsFile = path.join(s.shopFiles, 'returns.csv');
      const text = fs.readFileSync(returnsFile, 'utf8');
      expect(text.split('\n')[0]).toBe(RETURNS_HEADER);
      const rows = csvRecords(text).records.map((r) => r.record);
      expect(rows).toEqual([
        expect.objectContaining({
          return_number: 'R-2026-00007',
          order_number: 'F-1005',
          return_type: 'complaint',
          line_no: '1',
          sku: 'PEN-03',
          quantity: '1',
          condition: 'unopened',
          disposition: 'restock',
          refund_amount: '12.50',
          refund_currency: 'PLN',
          refund_reason: 'Reklamacja uznana',
          note: 'Klient prosi o zwrot "na konto"',
          idempotency_key: 'returned:R-2026-00007',
        }),
        expect.objectContaining({
          line_no: '2',
          condition: 'damaged',
          disposition: 'to_supplier',
          reason: 'not_as_described; pęknięta',
          refund_amount: '',
          note: '',
        }),
      ]);
      const backend = new FileBackend({ ordersFile: null, productsFile: null, exportFile }, new ShopFileFolders([s.shopFiles]));
      expect(await backend.hasReturn(push)).toBe(true);
      expect(await backend.hasReturn({ ...push, returnNumber: 'R-2026-00008' })).toBe(false);
      // The shipments export is untouched by returns.
      expect(fs.readFileSync(exportFile, 'utf8').trim().split('\n')).toHaveLength(2);
      expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 0 });
      expect(csvRecords(fs.readFileSync(returnsFile, 'utf8')).records).toHaveLength(2);
    });

    it('does not write a return twice when the station died after writing it and before recording that', async () => {
      const { push, exportFile } = await packedAndReturned();
      // The dying station: the rows reached the file, the attempt was counted, nothing more.
      await new FileBackend({ ordersFile: null, productsFile: null, exportFile }, new ShopFileFolders([s.shopFiles])).pushReturn(push);
      s.db.prepare('UPDATE sync_outbox SET attempts = 1 WHERE idempotency_key = ?').run(push.idempotencyKey);
      expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 1, error: null });
      expect(csvRecords(fs.readFileSync(path.join(s.shopFiles, 'returns.csv'), 'utf8')).records).toHaveLength(2);
      const sent = s.sync.outbox.list(['sent'], 10).find((e) => e.type === 'returned')!;
      expect(s.sync.outbox.byId(sent.id)!.remoteRef).toBe('found-at-shop');
    });

    it('parks a return when no export file is set, and writes nothing', async () => {
      await packedAndReturned();
      await ok(s.call('sync.settings.set', { settings: { kind: 'file', file: { ordersFile: null, productsFile: null, exportFile: null } } }));
      expect(await ok(s.call('sync.now', {}))).toMatchObject({ parked: 1 });
      expect(s.sync.outbox.list(['parked'], 10)).toEqual([
        expect.objectContaining({ type: 'returned', lastError: expect.stringContaining('No export file is set') }),
      ]);
      expect(fs.existsSync(path.join(s.shopFiles, 'returns.csv'))).toBe(false);
    });
  });
});
