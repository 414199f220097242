import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReturnPush } from '../../../src/app/ports/backend';
import type { BackendSettings } from '../../../src/contract/sync';
import { BaselinkerBackend } from '../../../src/sync/baselinker/backend';
import { RequestLimiter, type LimiterClock } from '../../../src/sync/baselinker/limiter';
import { adminComments, returnItems } from '../../../src/sync/baselinker/returns';
import { deliveryOf, productsOf, toRemoteOrder } from '../../../src/sync/baselinker/orders';
import { blOrder, FAKE_LABEL, FAKE_RETURN_STATUSES, FAKE_TOKEN, startFakeBaselinker, type FakeBaselinker } from '../../fixtures/sync/baselinker-fake';
import { createSyncStation, ok, packOrder, type SyncStation } from '../../interop/support/sync-station';
import { carrierAccountSchema } from '../../../src/contract/carriers';
import { createCarrierAccounts } from '../../../src/storage/repositories/carrier-accounts';
import { keyFileSecrets } from '../../../src/sync';
import { INPOST_ORG, INPOST_TOKEN, startFakeInpost } from '../../fixtures/carriers/inpost-fake';
import { LABEL_SETTINGS } from '../app/documents/support';

/** A clock that only moves when someone sleeps on it: a minute of waiting takes no time. */
class SteppingClock implements LimiterClock {
  current = 1_700_000_000_000;
  slept: number[] = [];
  now = () => this.current;
  sleep = async (ms: number) => {
    this.slept.push(ms);
    this.current += ms;
  };
}

const statusMap = { ready: [102], onHold: [103], cancelled: [105], shipped: 104 };

describe('request limiter', () => {
  it('lets 100 requests through in a minute and makes the 101st wait for the oldest to leave the window', async () => {
    const clock = new SteppingClock();
    const limiter = new RequestLimiter(100, 60_000, clock);
    for (let i = 0; i < 100; i++) {
      await limiter.acquire();
      clock.current += 100;
    }
    expect(clock.slept).toEqual([]);
    await limiter.acquire();
    expect(clock.slept).toEqual([60_000 - 100 * 100]);
  });
});

