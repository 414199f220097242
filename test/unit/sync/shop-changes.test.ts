import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createSyncStation, ok, packOrder, type SyncStation } from '../../interop/support/sync-station';

// What the shop changes about an order after the station pulled it: where and how it ships, and
// its lines, follow the shop until it is packed; after, a change that decides the label is a
// manager's. The shop here is the file backend: its orders file is what the shop says now.

const HEADER = 'number,customer_name,street,city,postcode,country,carrier,service,pickup_point,cod,currency,note,created_at,sku,quantity';
const PRODUCTS = 'sku;name;weight_grams;barcodes\nMUG-01;Kubek;350;5901234123457\nTEA-02;Herbata;120;5901234000024\n';

interface Row {
  customer?: string;
  street?: string;
  carrier?: string;
  point?: string;
  cod?: string;
  note?: string;
  sku?: string;
}
const row = (r: Row = {}) =>
  [
    'S-1',
    r.customer ?? 'Anna Nowak',
    r.street ?? 'ul. Długa 5',
    'Kraków',
    '30-001',
    'PL',
    r.carrier ?? 'inpost',
    'locker',
    r.point ?? 'KRA01M',
    r.cod ?? '',
    'PLN',
    r.note ?? '',
    '2026-11-19T10:00:00Z',
    r.sku ?? 'MUG-01',
    '1',
  ].join(',');

let s: SyncStation;
let ordersFile: string;
/** The shop now says the order is `r`; the station syncs. */
const shopSays = async (r: Row = {}) => {
  fs.writeFileSync(ordersFile, `${HEADER}\n${row(r)}\n`);
  return ok(s.call('sync.now', {}));
};
const order = () => s.store.orders.byNumber('S-1')!;
const entries = (type: string) => s.db.prepare('SELECT payload FROM journal_entries WHERE type = ? ORDER BY seq').all(type) as { payload: string }[];

beforeEach(async () => {
  s = createSyncStation();
  ordersFile = path.join(s.shopFiles, 'orders.csv');
  const productsFile = path.join(s.shopFiles, 'products.csv');
  fs.writeFileSync(productsFile, PRODUCTS);
  fs.writeFileSync(ordersFile, `${HEADER}\n${row()}\n`);
  await ok(s.call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
  await ok(s.call('settings.packing', { requireWeight: false }));
  await ok(s.call('sync.settings.set', { settings: { kind: 'file', file: { ordersFile, productsFile, exportFile: null } } }));
  expect(await ok(s.call('sync.now', {}))).toMatchObject({ pulledOrders: 1, error: null });
});
afterEach(() => s.close());

it('takes a new address, pickup point, cash on delivery and note from the shop before packing, and says what changed', async () => {
  expect(await shopSays({ customer: 'Anna Kowalska', street: 'ul. Nowa 7', point: 'KRA02M', cod: '49.90', note: 'Dzwonić' })).toMatchObject({ error: null });
  expect(order()).toMatchObject({
    customerName: 'Anna Kowalska',
    shipTo: { street: 'ul. Nowa 7' },
    delivery: { pickupPoint: { id: 'KRA02M' }, cod: { minor: 4990, currency: 'PLN' } },
    note: 'Dzwonić',
  });
  const [changed] = entries('sync.details_changed');
  expect(JSON.parse(changed!.payload)).toEqual({ parts: ['customer', 'address', 'pickupPoint', 'cod', 'note'] });
  // The queue finds the order by the new name, no longer by the old one.
  expect((await ok(s.call('queue.list', { search: 'kowalska' }))).total).toBe(1);
  expect((await ok(s.call('queue.list', { search: 'nowak' }))).total).toBe(0);
  // The same record again changes nothing and journals nothing.
  await shopSays({ customer: 'Anna Kowalska', street: 'ul. Nowa 7', point: 'KRA02M', cod: '49.90', note: 'Dzwonić' });
  expect(entries('sync.details_changed')).toHaveLength(1);
});

it('an order open at a station takes the new address too (its label is made at completion, from the order then)', async () => {
  await ok(s.call('scan.submit', { data: 'S-1', symbology: null, source: 'wedge' }));
  await shopSays({ street: 'ul. Nowa 7' });
  expect(order().shipTo.street).toBe('ul. Nowa 7');
  expect(s.sync.links.isFlagged(order().id)).toBe(false);
});

it('finds an order by the SKU of lines the shop changed', async () => {
  await shopSays({ sku: 'TEA-02' });
  expect(order().lines.map((l) => l.sku)).toEqual(['TEA-02']);
  expect((await ok(s.call('queue.list', { search: 'tea-02' }))).total).toBe(1);
});

it('flags a packed order whose address the shop changed afterwards, once, and leaves the order as it was packed', async () => {
  expect(await ok(packOrder(s.call, 'S-1', ['5901234123457']))).toMatchObject({ status: 'shipped' });
  await shopSays({ street: 'ul. Nowa 7' });
  expect(order().shipTo.street).toBe('ul. Długa 5');
  expect(s.sync.links.isFlagged(order().id)).toBe(true);
  expect(entries('sync.flagged').map((e) => JSON.parse(e.payload))).toEqual([{ reason: 'details_changed_after_packing' }]);
  await shopSays({ street: 'ul. Nowa 9' });
  expect(entries('sync.flagged')).toHaveLength(1);
});

it('a note changed after packing is not a manager’s problem', async () => {
  await ok(packOrder(s.call, 'S-1', ['5901234123457']));
  await shopSays({ note: 'Prezent' });
  expect(s.sync.links.isFlagged(order().id)).toBe(false);
});
