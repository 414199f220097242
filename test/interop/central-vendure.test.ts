import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ShopBackend } from '../../src/app/ports/backend';
import { startCentral, type RunningCentral } from '../../src/central/central';
import { readShopFile } from '../../src/central/shop-sync';
import { createHttpCentralLink } from '../../src/central-link/http-link';
import { publicKeyText } from '../../src/platform/request-signature';
import { usePostgres } from '../support/postgres-server';
import { cancelInVendure, orderByCode, placeOrder, variantIds } from './support/vendure-orders';
import { startVendure, type VendureShop } from './support/vendure-server';
import { createSyncStation, ok, packOrder, type SyncStation } from './support/sync-station';

// Real Vendure 3 (as vendure-sync.test.ts, on its own port) and a real PostgreSQL for central.
const PORT = 3873;
const MUG = '5901234123457';
const server = usePostgres();
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
let shop: VendureShop;
let shopDir: string;

beforeAll(async () => {
  shop = await startVendure(PORT);
  shopDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-central-vendure-'));
}, 120_000);

afterAll(async () => {
  await shop?.destroy();
  if (shopDir) fs.rmSync(shopDir, { recursive: true, force: true });
});

const vendure = () => ({
  url: shop.url,
  username: 'superadmin',
  channelToken: null,
  barcodeField: 'barcode',
  fulfillmentHandler: 'manual-fulfillment',
  pageSize: 2,
});

it('central pulls from Vendure once for two stations; one packs, the shipment reaches Vendure once, from central, after central was down', async () => {
  const settingsFile = path.join(shopDir, 'shop.json');
  fs.writeFileSync(settingsFile, JSON.stringify({ kind: 'vendure', vendure: vendure(), everySeconds: 3600 }));
  const { backend: real } = readShopFile(settingsFile, 'superadmin');
  // Every order query central makes of Vendure, counted.
  let orderQueries = 0;
  const backend: ShopBackend = Object.assign(Object.create(real) as ShopBackend, {
    pullOrders: (cursor: string | null) => (orderQueries++, real.pullOrders(cursor)),
    ordersById: (ids: string[]) => (orderQueries++, real.ordersById(ids)),
  });
  const database = await server().createDatabase();
  // Central pulls when the test says (pull: false), so the order placed below is in the pull the test waits for.
  const start = (port = 0) =>
    startCentral({ databaseUrl: database, host: '127.0.0.1', port, logger: silent, shop: { backend, everySeconds: 3600, pull: false } });
  let c: RunningCentral = await start();
  const port = Number(new URL(c.url).port);
  const stations: SyncStation[] = [];
  try {
    for (const id of ['ST-01', 'ST-02']) {
      const { privateKey } = crypto.generateKeyPairSync('ed25519');
      await c.store.stations.register({ id, name: id, publicKey: publicKeyText(privateKey) }, new Date());
      const link = createHttpCentralLink({ url: c.url, stationId: id, privateKey, timeoutMs: 3000 });
      // No shop settings at the station: the orders come from central.
      const s = createSyncStation(undefined, { central: { link, stationId: id, leaseBatch: 2 } });
      stations.push(s);
      await ok(s.call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
      await ok(s.call('settings.packing', { requireWeight: false }));
    }
    const [a, b] = stations as [SyncStation, SyncStation];
    const ids = await variantIds(shop.env);
    const code = await placeOrder(shop.env, ids, [{ sku: 'VD-MUG-01', quantity: 1 }]);
    const other = await placeOrder(shop.env, ids, [{ sku: 'VD-MUG-01', quantity: 2 }]);
    expect(await c.shopPull!.runOnce()).toMatchObject({ error: null });
    const asked = orderQueries;
    for (const s of [a, b]) {
      const run = await ok(s.call('sync.now', {}));
      expect(run).toMatchObject({ pushed: 0, error: null });
      expect(run.pulledOrders).toBeGreaterThanOrEqual(2);
      expect(s.store.orders.byNumber(code)).toMatchObject({ status: 'ready' });
      // The shop's fragile mark comes through central with the product.
      expect(s.store.catalog.productBySku('VD-MUG-01')?.fragile).toBe(true);
    }
    // The stations asked central, not Vendure.
    expect(orderQueries).toBe(asked);
    expect((await ok(a.call('sync.status', {}))).central).toMatchObject({ shopKind: 'vendure', shopError: null });

    // Cancelled at Vendure: central's next pull carries it to both stations.
    await cancelInVendure(shop.env, (await orderByCode(shop.env, other)).id);
    await c.shopPull!.runOnce();
    for (const s of [a, b]) {
      expect(await ok(s.call('sync.now', {}))).toMatchObject({ cancelledOrders: 1, error: null });
      expect(s.store.orders.byNumber(other)).toMatchObject({ status: 'cancelled' });
    }

    // One station packs; the other cannot open it.
    await ok(packOrder(a.call, code, [MUG]));
    expect(await b.call('pack.open', { code })).toMatchObject({ ok: false, error: { code: 'ORDER_OPEN_ELSEWHERE', params: { station: 'ST-01' } } });

    await c.close();
    const down = await ok(a.call('sync.now', {}));
    expect(down.error?.message).toMatch(/Central cannot be reached/);
    expect(a.sync.outbox.counts()).toMatchObject({ queued: 1, parked: 0 });
    expect((await orderByCode(shop.env, code)).fulfillments).toEqual([]);

    c = await start(port);
    expect(await ok(a.call('sync.now', {}))).toMatchObject({ pushed: 1, error: null });
    for (let i = 0; i < 50 && (await c.store.outbox.counts()).queued > 0; i++) await c.shopSync!.runOnce();
    const shipped = await orderByCode(shop.env, code);
    expect(shipped.state).toBe('Shipped');
    expect(shipped.fulfillments).toEqual([expect.objectContaining({ state: 'Shipped', trackingCode: code })]);
    // Nothing more goes, from the station or from central; Vendure's "shipped" is not news to the other station.
    await c.shopPull!.runOnce();
    expect(await ok(a.call('sync.now', {}))).toMatchObject({ pushed: 0, error: null });
    expect(await ok(b.call('sync.now', {}))).toMatchObject({ changedOrders: 0, error: null });
    expect((await ok(b.call('sync.status', {}))).flagged).toEqual([]);
    await c.shopSync!.runOnce();
    expect((await orderByCode(shop.env, code)).fulfillments.filter((f) => f.state !== 'Cancelled')).toHaveLength(1);
    expect(await c.store.outbox.counts()).toEqual({ queued: 0, parked: 0, sent: 1 });
  } finally {
    for (const s of stations) s.close();
    await c.close();
  }
}, 180_000);
