import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewOutboxEvent, ReturnPush, ShopBackend } from '../../../src/app/ports/backend';
import { SyncFailure } from '../../../src/app/ports/backend';
import { retryDelayMs } from '../../../src/app/sync/drain';
import { keyFileSecrets, SECRETS_KEY_FILE, SyncWorker } from '../../../src/sync';
import { createSyncStation, ok, type SyncStation } from '../../interop/support/sync-station';
import { shopBackend } from '../../support/shop-backend';

let s: SyncStation;
beforeEach(() => {
  s = createSyncStation();
  s.store.catalog.importCatalog({
    products: [{ sku: 'A', name: 'A', weightGrams: 1, tracking: 'none', refuseExpired: false, returnable: true, isKit: false, fragile: false, barcodes: [] }],
    kits: [],
    boxes: [],
  });
  const order = (number: string) => ({
    number,
    externalId: null,
    status: 'ready' as const,
    customerName: 'X',
    shipTo: { name: 'X', company: null, street: 's', city: 'c', postcode: 'p', country: 'PL', phone: null, email: null },
    carrierCode: null,
    service: null,
    note: null,
    createdAt: '2026-01-01T00:00:00Z',
    lines: [{ sku: 'A', quantity: 1 }],
  });
  s.store.orders.insertMany([order('O-1'), order('O-2')]);
});
afterEach(() => s.close());

const event = (orderNumber: string, key: string, type: 'shipped' | 'note' = 'shipped'): NewOutboxEvent => {
  const about = { orderId: s.store.orders.byNumber(orderNumber)!.id, orderNumber, idempotencyKey: key, createdAt: '2026-01-01T00:00:00.000Z' };
  const to = { idempotencyKey: key, externalOrderId: orderNumber };
  if (type === 'note') return { ...about, type, payload: { ...to, note: key } };
  return { ...about, type, payload: { ...to, orderNumber, carrierCode: 'inpost', trackingNumbers: [orderNumber], partial: false, lines: [], parcels: [] } };
};

/** A decided return of one mug, refunded. */
const returnPush = (orderNumber: string, returnNumber: string): ReturnPush => ({
  idempotencyKey: `returned:${returnNumber}`,
  externalOrderId: orderNumber,
  orderNumber,
  returnNumber,
  returnType: 'withdrawal',
  lines: [{ externalLineId: 'L1', sku: 'A', quantity: 1, condition: 'unopened', disposition: 'restock', reason: 'changed_mind' }],
  refund: { amountMinor: 4999, currency: 'PLN', reason: 'withdrawal' },
  note: '',
});

const returned = (orderNumber: string, returnNumber: string): NewOutboxEvent => ({
  type: 'returned',
  orderId: s.store.orders.byNumber(orderNumber)!.id,
  orderNumber,
  idempotencyKey: `returned:${returnNumber}`,
  createdAt: '2026-01-01T00:00:00.000Z',
  payload: returnPush(orderNumber, returnNumber),
});

