import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { ShopBackend } from '../../../src/app/ports/backend';
import type { CentralLink } from '../../../src/app/ports/central';
import { startCentral, type RunningCentral } from '../../../src/central/central';
import { readShopFile } from '../../../src/central/shop-sync';
import { createHttpCentralLink } from '../../../src/central-link/http-link';
import { computeStatistics, defaultFit, type Figures, type Statistics } from '../../../src/domain/statistics';
import { readStationKey } from '../../../src/journal/key-file';
import { loadOrCreateCentralKey } from '../../../src/platform/central-key';
import { createJournalRows } from '../../../src/storage/repositories/journal-rows';
import { createStatisticsSource } from '../../../src/storage/repositories/statistics';
import { createSyncStation, ok, packOrder, type SyncStation } from '../../interop/support/sync-station';
import { usePostgres } from '../../support/postgres-server';
import { link as replicationLink, register, replicate, signedPost, worker } from './replication-fixtures';

const server = usePostgres();
const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/sync');
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const open: { central: RunningCentral[]; stations: SyncStation[]; dirs: string[] } = { central: [], stations: [], dirs: [] };
afterEach(async () => {
  for (const s of open.stations.splice(0)) s.close();
  for (const c of open.central.splice(0)) await c.close();
  for (const d of open.dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const HEADER = 'number,customer_name,street,city,postcode,country,carrier,created_at,sku,quantity,status';
const row = (number: string, sku: string, quantity: number, status = 'ready') =>
  `${number},Jan Nowak,ul. Długa 5,Kraków,30-001,pl,inpost,2026-11-19T10:00:00Z,${sku},${quantity},${status}`;

/** The shop: the file backend over files in a folder of central's own, set up as `--shop FILE` reads it, every call to it counted. */
function fileShop() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-central-orders-'));
  open.dirs.push(dir);
  const ordersFile = path.join(dir, 'orders.csv');
  const productsFile = path.join(dir, 'products.csv');
  fs.copyFileSync(path.join(fixtures, 'products.csv'), productsFile);
  const orders = [row('F-2001', 'MUG-01', 1), row('F-2002', 'PEN-03', 2), row('F-2003', 'MUG-01', 1), row('F-2003', 'PEN-03', 1), row('F-2004', 'TEA-02', 1)];
  fs.writeFileSync(ordersFile, [HEADER, ...orders].join('\n') + '\n');
  const settingsFile = path.join(dir, 'shop.json');
  fs.writeFileSync(settingsFile, JSON.stringify({ kind: 'file', file: { ordersFile, productsFile, exportFile: path.join(dir, 'shipped.csv') } }));
  const { backend: real } = readShopFile(settingsFile, null);
  const calls = { pullProducts: 0, pullOrders: 0, ordersById: 0 };
  const backend: ShopBackend = {
    ...real,
    kind: real.kind,
    pullProducts: (c) => (calls.pullProducts++, real.pullProducts(c)),
    pullOrders: (c) => (calls.pullOrders++, real.pullOrders(c)),
    ordersById: (ids) => (calls.ordersById++, real.ordersById(ids)),
    hasShipment: (p) => real.hasShipment(p),
    pushShipment: (p) => real.pushShipment(p),
  };
  const write = (lines: string[]) => fs.writeFileSync(ordersFile, [HEADER, ...lines].join('\n') + '\n');
  return { dir, ordersFile, backend, calls, orders, write };
}

async function central(shop: ReturnType<typeof fileShop>, databaseUrl?: string): Promise<RunningCentral> {
  const url = databaseUrl ?? (await server().createDatabase());
  const c = await startCentral({
    databaseUrl: url,
    host: '127.0.0.1',
    port: 0,
    logger: silent,
    shop: { backend: shop.backend, everySeconds: 3600, pull: false },
  });
  open.central.push(c);
  return c;
}

/** A station with its own SQLite attached to central as `id` (its central key in its data folder), its shop settings left empty. */
async function attached(c: RunningCentral, id: string, wrap: (link: CentralLink) => CentralLink = (l) => l): Promise<SyncStation> {
  let link: CentralLink | null = null;
  const lazy = new Proxy({} as CentralLink, { get: (_t, name: keyof CentralLink) => link![name] });
  const s = createSyncStation(undefined, { central: { link: lazy, stationId: id, leaseBatch: 2 } });
  open.stations.push(s);
  await register(c, id, s.dir);
  link = wrap(createHttpCentralLink({ url: c.url, stationId: id, privateKey: loadOrCreateCentralKey(s.dir).privateKey, timeoutMs: 3000 }));
  await ok(s.call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
  await ok(s.call('settings.packing', { requireWeight: false }));
  return s;
}

const orderNumbers = (s: SyncStation) =>
  (s.db.prepare('SELECT number, status FROM orders ORDER BY number').all() as { number: string; status: string }[]).map((o) => `${o.number}:${o.status}`);

describe('central pulls the orders once for the warehouse; stations fetch them from central', () => {
  it('two stations get the same orders from one pull at the shop; claims still decide who packs; a new order and a cancellation reach both', async () => {
    const shop = fileShop();
    const c = await central(shop);
    expect(await c.shopPull!.runOnce()).toMatchObject({ error: null });
    const pulled = { ...shop.calls };
    const a = await attached(c, 'ST-A');
    const b = await attached(c, 'ST-B');
    for (const s of [a, b]) expect(await ok(s.call('sync.now', {}))).toMatchObject({ pulledOrders: 4, error: null });
    expect(orderNumbers(a)).toEqual(['F-2001:ready', 'F-2002:ready', 'F-2003:ready', 'F-2004:ready']);
    expect(orderNumbers(b)).toEqual(orderNumbers(a));
    // The shop was asked by central only, once.
    expect(shop.calls).toEqual(pulled);
    expect(shop.calls.pullOrders).toBe(1);
    // Linked as if pulled from the shop directly, and the products came with them.
    const f2003 = a.store.orders.byNumber('F-2003')!;
    expect(a.sync.links.externalId(f2003.id)).toEqual({ backend: 'file', externalId: 'F-2003' });
    expect(b.store.catalog.productBySku('PEN-03')).toMatchObject({ name: 'Długopis' });
    const status = await ok(a.call('sync.status', {}));
    expect(status).toMatchObject({ kind: 'none', central: { shopKind: 'file', shopError: null } });

    // The claims still decide.
    expect((await a.call('pack.open', { code: 'F-2001' })).ok).toBe(true);
    expect(await b.call('pack.open', { code: 'F-2001' })).toMatchObject({ ok: false, error: { code: 'ORDER_OPEN_ELSEWHERE', params: { station: 'ST-A' } } });

    // A new order and a cancellation at the shop: central pulls again, both stations hear of both.
    shop.write([...shop.orders.filter((l) => !l.startsWith('F-2002')), row('F-2002', 'PEN-03', 2, 'cancelled'), row('F-2005', 'MUG-01', 3)]);
    await c.shopPull!.runOnce();
    for (const s of [a, b]) expect(await ok(s.call('sync.now', {}))).toMatchObject({ pulledOrders: 1, cancelledOrders: 1, error: null });
    expect(orderNumbers(a)).toEqual(['F-2001:ready', 'F-2002:cancelled', 'F-2003:ready', 'F-2004:ready', 'F-2005:ready']);
    expect(orderNumbers(b)).toEqual(orderNumbers(a));
    // Nothing new: nothing comes again.
    for (const s of [a, b]) expect(await ok(s.call('sync.now', {}))).toMatchObject({ pulledOrders: 0, changedOrders: 0, error: null });
  }, 60_000);

  it("central's shop down: stations keep packing what they have, and their sync status says why", async () => {
    const shop = fileShop();
    const c = await central(shop);
    await c.shopPull!.runOnce();
    const a = await attached(c, 'ST-A');
    await ok(a.call('sync.now', {}));
    fs.rmSync(shop.ordersFile);
    const failed = await c.shopPull!.runOnce();
    expect(failed?.error?.message).toBeTruthy();
    expect((await c.store.orders.shopState())?.lastError).toBe(failed!.error!.message);

    const run = await ok(a.call('sync.now', {}));
    expect(run.error?.message).toMatch(
      /^Central cannot reach the shop \(its last good pull was at .*\), so no new orders come in; the station packs the orders it has: /,
    );
    const status = await ok(a.call('sync.status', {}));
    expect(status.central).toMatchObject({ shopKind: 'file', shopError: failed!.error!.message });
    expect(status.lastError).toBe(run.error!.message);
    expect(orderNumbers(a)).toHaveLength(4);
    await ok(packOrder(a.call, 'F-2002', ['5901234000024', '5901234000024']));
    expect(orderNumbers(a)).toContain('F-2002:shipped');

    // The shop back: central's next pull clears the status.
    shop.write(shop.orders);
    expect(await c.shopPull!.runOnce()).toMatchObject({ error: null });
    expect(await ok(a.call('sync.now', {}))).toMatchObject({ error: null });
    expect((await ok(a.call('sync.status', {}))).central).toMatchObject({ shopError: null });
  }, 60_000);

  it('a station restarted in the middle of fetching from central loses nothing and takes nothing twice', async () => {
    const shop = fileShop();
    const c = await central(shop);
    await c.shopPull!.runOnce();
    // Pages of one record; the fetch dies at the sixth page (three products, then two orders, kept) (each page is kept with its cursor in one transaction, or not at all).
    let pages = 0;
    let dying = true;
    const a = await attached(c, 'ST-A', (real) => ({
      ...real,
      orderChanges: async (cursor) => {
        if (dying && ++pages === 6) throw new Error('killed');
        return real.orderChanges(cursor, 1);
      },
    }));
    expect((await ok(a.call('sync.now', {}))).error?.message).toMatch(/killed/);
    const halfway = orderNumbers(a);
    expect(halfway).toEqual(['F-2001:ready', 'F-2002:ready']);
    dying = false;
    // Started again over the same database: it resumes from the last page it kept.
    const again = a.reopen();
    expect(await again.dispatch('sync.now', {})).toMatchObject({ ok: true, value: { error: null } });
    expect(orderNumbers(a)).toEqual(['F-2001:ready', 'F-2002:ready', 'F-2003:ready', 'F-2004:ready']);
    expect(a.db.prepare('SELECT count(*) AS n FROM order_lines').get()).toEqual({ n: 5 });
  }, 60_000);

  it("statistics at central, order lines included, equal the sum of each station's own", async () => {
    const shop = fileShop();
    const c = await central(shop);
    await c.shopPull!.runOnce();
    const a = await attached(c, 'ST-A');
    const b = await attached(c, 'ST-B');
    for (const s of [a, b]) await ok(s.call('sync.now', {}));
    await ok(packOrder(a.call, 'F-2001', ['5901234123457']));
    await ok(packOrder(a.call, 'F-2003', ['5901234123457', '5901234000024']));
    await ok(packOrder(b.call, 'F-2002', ['5901234000024', '5901234000024']));
    await ok(packOrder(b.call, 'F-2004', ['TEA-02']));
    for (const [id, s] of [['ST-A', a] as const, ['ST-B', b] as const]) {
      const rows = createJournalRows(s.db);
      expect(await replicate(worker(rows, readStationKey(s.dir)!.publicKey, replicationLink(c.url, id, s.dir), 50))).toBe('idle');
    }
    const period = { from: '2026-01-01T00:00:00.000Z', to: '2099-01-01T00:00:00.000Z' };
    const atCentral = await signedPost<Pick<Statistics, 'packers' | 'total'>>(c.url, 'ST-A', a.dir, '/v1/console/statistics', period);
    const sessions = [a, b].map((s) => createStatisticsSource(s.db).completedSessions(period));
    const stats = (list: (typeof sessions)[number]) => computeStatistics({ sessions: list, attributions: [], fits: new Map(), defaultFit: defaultFit() });
    const own = sessions.map(stats);
    const additive = (f: Figures) => [f.orders, f.units, f.scans, f.errorsTotal, f.parcels, f.lines, f.expectedSeconds];
    const summed = own.map((s) => additive(s.total)).reduce((x, y) => x.map((v, i) => v + y[i]!));
    expect(additive(atCentral.total).map((v) => Math.round(v * 1000))).toEqual(summed.map((v) => Math.round(v * 1000)));
    // Active time is shown to a tenth of a second: each station's is rounded before they are added
    // here, central rounds its sum, so the two may differ by up to a tenth per station.
    const activeSummed = own.reduce((n, s) => n + s.total.activeSeconds, 0);
    expect(Math.abs(atCentral.total.activeSeconds - activeSummed)).toBeLessThanOrEqual(0.1 * own.length + 1e-9);
    // The figures made from lines are there: 5 lines over 4 orders, and an expected time (so a score).
    expect(atCentral.total.lines).toBe(5);
    expect(atCentral.total.expectedSeconds).toBeGreaterThan(0);
    // The score is not a sum: it is what the same functions make of both stations' sessions together.
    expect(atCentral.total.score).not.toBeNull();
    expect(atCentral.total.score).toBeCloseTo(stats(sessions.flat()).total.score!, 6);
  }, 90_000);
});
