import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackendSettings } from '../../../src/contract/sync';
import { BaselinkerBackend } from '../../../src/sync/baselinker/backend';
import { RequestLimiter, type LimiterClock } from '../../../src/sync/baselinker/limiter';
import { blOrder, FAKE_LABEL, FAKE_TOKEN, startFakeBaselinker, type FakeBaselinker } from '../../fixtures/sync/baselinker-fake';
import { createSyncStation, ok, packOrder, type SyncStation } from '../../interop/support/sync-station';

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
  const settings = (courierCode: string | null): BackendSettings => ({
    kind: 'baselinker',
    vendure: null,
    file: null,
    everySeconds: 60,
    baselinker: { url: fake.url, statusMap, courierCode, requestsPerMinute: 100, allowInsecureHttp: false },
  });

  beforeEach(async () => {
    clock = new SteppingClock();
    fake = await startFakeBaselinker(clock.now);
    s = createSyncStation((ports) => ({
      ...ports,
      backendFor: (chosen, secret) => new BaselinkerBackend(chosen.baselinker!, secret, { clock }),
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
