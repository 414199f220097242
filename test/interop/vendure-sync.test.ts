import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReturnPush, ShopBackend, SyncPorts } from '../../src/app/ports';
import { SyncFailure } from '../../src/app/ports';
import { createBackendFactory } from '../../src/sync';
import { VendureBackend } from '../../src/sync/vendure/backend';
import {
  cancelInVendure,
  markVariantFragile,
  orderByCode,
  orderReturnView,
  placeOrder,
  stockOnHand,
  trackInventory,
  variantIds,
} from './support/vendure-orders';
import { startVendure, type VendureShop } from './support/vendure-server';
import { createSyncStation, ok, packOrder, syncWithVendure, type SyncStation } from './support/sync-station';

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
  await syncWithVendure(s, shop.url);
  await ok(s.call('settings.packing', { requireWeight: false }));
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

  it('takes the fragile mark from the product’s or the variant’s custom field, and follows the shop when it changes', async () => {
    const fragile = () => ['VD-MUG-01', 'VD-TEA-02', 'VD-SOAP-04'].map((sku) => s.store.catalog.productBySku(sku)?.fragile);
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pulledProducts: 4, error: null });
    // The mug's product is marked in the shop; nothing else is.
    expect(fragile()).toEqual([true, false, false]);
    await markVariantFragile(shop.env, variants.get('VD-SOAP-04')!, true);
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ error: null });
    expect(fragile()).toEqual([true, false, true]);
    await markVariantFragile(shop.env, variants.get('VD-SOAP-04')!, false);
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ error: null });
    expect(fragile()).toEqual([true, false, false]);
  });

  it('asks whether the shop has the fragile field at the start of each product pull, not on every page', async () => {
    // Asked once for the backend's life, a field the shop added later was never read, and one it
    // dropped broke every pull (asking for a field that is gone) until the station restarted.
    const asked: string[] = [];
    const counting: typeof fetch = async (input, init) => {
      const query = String(JSON.parse(String(init?.body ?? '{}')).query ?? '');
      asked.push(query.includes('ProductVariantCustomFields') ? 'fields?' : query.includes('productVariants') ? 'variants' : 'other');
      return fetch(input, init);
    };
    const backend = new VendureBackend({ ...vendureSettings(), pageSize: 2 }, 'superadmin', counting);
    const pull = async () => {
      let cursor: string | null = null;
      do cursor = (await backend.pullProducts(cursor)).cursor;
      while (cursor !== null);
    };
    await pull();
    await pull();
    expect(asked.filter((q) => q !== 'other')).toEqual(['fields?', 'variants', 'variants', 'fields?', 'variants', 'variants']);
  });

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

