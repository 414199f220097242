import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShopBackend, SyncPorts } from '../../src/app/ports';
import { SyncFailure } from '../../src/app/ports';
import { createBackendFactory } from '../../src/sync';
import { cancelInVendure, orderByCode, placeOrder, variantIds } from './support/vendure-orders';
import { startVendure, type VendureShop } from './support/vendure-server';
import { createSyncStation, ok, packOrder, type SyncStation } from './support/sync-station';

const createBackend = createBackendFactory({ fileFolders: [] });

// Real Vendure 3 on sql.js at 127.0.0.1, started once for the file (boot ≈ 10–20 s on two cores).
const PORT = 3871;
const MUG = '5901234123457';
const TEA = '5901234000024';
let shop: VendureShop;
let variants: Map<string, string>;
let s: SyncStation;

beforeAll(async () => {
  shop = await startVendure(PORT);
  variants = await variantIds(shop.env);
  s = createSyncStation();
  await ok(s.call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
  await ok(s.call('settings.packing', { requireWeight: false }));
  await ok(
    s.call('sync.settings.set', {
      settings: {
        kind: 'vendure',
        vendure: { url: shop.url, username: 'superadmin', channelToken: null, barcodeField: 'barcode', fulfillmentHandler: 'manual-fulfillment', pageSize: 2 },
      },
      secret: 'superadmin',
    }),
  );
}, 120_000);

afterAll(async () => {
  s?.close();
  await shop?.destroy();
});

const fulfillments = async (code: string) => (await orderByCode(shop.env, code)).fulfillments.filter((f) => f.state !== 'Cancelled');

describe('Vendure over its Admin API', () => {
  it('pulls settled orders and barcodes, packs one, and Vendure shows it Shipped with the tracking code', async () => {
    const code = await placeOrder(
      shop.env,
      variants,
      [
        { sku: 'VD-MUG-01', quantity: 2 },
        { sku: 'VD-BRUSH-03', quantity: 1 },
      ],
      'Zażółć Gęślą',
    );
    const run = await ok(s.call('sync.now', {}));
    expect(run).toMatchObject({ pulledProducts: 4, pulledOrders: 1, error: null });
    // The barcode comes from the custom field as a GTIN-14; the brush has none and is scanned by SKU.
    expect(s.store.catalog.barcode(`0${MUG}`)?.productId).toBe(s.store.catalog.productBySku('VD-MUG-01')?.id);
    expect(s.store.catalog.barcode('VD-BRUSH-03')).not.toBeNull();
    const local = s.store.orders.byNumber(code)!;
    expect(local).toMatchObject({ status: 'ready', customerName: expect.stringContaining('Zażółć') });
    expect(local.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['VD-MUG-01', 2],
      ['VD-BRUSH-03', 1],
    ]);

    expect(await ok(packOrder(s.call, code, [MUG, MUG, 'VD-BRUSH-03']))).toMatchObject({ status: 'shipped' });
    expect(s.sync.outbox.counts()).toMatchObject({ queued: 1 });
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 1, error: null });
    const shipped = await orderByCode(shop.env, code);
    expect(shipped.state).toBe('Shipped');
    expect(shipped.fulfillments).toEqual([expect.objectContaining({ state: 'Shipped', trackingCode: code })]);
    // Nothing is sent twice: a second sync finds the outbox empty.
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 0, error: null });
    expect(await fulfillments(code)).toHaveLength(1);
  }, 60_000);

  it('keeps packing while the shop is down and sends each shipment exactly once when it is back', async () => {
    const a = await placeOrder(shop.env, variants, [{ sku: 'VD-TEA-02', quantity: 1 }]);
    const b = await placeOrder(shop.env, variants, [{ sku: 'VD-MUG-01', quantity: 1 }]);
    await ok(s.call('sync.now', {}));
    await shop.stop();
    await ok(packOrder(s.call, a, [TEA]));
    await ok(packOrder(s.call, b, [MUG]));
    const down = await ok(s.call('sync.now', {}));
    expect(down.error?.kind).toBe('unreachable');
    expect(s.sync.outbox.counts().queued).toBe(2);
    const status = await ok(s.call('sync.status', {}));
    expect(status.lastError).toMatch(/cannot be reached/);

    await shop.start();
    // Backoff put the events in the future; make them due now instead of waiting.
    s.db.prepare("UPDATE sync_outbox SET next_attempt_at = '2000-01-01T00:00:00.000Z' WHERE status = 'queued'").run();
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 2, error: null });
    for (const code of [a, b]) {
      expect(await fulfillments(code)).toHaveLength(1);
      expect((await orderByCode(shop.env, code)).state).toBe('Shipped');
    }
  }, 90_000);

  it('sends once even when the station dies after Vendure acted and before the outbox recorded it', async () => {
    const code = await placeOrder(shop.env, variants, [{ sku: 'VD-SOAP-04', quantity: 1 }]);
    await ok(s.call('sync.now', {}));
    await ok(packOrder(s.call, code, ['05901234000048']));
    // The dying process: Vendure takes the fulfilment, then nothing more reaches the database.
    let dead = false;
    const dying = s.reopen((ports): SyncPorts => ({
      ...ports,
      backendFor: (settings, secret) => {
        const real = createBackend(settings, secret)!;
        return {
          ...bind(real),
          pushShipment: async (push) => {
            await real.pushShipment(push);
            dead = true;
            throw new SyncFailure('unreachable', 'process killed');
          },
        };
      },
      outbox: {
        ...ports.outbox,
        markRetry: (...args) => (dead ? undefined : ports.outbox.markRetry(...args)),
        park: (...args) => (dead ? undefined : ports.outbox.park(...args)),
      },
    }));
    await dying.sync.runOnce();
    expect(await fulfillments(code)).toHaveLength(1);
    const event = s.sync.outbox.list(['queued'], 10).find((e) => e.orderNumber === code)!;
    expect(event).toMatchObject({ status: 'queued', attempts: 1 });

    // The restarted station asks Vendure first, finds the fulfilment and does not send again.
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 1, error: null });
    expect(await fulfillments(code)).toHaveLength(1);
    expect(s.logs.some((l) => l.includes('already at the shop'))).toBe(true);
  }, 60_000);

  it('refuses completion once the next sync learns that Vendure cancelled the open order', async () => {
    const code = await placeOrder(shop.env, variants, [{ sku: 'VD-MUG-01', quantity: 1 }]);
    await ok(s.call('sync.now', {}));
    const scan = (data: string) => ok(s.call('scan.submit', { data, symbology: null, source: 'wedge' }));
    await scan(code);
    await scan(MUG);
    await scan('K1');
    await cancelInVendure(shop.env, (await orderByCode(shop.env, code)).id);
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ cancelledOrders: 1 });
    const refused = await s.call('pack.complete', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'ORDER_CANCELLED', message: expect.stringContaining('cancelled') } });
    expect(s.sync.outbox.list(['queued', 'sent'], 100).some((e) => e.orderNumber === code)).toBe(false);
    await ok(s.call('pack.close', {}));
  }, 60_000);

  it('says clearly when Vendure refuses the login', async () => {
    const backend = createBackend(
      {
        kind: 'vendure',
        vendure: {
          url: shop.url,
          username: 'superadmin',
          channelToken: null,
          barcodeField: 'barcode',
          fulfillmentHandler: 'manual-fulfillment',
          pageSize: 10,
          allowInsecureHttp: false,
        },
        baselinker: null,
        file: null,
        everySeconds: 60,
      },
      'wrong',
    );
    await expect(backend!.testConnection()).rejects.toMatchObject({ kind: 'auth', message: expect.stringContaining('refused the login') });
  });
});

/** The adapter's methods bound to it, so a test can replace one of them. */
function bind(backend: ShopBackend): ShopBackend {
  return {
    kind: backend.kind,
    testConnection: () => backend.testConnection(),
    pullProducts: (c) => backend.pullProducts(c),
    pullOrders: (c) => backend.pullOrders(c),
    ordersById: (ids) => backend.ordersById(ids),
    hasShipment: (p) => backend.hasShipment(p),
    pushShipment: (p) => backend.pushShipment(p),
    pushNote: (p) => backend.pushNote(p),
    hasReturn: (p) => backend.hasReturn(p),
    pushReturn: (p) => backend.pushReturn(p),
    fetchLabel: (p) => backend.fetchLabel(p),
  };
}
