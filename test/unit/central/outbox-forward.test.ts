import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReturnPush } from '../../../src/app/ports/backend';
import { importOrders, importProducts } from '../../../src/app/sync/file-import';
import { startCentral, type RunningCentral } from '../../../src/central/central';
import { CentralShopSync, readShopFile } from '../../../src/central/shop-sync';
import { createHttpCentralLink } from '../../../src/central-link/http-link';
import { publicKeyText } from '../../../src/platform/request-signature';
import { readOrders, readProducts } from '../../../src/sync';
import { csvRecords } from '../../../src/sync/file/csv';
import { createSyncStation, ok, packOrder, type SyncStation } from '../../interop/support/sync-station';
import { usePostgres } from '../../support/postgres-server';

const server = usePostgres();
const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/sync');
const NOW = '2026-11-20T08:00:00.000Z';
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const open: { central: RunningCentral[]; stations: SyncStation[]; dirs: string[] } = { central: [], stations: [], dirs: [] };
afterEach(async () => {
  for (const s of open.stations.splice(0)) s.close();
  for (const c of open.central.splice(0)) await c.close();
  for (const d of open.dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** The shop central delivers to: the file backend, its export in a folder of central's own, set up as `--shop FILE` reads it. */
function centralShop() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-central-shop-'));
  open.dirs.push(dir);
  const exportFile = path.join(dir, 'shipped.csv');
  const settingsFile = path.join(dir, 'shop.json');
  fs.writeFileSync(settingsFile, JSON.stringify({ kind: 'file', file: { exportFile }, everySeconds: 3600 }));
  return { dir, exportFile, returnsFile: path.join(dir, 'returns.csv'), ...readShopFile(settingsFile, null) };
}

async function central(databaseUrl: string, shop: ReturnType<typeof centralShop>, port = 0): Promise<RunningCentral> {
  const c = await startCentral({ databaseUrl, host: '127.0.0.1', port, logger: silent, shop: { backend: shop.backend, everySeconds: 3600 } });
  open.central.push(c);
  return c;
}

async function stop(c: RunningCentral): Promise<void> {
  await c.close();
  open.central.splice(open.central.indexOf(c), 1);
}

/** A station (ST-01, its own SQLite) attached to central, its orders imported from the shop's files, the file backend set. */
async function attachedStation(c: RunningCentral): Promise<SyncStation> {
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  await c.store.stations.register({ id: 'ST-01', name: 'ST-01', publicKey: publicKeyText(privateKey) }, new Date());
  const link = createHttpCentralLink({ url: c.url, stationId: 'ST-01', privateKey, timeoutMs: 2000 });
  const s = createSyncStation(undefined, { central: { link, stationId: 'ST-01', leaseBatch: 2 } });
  open.stations.push(s);
  const products = readProducts(fs.readFileSync(path.join(fixtures, 'products.csv'), 'utf8'), 'csv');
  importProducts(s.store, products.products, products.errors);
  const orders = readOrders(fs.readFileSync(path.join(fixtures, 'orders.csv'), 'utf8'), 'csv', NOW);
  importOrders({ store: s.store, links: s.sync.links, clock: { now: () => new Date(NOW) } }, orders.orders, orders.errors);
  await ok(s.call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
  await ok(s.call('settings.packing', { requireWeight: false }));
  // The station's own export: were it to send to the shop itself, its rows would land here.
  const exportFile = path.join(s.shopFiles, 'shipped.csv');
  await ok(s.call('sync.settings.set', { settings: { kind: 'file', file: { ordersFile: null, productsFile: null, exportFile } } }));
  return s;
}

/** Central's deliveries run until nothing forwarded is queued (a station's forward wakes one; this waits for it). */
async function delivered(c: RunningCentral): Promise<void> {
  for (let i = 0; i < 50; i++) {
    await c.shopSync!.runOnce();
    if ((await c.store.outbox.counts()).queued === 0) return;
  }
  throw new Error(`central still has queued events: ${JSON.stringify(await c.store.outbox.counts())}`);
}

const exported = (file: string) => (fs.existsSync(file) ? csvRecords(fs.readFileSync(file, 'utf8')).records.map((r) => r.record) : []);

function decidedReturn(s: SyncStation, returnNumber: string): ReturnPush {
  const order = s.store.orders.byNumber('F-1005')!;
  const push: ReturnPush = {
    idempotencyKey: `returned:${returnNumber}`,
    externalOrderId: s.sync.links.externalId(order.id)!.externalId,
    orderNumber: 'F-1005',
    returnNumber,
    returnType: 'withdrawal',
    lines: [{ externalLineId: '', sku: 'PEN-03', quantity: 1, condition: 'unopened', disposition: 'restock', reason: 'changed_mind' }],
    refund: { amountMinor: 500, currency: 'PLN', reason: 'Odstąpienie' },
    note: '',
  };
  s.sync.outbox.add({ type: 'returned', orderId: order.id, orderNumber: 'F-1005', idempotencyKey: push.idempotencyKey, createdAt: NOW, payload: push });
  return push;
}

describe('outbox events flow station → central → shop', () => {
  it('a shipment and a return packed at an attached station reach the shop once each, from central and not from the station', async () => {
    const shop = centralShop();
    const c = await central(await server().createDatabase(), shop);
    const s = await attachedStation(c);
    await ok(packOrder(s.call, 'F-1005', ['PEN-03', 'PEN-03', 'PEN-03']));
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 1, error: null });
    const [shipped] = s.sync.outbox.list(['sent'], 10);
    expect(s.sync.outbox.byId(shipped!.id)!.remoteRef).toMatch(/^central:\d+$/);

    const returned = decidedReturn(s, 'R-2026-00001');
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 1, error: null });
    // Asked again with nothing new: nothing goes anywhere.
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 0, error: null });
    await delivered(c);

    expect(fs.existsSync(path.join(s.shopFiles, 'shipped.csv'))).toBe(false);
    const rows = exported(shop.exportFile);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ order_number: 'F-1005' });
    expect(exported(shop.returnsFile)).toEqual([expect.objectContaining({ return_number: returned.returnNumber, order_number: 'F-1005' })]);
    expect(await shop.backend.hasReturn(returned)).toBe(true);
    expect(await c.store.outbox.list(10)).toMatchObject([
      { stationId: 'ST-01', status: 'sent', attempts: 1 },
      { stationId: 'ST-01', status: 'sent', attempts: 1 },
    ]);
  });

  it('a station killed between sending and recording central’s answer sends again, and the shop still hears once', async () => {
    const shop = centralShop();
    const c = await central(await server().createDatabase(), shop);
    const s = await attachedStation(c);
    await ok(packOrder(s.call, 'F-1005', ['PEN-03', 'PEN-03', 'PEN-03']));
    // The same station's database in a process that dies the moment central has answered, before it records the answer.
    const dying = s.reopen((ports) => ({
      ...ports,
      outbox: {
        ...ports.outbox,
        markSent: () => {
          throw new Error('killed');
        },
      },
    }));
    expect((await dying.dispatch('sync.now', {})).ok).toBe(false);
    expect(s.sync.outbox.counts()).toMatchObject({ queued: 1, sent: 0 });
    expect((await c.store.outbox.counts()).queued + (await c.store.outbox.counts()).sent).toBe(1);

    // Started again, the station sends the event again: central knows it by station and event id.
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 1, error: null });
    expect(s.sync.outbox.counts()).toMatchObject({ queued: 0, sent: 1 });
    await delivered(c);
    expect(await c.store.outbox.list(10)).toHaveLength(1);
    expect(exported(shop.exportFile)).toHaveLength(1);
  });

  it('central stopped between the shop’s answer and recording it asks the shop first and does not send again', async () => {
    const shop = centralShop();
    const c = await central(await server().createDatabase(), shop);
    await c.shopSync!.stop();
    const s = await attachedStation(c);
    await ok(packOrder(s.call, 'F-1005', ['PEN-03', 'PEN-03', 'PEN-03']));
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 1 });
    const outbox = c.store.outbox;
    const deps = { exclusively: <T>(fn: () => Promise<T>) => c.store.exclusively(fn), backend: shop.backend, clock: { now: () => new Date() }, logger: silent };
    // Central dies the moment the shop has answered: nothing more is written.
    const killed = () => Promise.reject(new Error('killed'));
    const dying = new CentralShopSync({ ...deps, everySeconds: 3600, outbox: { ...outbox, markSent: killed, markRetry: killed, park: killed } });
    await expect(dying.runOnce()).rejects.toThrow('killed');
    expect(exported(shop.exportFile)).toHaveLength(1);
    expect(await outbox.list(10)).toMatchObject([{ status: 'queued', attempts: 1 }]);

    // Started again: the attempt was counted before the call, so the shop is asked first and has it.
    const again = new CentralShopSync({ ...deps, everySeconds: 3600, outbox });
    expect(await again.runOnce()).toMatchObject({ pushed: 1, retried: 0, parked: 0 });
    expect(await outbox.list(10)).toMatchObject([{ status: 'sent', attempts: 2 }]);
    expect(exported(shop.exportFile)).toHaveLength(1);
  });

  it('an event the station tried at the shop itself before it was attached: central asks the shop first and does not send it twice', async () => {
    const shop = centralShop();
    const c = await central(await server().createDatabase(), shop);
    const s = await attachedStation(c);
    await ok(packOrder(s.call, 'F-1005', ['PEN-03', 'PEN-03', 'PEN-03']));
    // Its own try reached the shop and the answer was lost; then the station was attached to central.
    const [event] = s.sync.outbox.list(['queued'], 1);
    const stored = s.sync.outbox.byId(event!.id)!;
    s.sync.outbox.beginAttempt(stored.id, new Date().toISOString());
    if (stored.type !== 'shipped') throw new Error('expected the shipment');
    await shop.backend.pushShipment(stored.payload);

    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 1, error: null });
    await delivered(c);
    expect(exported(shop.exportFile)).toHaveLength(1);
    expect(await c.store.outbox.list(10)).toMatchObject([{ status: 'sent', attempts: 2 }]);
  });

  it('a station keeps its events while central is down and forwards them when it is back; each reaches the shop once', async () => {
    const shop = centralShop();
    const database = await server().createDatabase();
    const c = await central(database, shop);
    const port = Number(new URL(c.url).port);
    const s = await attachedStation(c);
    await ok(packOrder(s.call, 'F-1005', ['PEN-03', 'PEN-03', 'PEN-03']));
    await stop(c);

    for (let i = 0; i < 3; i++) {
      const run = await ok(s.call('sync.now', {}));
      expect(run).toMatchObject({ pushed: 0, parked: 0, error: { kind: 'unreachable' } });
      expect(run.error?.message).toMatch(/Central cannot be reached/);
    }
    decidedReturn(s, 'R-2026-00002');
    // Waiting for central counts no attempt and parks nothing, however long it takes.
    expect(s.sync.outbox.counts()).toEqual({ queued: 2, parked: 0, sent: 0 });
    expect(s.sync.outbox.list(['queued'], 10).map((e) => e.attempts)).toEqual([0, 0]);
    expect(exported(shop.exportFile)).toEqual([]);

    const back = await central(database, shop, port);
    // One order's events go in turn: the shipment, then the return, in one sync.
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 2, error: null });
    await delivered(back);
    expect(exported(shop.exportFile)).toHaveLength(1);
    expect(exported(shop.returnsFile)).toHaveLength(1);
    expect(await back.store.outbox.counts()).toEqual({ queued: 0, parked: 0, sent: 2 });
  });
});