describe('BaseLinker connector API against a local fake', () => {
  let clock: SteppingClock;
  let fake: FakeBaselinker;
  let s: SyncStation;
  /** Lets a test lose BaseLinker's answer to one method: the call reaches the fake, the station never hears back. */
  let loseAnswerTo: string | null = null;
  const settings = (courierCode: string | null, returns?: NonNullable<BackendSettings['baselinker']>['returns']): BackendSettings => ({
    kind: 'baselinker',
    vendure: null,
    file: null,
    everySeconds: 60,
    baselinker: { url: fake.url, statusMap, courierCode, requestsPerMinute: 100, allowInsecureHttp: false, ...(returns ? { returns } : {}) },
  });
  const losingFetch: typeof fetch = async (url, init) => {
    const answer = await fetch(url, init);
    const method = init?.body instanceof URLSearchParams ? init.body.get('method') : null;
    if (loseAnswerTo !== null && method === loseAnswerTo) {
      loseAnswerTo = null;
      throw new TypeError('fetch failed: connection reset');
    }
    return answer;
  };

  beforeEach(async () => {
    clock = new SteppingClock();
    loseAnswerTo = null;
    fake = await startFakeBaselinker(clock.now);
    s = createSyncStation((ports) => ({
      ...ports,
      backendFor: (chosen, secret) => new BaselinkerBackend(chosen.baselinker!, secret, { clock, fetch: losingFetch, now: () => new Date(clock.current) }),
    }));
    await ok(s.call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
    await ok(s.call('settings.packing', { requireWeight: false }));
  });
  afterEach(async () => {
    s.close();
    await fake.close();
  });

  it('pages getOrders by date_confirmed, maps the shop statuses, and waits instead of going over 100 a minute', async () => {
    for (let i = 1; i <= 230; i++) {
      const status = i % 23 === 0 ? 103 : i % 10 === 0 ? 101 : 102;
      fake.orders.push(
        blOrder(i, 1_700_000_000 + i * 7, status, [{ sku: `SKU-${i % 5}`, ean: i % 5 === 0 ? '' : `590123412345${7}`.slice(0, 13), quantity: 1 }]),
      );
    }
    await ok(s.call('sync.settings.set', { settings: settings(null), secret: FAKE_TOKEN }));
    const run = await ok(s.call('sync.now', {}));
    const pages = fake.calls.filter((c) => c.method === 'getOrders');
    expect(pages.map((c) => c.parameters.date_confirmed_from)).toEqual([0, 1_700_000_000 + 100 * 7 + 1, 1_700_000_000 + 200 * 7 + 1]);
    const wanted = fake.orders.filter((o) => o.order_status_id !== 101);
    expect(run).toMatchObject({ pulledOrders: wanted.length, error: null });
    expect(s.store.orders.byNumber('BL-23')?.status).toBe('on_hold');
    expect(s.store.orders.byNumber('BL-10')).toBeNull();
    expect(s.store.orders.byNumber('BL-1')).toMatchObject({ status: 'ready', customerName: 'Klient 1', shipTo: { city: 'Poznań' } });
    // The gross unit price, in grosze, for a return's suggested refund.
    expect(s.store.orders.byNumber('BL-1')!.lines[0]!.unitPrice).toEqual({ minor: 2499, currency: 'PLN' });

    // The next sync asks about every open order: more than 100 calls, so the limiter must wait.
    fake.orders.find((o) => o.order_id === 1)!.order_status_id = 105;
    const again = await ok(s.call('sync.now', {}));
    expect(again).toMatchObject({ cancelledOrders: 1, error: null });
    expect(s.store.orders.byNumber('BL-1')?.status).toBe('cancelled');
    expect(clock.slept.length).toBeGreaterThan(0);
    expect(fake.calls.length).toBeGreaterThan(100);
  });

  it('makes the package at BaseLinker, marks the order shipped, and queues the carrier label for printing', async () => {
    fake.orders.push(blOrder(7, 1_700_000_100, 102, [{ sku: 'MUG-BL', ean: '5901234123457', quantity: 1 }]));
    await ok(s.call('sync.settings.set', { settings: settings('inpost'), secret: FAKE_TOKEN }));
    await ok(s.call('sync.now', {}));
    s.documents.profiles.set({ stationId: 'ST-01', documentKind: 'carrier_label', printerKind: 'raw_tcp', target: '127.0.0.1:9', format: 'pdf', raw: false });
    await ok(packOrder(s.call, 'BL-7', ['5901234123457']));
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 1, error: null });
    expect(fake.calls.map((c) => c.method)).toEqual(expect.arrayContaining(['createPackage', 'setOrderStatus', 'getLabel']));
    expect(fake.orders[0]!.order_status_id).toBe(104);
    const [label] = s.documents.archive.forOrder('BL-7').filter((d) => d.kind === 'carrier_label');
    expect(label).toMatchObject({ format: 'pdf' });
    expect(Buffer.from(s.documents.archive.read(label!.id))).toEqual(FAKE_LABEL);
    expect(s.documents.printQueue.list('ST-01').some((j) => j.documentId === label!.id)).toBe(true);
  });

  it("prints BaseLinker's carrier label as the parcel's one label: our own label is not owed as well", async () => {
    fake.orders.push(blOrder(9, 1_700_000_150, 102, [{ sku: 'MUG-BL', ean: '5901234123457', quantity: 1 }]));
    await ok(s.call('sync.settings.set', { settings: settings('inpost'), secret: FAKE_TOKEN }));
    await ok(s.call('sync.now', {}));
    await ok(packOrder(s.call, 'BL-9', ['5901234123457']));
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 1, error: null });
    await s.station.documents.drain();
    const labels = [
      ...s.documents.archive.forOrder('BL-9').filter((d) => d.kind === 'carrier_label' || d.kind === 'label'),
      ...s.documents.requests.forOrder('BL-9').filter((i) => i.kind === 'label' && i.status === 'pending'),
    ];
    expect(labels.map((l) => l.kind)).toEqual(['carrier_label']);
  });

  it("tells BaseLinker the carrier's tracking number when a carrier of ours made the label, and buys no second package", async () => {
    const inpost = await startFakeInpost({ confirmAfterReads: 0 });
    try {
      s.close();
      s = createSyncStation(
        (ports) => ({
          ...ports,
          backendFor: (chosen, secret) => new BaselinkerBackend(chosen.baselinker!, secret, { clock, fetch: losingFetch, now: () => new Date(clock.current) }),
        }),
        { carriers: { timeoutMs: 1000 } },
      );
      await ok(s.call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
      await ok(s.call('settings.packing', { requireWeight: false }));
      await ok(s.call('labels.settings.set', LABEL_SETTINGS));
      const accounts = createCarrierAccounts(s.db);
      accounts.save(carrierAccountSchema.parse({ kind: 'inpost', url: inpost.url, organizationId: INPOST_ORG, labelFormat: 'zpl' }), '2026-01-01T00:00:00Z');
      accounts.saveSealedSecret('inpost', keyFileSecrets(s.dir).sealer.seal(new TextEncoder().encode(INPOST_TOKEN)), inpost.url);
      fake.orders.push({ ...blOrder(11, 1_700_000_300, 102, [{ sku: 'MUG-BL', ean: '5901234123457', quantity: 1 }]), delivery_method: 'InPost Kurier' });
      // A courier is set at BaseLinker, but our InPost account takes the order: BaseLinker must not buy a label too.
      await ok(s.call('sync.settings.set', { settings: settings('inpost'), secret: FAKE_TOKEN }));
      await ok(s.call('sync.now', {}));
      await ok(packOrder(s.call, 'BL-11', ['5901234123457']));
      // The carrier has not answered yet: the shop waits for the real number rather than hear the order number.
      expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 0 });
      await s.station.documents.drain();
      const tracking = inpost.shipments[0]!.tracking_number!;
      expect(tracking).toMatch(/^\d{24}$/);
      // The wait is a short retry; make it due now rather than wait 15 s.
      s.db.prepare("UPDATE sync_outbox SET next_attempt_at = '2000-01-01T00:00:00Z' WHERE status = 'queued'").run();
      expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 1, error: null });
      const methods = fake.calls.map((c) => c.method);
      expect(methods).not.toContain('createPackage');
      expect(methods).not.toContain('getLabel');
      const manual = fake.calls.find((c) => c.method === 'createPackageManual');
      expect(manual?.parameters).toMatchObject({ package_number: tracking });
      expect(s.documents.archive.forOrder('BL-11').filter((d) => d.kind === 'carrier_label' || d.kind === 'label')).toHaveLength(1);
    } finally {
      await inpost.close();
    }
  });

  /** A packed and shipped BL-8 (two mugs, one tea), and the return the desk decides for it, queued as the desk queues it. */
  async function shippedAndReturned(refund: ReturnPush['refund'], returns?: Parameters<typeof settings>[1]) {
    fake.orders.push(
      blOrder(8, 1_700_000_200, 102, [
        { sku: 'MUG-BL', ean: '5901234123457', quantity: 2 },
        { sku: 'TEA-BL', ean: '5901234000024', quantity: 1 },
      ]),
    );
    await ok(s.call('sync.settings.set', { settings: settings(null, returns), secret: FAKE_TOKEN }));
    await ok(s.call('sync.now', {}));
    await ok(packOrder(s.call, 'BL-8', ['5901234123457', '5901234123457', '5901234000024']));
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 1, error: null });
    const order = s.store.orders.byNumber('BL-8')!;
    const lines = s.sync.links.externalLines(order.id);
    const lineOf = (sku: string) => lines.get(order.lines.find((l) => l.sku === sku)!.id)!;
    const push: ReturnPush = {
      idempotencyKey: 'returned:R-2026-00042',
      externalOrderId: '8',
      orderNumber: 'BL-8',
      returnNumber: 'R-2026-00042',
      returnType: 'withdrawal',
      lines: [
        { externalLineId: lineOf('MUG-BL'), sku: 'MUG-BL', quantity: 1, condition: 'unopened', disposition: 'restock', reason: 'changed_mind' },
        { externalLineId: lineOf('TEA-BL'), sku: 'TEA-BL', quantity: 1, condition: 'damaged', disposition: 'scrap', reason: 'damaged_in_transit' },
        { externalLineId: '', sku: 'LAMP-X', quantity: 1, condition: 'wrong_item', disposition: 'to_customer', reason: 'wrong_item_sent' },
      ],
      refund,
      note: 'Paczka bez etykiety zwrotnej.',
    };
    s.sync.outbox.add({
      type: 'returned',
      orderId: order.id,
      orderNumber: 'BL-8',
      idempotencyKey: push.idempotencyKey,
      createdAt: new Date().toISOString(),
      payload: push,
    });
    return push;
  }
  const dueNow = () => s.db.prepare("UPDATE sync_outbox SET next_attempt_at = '2000-01-01T00:00:00.000Z' WHERE status = 'queued'").run();

  it("adds the return under our number with the order's items, records the refund and moves the return on, once", async () => {
    const push = await shippedAndReturned(
      { amountMinor: 4998, currency: 'PLN', reason: 'Odstąpienie od umowy' },
      { statusId: 2002, refundedStatusId: 2003, restockedItemStatusId: 31 },
    );
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 1, parked: 0, error: null });
    expect(fake.returns).toHaveLength(1);
    const [added] = fake.returns;
    expect(added).toMatchObject({ order_id: 8, reference_number: push.returnNumber, currency: 'PLN', status_id: 2003, refunded: '49.98' });
    expect(added!.refund).toEqual({
      date: Math.floor(clock.current / 1000),
      comment: 'R-2026-00042: Odstąpienie od umowy',
      external_refund_id: 'R-2026-00042',
    });
    // Items copied from the order (inventory, product, price, tax); the restocked mug in the restocked item status; the wrong lamp only in the comment.
    expect(added!.products).toEqual([
      expect.objectContaining({
        order_product_id: 80,
        storage: 'db',
        storage_id: 0,
        product_id: '300',
        sku: 'MUG-BL',
        quantity: 1,
        price_brutto: 24.99,
        tax_rate: 23,
        status_id: 31,
      }),
      expect.objectContaining({ order_product_id: 81, sku: 'TEA-BL', quantity: 1, status_id: 0 }),
    ]);
    expect(added!.admin_comments).toContain('Packdesk R-2026-00042 (withdrawal)');
    expect(added!.admin_comments).toContain('Paczka bez etykiety zwrotnej.; MUG-BL×1 unopened→restock');
    expect(added!.admin_comments.length).toBeLessThanOrEqual(200);
    expect(s.sync.outbox.byId(s.sync.outbox.list(['sent'], 1)[0]!.id)!.remoteRef).toBe(`return:${added!.return_id}`);

    const calls = fake.calls.length;
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 0, error: null });
    expect(fake.calls.slice(calls).map((c) => c.method)).not.toContain('addOrderReturn');
    expect(fake.returns).toHaveLength(1);
  });

  it('does not add the return twice when BaseLinker took it and its answer was lost, and finishes the refund on the retry', async () => {
    await shippedAndReturned({ amountMinor: 2499, currency: 'PLN', reason: 'Zwrot' });
    loseAnswerTo = 'addOrderReturn';
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 0, retried: 1, error: { kind: 'unreachable' } });
    expect(fake.returns).toHaveLength(1);
    expect(fake.returns[0]).toMatchObject({ refunded: '0.00', status_id: FAKE_RETURN_STATUSES[0]!.id });

    dueNow();
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 1, error: null });
    expect(fake.returns).toHaveLength(1);
    expect(fake.returns[0]).toMatchObject({ refunded: '24.99' });
    expect(fake.calls.filter((c) => c.method === 'addOrderReturn')).toHaveLength(1);
    const [sent] = s.sync.outbox.list(['sent'], 10).filter((e) => e.type === 'returned');
    expect(s.sync.outbox.byId(sent!.id)).toMatchObject({ attempts: 2, remoteRef: 'found-at-shop' });
    expect(s.logs.some((l) => l.includes('return already at the shop'))).toBe(true);
  });

  it('parks a refund in another currency than the order and adds nothing', async () => {
    await shippedAndReturned({ amountMinor: 1000, currency: 'EUR', reason: 'Zwrot' });
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 0, parked: 1 });
    expect(fake.returns).toEqual([]);
    expect(s.sync.outbox.list(['parked'], 10)).toEqual([
      expect.objectContaining({ type: 'returned', lastError: expect.stringMatching(/refund is in EUR, but BaseLinker order 8 is in PLN/) }),
    ]);
  });

  it('adds a return without a refund as not refunded, in the first return status when none is set', async () => {
    await shippedAndReturned(null);
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 1, error: null });
    expect(fake.returns).toEqual([expect.objectContaining({ refunded: '0.00', refund: null, status_id: FAKE_RETURN_STATUSES[0]!.id })]);
    expect(fake.calls.map((c) => c.method)).not.toContain('setOrderReturnRefund');
  });

  it('surfaces ERROR_BLOCKED_TOKEN and a bad token as such', async () => {
    const blocked = new BaselinkerBackend({ url: fake.url, statusMap, courierCode: null, requestsPerMinute: 100, allowInsecureHttp: false }, FAKE_TOKEN, {
      clock,
    });
    // Another program spent the minute's allowance on the same token.
    for (let i = 0; i < 100; i++)
      await fetch(fake.url, {
        method: 'POST',
        headers: { 'X-BLToken': FAKE_TOKEN },
        body: new URLSearchParams({ method: 'getOrderStatusList', parameters: '{}' }),
      });
    await expect(blocked.testConnection()).rejects.toMatchObject({ kind: 'rate_limited', message: expect.stringContaining('ERROR_BLOCKED_TOKEN') });
    const wrong = new BaselinkerBackend({ url: fake.url, statusMap, courierCode: null, requestsPerMinute: 100, allowInsecureHttp: false }, 'nope', { clock });
    await expect(wrong.testConnection()).rejects.toMatchObject({ kind: 'auth', message: expect.stringContaining('ERROR_BAD_TOKEN') });
  });
});