describe('returns to Vendure', () => {
  const TEA_SKU = 'VD-TEA-02';
  let returns = 0;

  /** A shipped order, as the station packed it and Vendure shipped it. */
  async function shippedOrder(items: { sku: string; quantity: number }[], scans: string[]) {
    const code = await placeOrder(shop.env, variants, items);
    await ok(s.call('sync.now', {}));
    await ok(packOrder(s.call, code, scans));
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ error: null });
    expect((await orderByCode(shop.env, code)).state).toBe('Shipped');
    return code;
  }

  /**
   * Queues the return the desk would decide: the first tea back unopened to stock and a mug
   * damaged to scrap, with a refund. The desk's own code (another branch) will queue it the same way.
   */
  async function decideReturn(code: string, refund: ReturnPush['refund'], skus = [TEA_SKU, 'VD-MUG-01']): Promise<ReturnPush> {
    const order = s.store.orders.byNumber(code)!;
    const link = s.sync.links.externalId(order.id)!;
    const lines = s.sync.links.externalLines(order.id);
    const lineOf = (sku: string) => lines.get(order.lines.find((l) => l.sku === sku)!.id)!;
    const returnNumber = `R-IT-${++returns}-${Date.now()}`;
    const push: ReturnPush = {
      idempotencyKey: `returned:${returnNumber}`,
      externalOrderId: link.externalId,
      orderNumber: code,
      returnNumber,
      returnType: 'withdrawal',
      lines: [
        { externalLineId: '', sku: TEA_SKU, quantity: 1, condition: 'unopened' as const, disposition: 'restock' as const, reason: 'changed_mind' },
        { externalLineId: '', sku: 'VD-MUG-01', quantity: 1, condition: 'damaged' as const, disposition: 'scrap' as const, reason: 'damaged_in_transit' },
      ]
        .filter((l) => skus.includes(l.sku))
        .map((l) => ({ ...l, externalLineId: lineOf(l.sku) })),
      refund,
      note: 'Klient odesłał paczkę kurierem.',
    };
    s.sync.outbox.add({
      type: 'returned',
      orderId: order.id,
      orderNumber: code,
      idempotencyKey: push.idempotencyKey,
      createdAt: new Date().toISOString(),
      payload: push,
    });
    return push;
  }

  const tagged = (view: Awaited<ReturnType<typeof orderReturnView>>, returnNumber: string) => ({
    refunds: view.payments.flatMap((p) => p.refunds).filter((r) => r.reason?.includes(`[${returnNumber}]`)),
    notes: view.history.items.filter((h) => h.type === 'ORDER_NOTE' && h.data.note?.includes(`[${returnNumber}]`)),
    cancellations: view.history.items.filter((h) => h.type === 'ORDER_CANCELLATION' && h.data.reason?.includes(`[${returnNumber}]`)),
  });

  beforeAll(async () => {
    await trackInventory(shop.env, variants.get(TEA_SKU)!);
  });

  it('refunds the decided amount on the settled payment once, puts the restocked tea back in stock, and notes the return', async () => {
    const code = await shippedOrder(
      [
        { sku: TEA_SKU, quantity: 2 },
        { sku: 'VD-MUG-01', quantity: 1 },
      ],
      [TEA, TEA, MUG],
    );
    const { id, currencyCode } = await orderReturnView(shop.env, (await orderByCode(shop.env, code)).id);
    const stockBefore = await stockOnHand(shop.env, variants.get(TEA_SKU)!);
    const push = await decideReturn(code, { amountMinor: 1450, currency: currencyCode, reason: 'Odstąpienie od umowy' });

    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 1, parked: 0, error: null });
    const view = await orderReturnView(shop.env, id);
    const found = tagged(view, push.returnNumber);
    expect(found.refunds).toEqual([expect.objectContaining({ total: 1450, reason: expect.stringContaining('Odstąpienie od umowy') })]);
    expect(view.payments.filter((p) => p.refunds.length > 0)).toEqual([expect.objectContaining({ state: 'Settled' })]);
    expect(found.cancellations).toHaveLength(1);
    // The restocked tea's order line is cancelled by one; the scrapped mug's is left as it was.
    expect(Object.fromEntries(view.lines.map((l) => [l.productVariant.sku, l.quantity]))).toEqual({ [TEA_SKU]: 1, 'VD-MUG-01': 1 });
    expect(await stockOnHand(shop.env, variants.get(TEA_SKU)!)).toBe(stockBefore + 1);
    expect(found.notes).toHaveLength(1);
    expect(found.notes[0]!.data.note).toContain('VD-MUG-01 ×1: damaged, scrap');
    expect(found.notes[0]!.data.note).toContain('Klient odesłał paczkę kurierem.');
    const [sent] = s.sync.outbox.list(['sent'], 1);
    expect(sent).toMatchObject({ type: 'returned', orderNumber: code, attempts: 1 });
    expect(s.sync.outbox.byId(sent!.id)!.remoteRef).toBe(`refund:${found.refunds[0]!.id}`);

    // A second sync has nothing to send, and asking again finds the return without touching it.
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 0, error: null });
    const backend = new VendureBackend(vendureSettings(), 'superadmin');
    expect(await backend.hasReturn(push)).toBe(true);
    const again = tagged(await orderReturnView(shop.env, id), push.returnNumber);
    expect([again.refunds.length, again.cancellations.length, again.notes.length]).toEqual([1, 1, 1]);
  }, 90_000);

  it('does not refund twice when the station dies after Vendure refunded and before the outbox recorded it', async () => {
    const code = await shippedOrder(
      [
        { sku: TEA_SKU, quantity: 1 },
        { sku: 'VD-MUG-01', quantity: 1 },
      ],
      [TEA, MUG],
    );
    const { id, currencyCode } = await orderReturnView(shop.env, (await orderByCode(shop.env, code)).id);
    const stockBefore = await stockOnHand(shop.env, variants.get(TEA_SKU)!);
    const push = await decideReturn(code, { amountMinor: 2000, currency: currencyCode, reason: 'Zwrot' });
    const event = s.sync.outbox.list(['queued'], 10).find((e) => e.orderNumber === code)!;

    let dead = false;
    const dying = s.reopen((ports): SyncPorts => ({
      ...ports,
      backendFor: (settings, secret) => {
        const real = createBackend(settings, secret)!;
        return {
          ...bind(real),
          pushReturn: async (p) => {
            await real.pushReturn(p);
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
    expect(tagged(await orderReturnView(shop.env, id), push.returnNumber).refunds).toHaveLength(1);
    expect(s.sync.outbox.byId(event.id)).toMatchObject({ status: 'queued', attempts: 1 });

    // The restarted station asks Vendure first, finds the return and sends nothing again.
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 1, error: null });
    expect(s.sync.outbox.byId(event.id)).toMatchObject({ status: 'sent', attempts: 2, remoteRef: 'found-at-shop' });
    expect(s.logs.some((l) => l.includes('return already at the shop') && l.includes(push.returnNumber))).toBe(true);
    const found = tagged(await orderReturnView(shop.env, id), push.returnNumber);
    expect(found.refunds).toEqual([expect.objectContaining({ total: 2000 })]);
    expect([found.cancellations.length, found.notes.length]).toEqual([1, 1]);
    expect(await stockOnHand(shop.env, variants.get(TEA_SKU)!)).toBe(stockBefore + 1);
  }, 90_000);

  it('finishes a return the station left half-done: refunded and restocked, but the note never reached Vendure', async () => {
    const code = await shippedOrder(
      [
        { sku: TEA_SKU, quantity: 1 },
        { sku: 'VD-MUG-01', quantity: 1 },
      ],
      [TEA, MUG],
    );
    const { id, currencyCode } = await orderReturnView(shop.env, (await orderByCode(shop.env, code)).id);
    const push = await decideReturn(code, { amountMinor: 500, currency: currencyCode, reason: 'Zwrot' });
    const event = s.sync.outbox.list(['queued'], 10).find((e) => e.orderNumber === code)!;

    // The power goes as the note is sent: Vendure never sees it, and nothing more reaches the database.
    let dead = false;
    const cutAtNote: typeof fetch = async (url, init) => {
      if (typeof init?.body === 'string' && init.body.includes('addNoteToOrder')) {
        dead = true;
        throw new TypeError('fetch failed');
      }
      return fetch(url, init);
    };
    const dying = s.reopen((ports): SyncPorts => ({
      ...ports,
      backendFor: (settings, secret) => new VendureBackend(settings.vendure!, secret, cutAtNote),
      outbox: {
        ...ports.outbox,
        markRetry: (...args) => (dead ? undefined : ports.outbox.markRetry(...args)),
        park: (...args) => (dead ? undefined : ports.outbox.park(...args)),
      },
    }));
    await dying.sync.runOnce();
    const half = tagged(await orderReturnView(shop.env, id), push.returnNumber);
    expect([half.refunds.length, half.cancellations.length, half.notes.length]).toEqual([1, 1, 0]);

    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 1, error: null });
    expect(s.sync.outbox.byId(event.id)).toMatchObject({ status: 'sent', remoteRef: 'found-at-shop' });
    const done = tagged(await orderReturnView(shop.env, id), push.returnNumber);
    expect([done.refunds.length, done.cancellations.length, done.notes.length]).toEqual([1, 1, 1]);
    expect(done.notes[0]!.data.note).toContain(`Vendure refund ${done.refunds[0]!.id}`);
    expect(done.notes[0]!.data.note).toContain(`${TEA_SKU} ×1`);
  }, 90_000);

  it('parks a refund larger than what is left on the payment, and sends nothing', async () => {
    const code = await shippedOrder([{ sku: 'VD-MUG-01', quantity: 1 }], [MUG]);
    const { id, currencyCode, totalWithTax } = await orderReturnView(shop.env, (await orderByCode(shop.env, code)).id);
    const push = await decideReturn(code, { amountMinor: totalWithTax + 1, currency: currencyCode, reason: 'Za dużo' }, ['VD-MUG-01']);
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 0, parked: 1 });
    const [parked] = (await ok(s.call('sync.status', {}))).parked.filter((e) => e.orderNumber === code);
    expect(parked).toMatchObject({ type: 'returned', lastError: expect.stringContaining('no settled payment') });
    const view = await orderReturnView(shop.env, id);
    expect(tagged(view, push.returnNumber)).toEqual({ refunds: [], notes: [], cancellations: [] });
    await ok(s.call('sync.parked.dismiss', { eventId: parked!.id }));
  }, 60_000);
});