describe('outbox', () => {
  it('keeps one event per idempotency key', () => {
    s.sync.outbox.add(event('O-1', 'k1'));
    s.sync.outbox.add(event('O-1', 'k1'));
    expect(s.sync.outbox.counts().queued).toBe(1);
  });

  it("holds an order's later events while an earlier one waits or is parked, but not other orders'", () => {
    s.sync.outbox.add(event('O-1', 'ship-1'));
    s.sync.outbox.add(event('O-1', 'note-1', 'note'));
    s.sync.outbox.add(event('O-2', 'ship-2'));
    const at = '2026-01-02T00:00:00.000Z';
    expect(s.sync.outbox.due(at, 10).map((e) => e.idempotencyKey)).toEqual(['ship-1', 'ship-2']);
    const first = s.sync.outbox.due(at, 10)[0]!;
    s.sync.outbox.park(first.id, 'refused', at);
    expect(s.sync.outbox.due(at, 10).map((e) => e.idempotencyKey)).toEqual(['ship-2']);
    expect(s.sync.outbox.requeue(first.id, at)).toBe(true);
    s.sync.outbox.markSent(first.id, 'r', at);
    expect(s.sync.outbox.due(at, 10).map((e) => e.idempotencyKey)).toEqual(['note-1', 'ship-2']);
    expect(s.sync.outbox.dismiss(first.id, at)).toBe(false);
  });

  it('reads back each payload as its type, and parks one that no longer reads as it without sending it', async () => {
    s.sync.outbox.add(event('O-1', 'ship-1'));
    s.sync.outbox.add(event('O-2', 'note-2', 'note'));
    const at = '2026-01-02T00:00:00.000Z';
    const [shipped, note] = s.sync.outbox.due(at, 10);
    expect(shipped).toMatchObject({ type: 'shipped', payload: { idempotencyKey: 'ship-1', trackingNumbers: ['O-1'] } });
    expect(note).toMatchObject({ type: 'note', payload: { note: 'note-2' } });

    s.db.prepare('UPDATE sync_outbox SET payload = ? WHERE idempotency_key = ?').run(JSON.stringify({ orderNumber: 'O-1' }), 'ship-1');
    expect(s.sync.outbox.byId(shipped!.id)).toMatchObject({
      type: 'unreadable',
      storedType: 'shipped',
      payload: null,
      problem: expect.stringContaining('idempotencyKey'),
    });
    const exportFile = path.join(s.shopFiles, 'shipped.csv');
    await ok(s.call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
    await ok(s.call('sync.settings.set', { settings: { kind: 'file', file: { ordersFile: null, productsFile: null, exportFile } } }));
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 1, parked: 1 });
    expect(s.sync.outbox.byId(shipped!.id)).toMatchObject({ status: 'parked', attempts: 0, lastError: expect.stringContaining('cannot be read') });
    expect(fs.existsSync(exportFile)).toBe(false);
  });

  it('reads a returned event back as its type, and a damaged one as unreadable', () => {
    s.sync.outbox.add(returned('O-1', 'R-1'));
    s.sync.outbox.add(returned('O-2', 'R-2'));
    const at = '2026-01-02T00:00:00.000Z';
    const [first, second] = s.sync.outbox.due(at, 10);
    expect(first).toMatchObject({ type: 'returned', payload: returnPush('O-1', 'R-1') });
    expect(s.sync.outbox.list(['queued'], 10).map((e) => e.type)).toEqual(['returned', 'returned']);
    const damaged = { ...returnPush('O-2', 'R-2'), refund: { amountMinor: 'a lot', currency: 'PLN', reason: '' } };
    s.db.prepare('UPDATE sync_outbox SET payload = ? WHERE id = ?').run(JSON.stringify(damaged), second!.id);
    expect(s.sync.outbox.byId(second!.id)).toMatchObject({
      type: 'unreadable',
      storedType: 'returned',
      problem: expect.stringContaining('refund.amountMinor'),
    });
  });

  it('backs off 5 s, 10 s, 20 s … up to an hour', () => {
    expect([0, 1, 2, 3].map(retryDelayMs)).toEqual([5000, 10000, 20000, 40000]);
    expect(retryDelayMs(30)).toBe(3_600_000);
  });
});

describe('returned events in the drain', () => {
  /** A shop that records what it is asked and answers as the test says. */
  interface FakeShop {
    has: Set<string>;
    fail: SyncFailure | null;
    calls: string[];
    backend: ShopBackend;
  }

  function fakeShop(): FakeShop {
    const shop: FakeShop = { has: new Set(), fail: null, calls: [], backend: null as never };
    shop.backend = shopBackend({
      hasReturn: async (push) => {
        shop.calls.push(`has ${push.returnNumber}`);
        return shop.has.has(push.returnNumber);
      },
      pushReturn: async (push) => {
        shop.calls.push(`push ${push.returnNumber}`);
        if (shop.fail) throw shop.fail;
        shop.has.add(push.returnNumber);
        return { remoteRef: `shop-${push.returnNumber}` };
      },
    });
    return shop;
  }

  async function stationWith(shop: FakeShop) {
    s.close();
    s = createSyncStation((ports) => ({ ...ports, backendFor: () => shop.backend }));
    s.store.catalog.importCatalog({
      products: [{ sku: 'A', name: 'A', weightGrams: 1, tracking: 'none', refuseExpired: false, returnable: true, isKit: false, fragile: false, barcodes: [] }],
      kits: [],
      boxes: [],
    });
    const order = (number: string) => ({
      number,
      externalId: null,
      status: 'shipped' as const,
      customerName: 'X',
      shipTo: { name: 'X', company: null, street: 's', city: 'c', postcode: 'p', country: 'PL', phone: null, email: null },
      carrierCode: null,
      service: null,
      note: null,
      createdAt: '2026-01-01T00:00:00Z',
      lines: [{ sku: 'A', quantity: 1 }],
    });
    s.store.orders.insertMany([order('O-1'), order('O-2')]);
    await ok(s.call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
    await ok(s.call('sync.settings.set', { settings: { kind: 'file', file: { ordersFile: null, productsFile: null, exportFile: null } } }));
  }
  const dueNow = () => s.db.prepare("UPDATE sync_outbox SET next_attempt_at = '2000-01-01T00:00:00.000Z' WHERE status = 'queued'").run();

  it('sends a return once, asks the shop before a retry, and does not send it again when the shop has it', async () => {
    const shop = fakeShop();
    await stationWith(shop);
    s.sync.outbox.add(returned('O-1', 'R-1'));
    s.sync.outbox.add(returned('O-2', 'R-2'));
    // The first try of R-1 reaches the shop, but the answer is lost on the way back.
    shop.fail = new SyncFailure('unreachable', 'connection reset');
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 0, retried: 1, error: { kind: 'unreachable' } });
    expect(shop.calls).toEqual(['push R-1']);
    shop.has.add('R-1');
    shop.fail = null;
    dueNow();
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 2, retried: 0, error: null });
    expect(shop.calls).toEqual(['push R-1', 'has R-1', 'push R-2']);
    const sent = s.sync.outbox.list(['sent'], 10);
    expect(sent.map((e) => [e.orderNumber, e.attempts])).toEqual([
      ['O-2', 1],
      ['O-1', 2],
    ]);
    expect(s.sync.outbox.byId(sent[1]!.id)!.remoteRef).toBe('found-at-shop');
    expect(s.sync.outbox.byId(sent[0]!.id)!.remoteRef).toBe('shop-R-2');
    expect(s.logs.some((l) => l.includes('return already at the shop'))).toBe(true);
    // Nothing left to send.
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pushed: 0 });
    expect(shop.calls).toHaveLength(3);
  });

  it('retries a return the shop has not got, and parks one the shop refuses', async () => {
    const shop = fakeShop();
    await stationWith(shop);
    s.sync.outbox.add(returned('O-1', 'R-1'));
    shop.fail = new SyncFailure('bad_response', 'garbled');
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ retried: 1 });
    shop.fail = new SyncFailure('refused', 'no such payment');
    dueNow();
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ parked: 1 });
    expect(shop.calls).toEqual(['push R-1', 'has R-1', 'push R-1']);
    const [parked] = s.sync.outbox.list(['parked'], 10);
    expect(parked).toMatchObject({ type: 'returned', orderNumber: 'O-1', lastError: 'no such payment' });
  });
});