describe("BaseLinker's products", () => {
  it('weigh what the order says in kilograms; a weight of 0 is one the shop never set, and is left out', () => {
    const order = blOrder(1, 1_700_000_000, 1, [
      { sku: 'A', quantity: 1 },
      { sku: 'B', quantity: 1 },
    ]);
    order.products[1]!.weight = 0;
    expect(productsOf([order]).map((p) => [p.sku, p.weightGrams])).toEqual([
      ['A', 250],
      ['B', undefined],
    ]);
  });
});

describe('a BaseLinker return, before it is sent', () => {
  const line = (sku: string, externalLineId: string, more: Partial<ReturnPush['lines'][number]> = {}): ReturnPush['lines'][number] => ({
    externalLineId,
    sku,
    quantity: 1,
    condition: 'opened',
    disposition: 'refurbish',
    reason: 'not_as_described',
    ...more,
  });
  const push = (lines: ReturnPush['lines'], note = ''): ReturnPush => ({
    idempotencyKey: 'returned:R-9',
    externalOrderId: '9',
    orderNumber: 'BL-9',
    returnNumber: 'R-9',
    returnType: 'complaint',
    lines,
    refund: null,
    note,
  });

  it('reads the pickup point, cash on delivery and the declared value carriers need from the order', () => {
    const order = {
      ...blOrder(12, 1_700_000_400, 102, [{ sku: 'MUG-BL', quantity: 2 }]),
      delivery_point_id: 'WAW123M',
      delivery_point_name: 'Paczkomat WAW123M',
      delivery_point_address: 'ul. Marszałkowska 1',
      delivery_point_city: 'Warszawa',
      payment_method_cod: '1',
      payment_done: 0,
      delivery_price: 12.99,
    };
    expect(deliveryOf(order)).toEqual({
      pickupPoint: { id: 'WAW123M', name: 'Paczkomat WAW123M, ul. Marszałkowska 1, Warszawa' },
      cod: { minor: 6297, currency: 'PLN' },
      declaredValue: { minor: 4998, currency: 'PLN' },
    });
    expect(deliveryOf({ ...order, delivery_point_id: '', payment_method_cod: '0' })).toMatchObject({ pickupPoint: null, cod: null });
    expect(toRemoteOrder(order, statusMap).delivery?.pickupPoint?.id).toBe('WAW123M');
  });

  it('keeps the seller comment within the 200 characters BaseLinker takes', () => {
    expect(adminComments(push([line('A', '1')], 'Rysa na obudowie.'))).toBe(
      'Packdesk R-9 (complaint); Rysa na obudowie.; A×1 opened→refurbish (not_as_described)',
    );
    const text = adminComments(push([line('A', '1')], 'x'.repeat(500)));
    expect(text).toHaveLength(200);
    expect(text.startsWith('Packdesk R-9 (complaint); xxx')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
  });

  it('finds the order item by its line, else by SKU, and leaves missing, foreign and unknown lines out', () => {
    const order = blOrder(9, 1, 102, [
      { sku: 'A', quantity: 2 },
      { sku: 'B', quantity: 1 },
    ]);
    const { items, left } = returnItems(
      push([
        line('A', '90', { disposition: 'restock', condition: 'unopened' }),
        line('B', ''),
        line('C', ''),
        line('A', '90', { condition: 'missing' }),
        line('Z', '', { condition: 'not_ours' }),
      ]),
      order,
      5,
    );
    expect(items.map((i) => [i.order_product_id, i.sku, i.status_id])).toEqual([
      [90, 'A', 5],
      [91, 'B', undefined],
    ]);
    expect(left).toEqual(['C ×1 opened', 'A ×1 missing', 'Z ×1 not ours']);
  });
});