describe('what carriers need, from the Vendure order', () => {
  it('reads the locker from the order custom fields, the goods as the declared value, and cash on delivery from the payment method', async () => {
    await ok(
      s.call('sync.settings.set', {
        settings: {
          kind: 'vendure',
          vendure: { ...vendureSettings(), pickupPointField: 'pickupPointId', pickupPointNameField: 'pickupPointName', codPaymentMethods: ['pobranie'] },
        },
        secret: 'superadmin',
      }),
    );
    const locker = { id: 'WAW123M', name: 'Warszawa, ul. Marszałkowska 1' };
    const code = await placeOrder(shop.env, variants, [{ sku: 'VD-MUG-01', quantity: 1 }], 'Jan Paczkomat', { pickupPoint: locker, payment: 'pobranie' });
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ error: null });
    const view = await orderReturnView(shop.env, (await orderByCode(shop.env, code)).id);
    const local = s.store.orders.byNumber(code)!;
    // Authorised, not settled: the courier collects the money, so the order is ready to pack.
    expect(local.status).toBe('ready');
    expect(local.delivery).toEqual({
      pickupPoint: locker,
      cod: { minor: view.totalWithTax, currency: view.currencyCode },
      declaredValue: { minor: expect.any(Number), currency: view.currencyCode },
    });
    expect(local.delivery!.declaredValue!.minor).toBeLessThan(view.totalWithTax);
    // One mug: its unit price with tax is the goods' total, which a return's suggested refund starts from.
    expect(local.lines[0]!.unitPrice).toEqual(local.delivery!.declaredValue);
  }, 60_000);
});

function vendureSettings() {
  return {
    url: shop.url,
    username: 'superadmin',
    channelToken: null,
    barcodeField: 'barcode',
    fulfillmentHandler: 'manual-fulfillment',
    pageSize: 10,
    allowInsecureHttp: false,
  };
}

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