describe('sync worker', () => {
  it('waits the configured interval after a good run and backs off while the shop is down', async () => {
    const waits: number[] = [];
    let pending: (() => void) | null = null;
    let down = true;
    const worker = new SyncWorker({
      run: async () => ({
        pulledProducts: 0,
        pulledOrders: 0,
        changedOrders: 0,
        cancelledOrders: 0,
        pushed: 0,
        retried: 0,
        parked: 0,
        error: down ? { kind: 'unreachable', message: 'down' } : null,
      }),
      everySeconds: () => 60,
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
      timers: { setTimeout: (fn, ms) => ((pending = fn), waits.push(ms)), clearTimeout: () => (pending = null) },
    });
    worker.start(0);
    for (let i = 0; i < 3; i++) {
      pending!();
      await new Promise((r) => setImmediate(r));
    }
    down = false;
    pending!();
    await new Promise((r) => setImmediate(r));
    expect(waits).toEqual([0, 5000, 10000, 20000, 60000]);
    worker.stop();
    expect(pending).toBeNull();
  });
});

describe('key-file secrets', () => {
  it('seals and opens, keeps the key readable by the user only, and refuses a tampered secret', () => {
    const secrets = keyFileSecrets(s.dir);
    const sealed = secrets.sealer.seal(new TextEncoder().encode('bl-token-123'));
    expect(Buffer.from(sealed).includes(Buffer.from('bl-token-123'))).toBe(false);
    expect(new TextDecoder().decode(keyFileSecrets(s.dir).sealer.open(sealed))).toBe('bl-token-123');
    if (process.platform !== 'win32') expect(fs.statSync(path.join(s.dir, SECRETS_KEY_FILE)).mode & 0o777).toBe(0o600);
    sealed[sealed.length - 1]! ^= 1;
    expect(() => secrets.sealer.open(sealed)).toThrow();
  });

  it('keeps the token out of the database, the journal and the logs', async () => {
    const { ok } = await import('../../interop/support/sync-station');
    await ok(s.call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
    await ok(
      s.call('sync.settings.set', {
        settings: { kind: 'vendure', vendure: { url: 'http://127.0.0.1:9/admin-api', username: '' } },
        secret: 'SECRET-TOKEN-XYZ',
      }),
    );
    expect(await ok(s.call('sync.status', {}))).toMatchObject({ hasSecret: true, kind: 'vendure' });
    s.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.readFileSync(path.join(s.dir, 'packdesk.sqlite')).includes(Buffer.from('SECRET-TOKEN-XYZ'))).toBe(false);
    expect(s.logs.join('\n')).not.toContain('SECRET-TOKEN-XYZ');
    const run = await ok(s.call('sync.now', {}));
    expect(run.error?.kind).toBe('unreachable');
    expect(s.logs.join('\n')).not.toContain('SECRET-TOKEN-XYZ');
  });
});
