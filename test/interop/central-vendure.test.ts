import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCentral, type RunningCentral } from '../../src/central/central';
import { readShopFile } from '../../src/central/shop-sync';
import { createHttpCentralLink } from '../../src/central-link/http-link';
import { publicKeyText } from '../../src/platform/request-signature';
import { usePostgres } from '../support/postgres-server';
import { orderByCode, placeOrder, variantIds } from './support/vendure-orders';
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

it('a shipment packed at an attached station reaches Vendure once, from central, after central was down', async () => {
  const settingsFile = path.join(shopDir, 'shop.json');
  fs.writeFileSync(settingsFile, JSON.stringify({ kind: 'vendure', vendure: vendure(), everySeconds: 3600 }));
  const { backend } = readShopFile(settingsFile, 'superadmin');
  const database = await server().createDatabase();
  const start = (port = 0) => startCentral({ databaseUrl: database, host: '127.0.0.1', port, logger: silent, shop: { backend, everySeconds: 3600 } });
  let c: RunningCentral = await start();
  const port = Number(new URL(c.url).port);
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  await c.store.stations.register({ id: 'ST-01', name: 'ST-01', publicKey: publicKeyText(privateKey) }, new Date());
  const link = createHttpCentralLink({ url: c.url, stationId: 'ST-01', privateKey, timeoutMs: 2000 });
  let s: SyncStation | null = null;
  try {
    s = createSyncStation(undefined, { central: { link, stationId: 'ST-01', leaseBatch: 2 } });
    await ok(s.call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
    await ok(s.call('settings.packing', { requireWeight: false }));
    await ok(s.call('sync.settings.set', { settings: { kind: 'vendure', vendure: vendure() }, secret: 'superadmin' }));
    const code = await placeOrder(shop.env, await variantIds(shop.env), [{ sku: 'VD-MUG-01', quantity: 1 }]);
    // The station still pulls the orders itself.
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pulledOrders: 1, pushed: 0, error: null });
    await ok(packOrder(s.call, code, [MUG]));

    await c.close();
    const down = await ok(s.call('sync.now', {}));
    expect(down.error?.message).toMatch(/Central cannot be reached/);
    expect(s.sync.outbox.counts()).toMatchObject({ queued: 1, parked: 0 });
    expect((await orderByCode(shop.env, code)).fulfillments).toEqual([]);

    c = await start(port);
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 1, error: null });
    for (let i = 0; i < 50 && (await c.store.outbox.counts()).queued > 0; i++) await c.shopSync!.runOnce();
    const shipped = await orderByCode(shop.env, code);
    expect(shipped.state).toBe('Shipped');
    expect(shipped.fulfillments).toEqual([expect.objectContaining({ state: 'Shipped', trackingCode: code })]);
    // Nothing more goes, from the station or from central.
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 0, error: null });
    await c.shopSync!.runOnce();
    expect((await orderByCode(shop.env, code)).fulfillments.filter((f) => f.state !== 'Cancelled')).toHaveLength(1);
    expect(await c.store.outbox.counts()).toEqual({ queued: 0, parked: 0, sent: 1 });
  } finally {
    s?.close();
    await c.close();
  }
}, 120_000);
