import { describe, expect, it } from 'vitest';
import { StationFailure } from '../../../../src/contract/errors';
import { newOrder, openTestStore, PIN_HASH, sampleCatalog } from '../fixtures';

function failureOf(fn: () => unknown): StationFailure {
  try {
    fn();
  } catch (err) {
    if (err instanceof StationFailure) return err;
    throw err;
  }
  throw new Error('expected a StationFailure');
}

function storeWithOrders() {
  const t = openTestStore();
  t.store.catalog.importCatalog(sampleCatalog());
  t.store.stations.upsert({ id: 'ST-01', name: 'Station 1', language: 'en', idleLogoutMinutes: 15 });
  t.store.stations.upsert({ id: 'ST-02', name: 'Station 2', language: 'en', idleLogoutMinutes: 15 });
  const userId = t.store.users.insert({ name: 'Ola', role: 'packer', badgeCode: 'B-1', pinHash: PIN_HASH, language: null });
  t.store.orders.insertMany([
    newOrder('PD-1001', {
      externalId: 'ext-1',
      customerName: 'Łukasz Wiśniewski',
      shipTo: {
        name: 'Łukasz Wiśniewski',
        company: 'Herbata sp. z o.o.',
        street: 'Rynek 1',
        city: 'Wrocław',
        postcode: '50-101',
        country: 'PL',
        phone: '+48 600 000 000',
        email: 'l@example.pl',
      },
      service: 'locker',
      note: 'Fragile',
      lines: [
        { sku: 'TEA-GREEN', quantity: 3 },
        { sku: 'MUG-RED', quantity: 1 },
      ],
    }),
    newOrder('PD-1002', { createdAt: '2026-03-01T11:00:00.000Z' }),
  ]);
  return { ...t, userId };
}

describe('order repository', () => {
  it('round-trips an order with its lines, in line order, names taken from the catalogue', () => {
    const { store } = storeWithOrders();
    const order = store.orders.byNumber('PD-1001')!;
    const tea = store.catalog.productBySku('TEA-GREEN')!;
    expect(order).toMatchObject({
      number: 'PD-1001',
      externalId: 'ext-1',
      status: 'ready',
      customerName: 'Łukasz Wiśniewski',
      shipTo: {
        name: 'Łukasz Wiśniewski',
        company: 'Herbata sp. z o.o.',
        street: 'Rynek 1',
        city: 'Wrocław',
        postcode: '50-101',
        country: 'PL',
        phone: '+48 600 000 000',
        email: 'l@example.pl',
      },
      carrierCode: 'inpost',
      service: 'locker',
      note: 'Fragile',
      createdAt: '2026-03-01T10:00:00.000Z',
    });
    expect(order.lines.map((l) => [l.sku, l.name, l.quantity])).toEqual([
      ['TEA-GREEN', 'Green tea 100 g', 3],
      ['MUG-RED', 'Red mug', 1],
    ]);
    expect(order.lines[0]!.productId).toBe(tea.id);
    expect(store.orders.byId(order.id)).toEqual(order);
    expect(store.orders.count()).toBe(2);
  });

  it('finds an order by number and by its pick-list code, ignoring case, and not by anything else', () => {
    const { store } = storeWithOrders();
    const id = store.orders.byNumber('PD-1001')!.id;
    expect(store.orders.byNumber('pd-1001')?.id).toBe(id);
    expect(store.orders.byReference('PL-PD-1001')?.id).toBe(id);
    expect(store.orders.byReference('pl-pd-1001')?.id).toBe(id);
    expect(store.orders.byNumber('PD-9999')).toBeNull();
    expect(store.orders.byReference('PD-1001')).toBeNull();
    expect(store.orders.byId(9999)).toBeNull();
  });

  it('refuses a whole batch that names an unknown SKU, listing the SKUs', () => {
    const { store } = storeWithOrders();
    const failure = failureOf(() =>
      store.orders.insertMany([
        newOrder('PD-2001'),
        newOrder('PD-2002', {
          lines: [
            { sku: 'GHOST-1', quantity: 1 },
            { sku: 'GHOST-2', quantity: 1 },
          ],
        }),
      ]),
    );
    expect(failure.code).toBe('VALIDATION_FAILED');
    expect(failure.message).toContain('GHOST-1, GHOST-2');
    expect(store.orders.count()).toBe(2);
  });

  it('refuses a batch repeating an existing number and rolls back the orders before it', () => {
    const { store } = storeWithOrders();
    const failure = failureOf(() => store.orders.insertMany([newOrder('PD-3001'), newOrder('pd-1002')]));
    expect(failure.code).toBe('VALIDATION_FAILED');
    expect(failure.message).toContain('pd-1002');
    expect(store.orders.byNumber('PD-3001')).toBeNull();
    expect(store.orders.count()).toBe(2);
  });

  it('changes the status, and says so when the order does not exist', () => {
    const { store } = storeWithOrders();
    const id = store.orders.byNumber('PD-1002')!.id;
    store.orders.setStatus(id, 'on_hold');
    expect(store.orders.byId(id)?.status).toBe('on_hold');
    expect(failureOf(() => store.orders.setStatus(9999, 'shipped')).code).toBe('ORDER_NOT_FOUND');
  });

  it('opens an order at one station only; the holder may refresh and release it', () => {
    const { store, userId } = storeWithOrders();
    const id = store.orders.byNumber('PD-1001')!.id;
    expect(store.orders.openAt(id)).toBeNull();
    store.orders.lock(id, 'ST-01', userId, '2026-03-02T08:00:00Z');
    store.orders.lock(id, 'ST-01', userId, '2026-03-02T08:01:00Z');
    expect(store.orders.openAt(id)).toBe('ST-01');
    const elsewhere = failureOf(() => store.orders.lock(id, 'ST-02', userId, '2026-03-02T08:02:00Z'));
    expect(elsewhere.code).toBe('ORDER_OPEN_ELSEWHERE');
    expect(elsewhere.params).toEqual({ station: 'ST-01' });
    store.orders.unlock(id, 'ST-02');
    expect(store.orders.openAt(id)).toBe('ST-01');
    store.orders.unlock(id, 'ST-01');
    expect(store.orders.openAt(id)).toBeNull();
    expect(failureOf(() => store.orders.lock(9999, 'ST-01', userId, 'now')).code).toBe('ORDER_NOT_FOUND');
  });

  it('releases every order open at a station except the one named', () => {
    const { store, userId } = storeWithOrders();
    const [a, b] = ['PD-1001', 'PD-1002'].map((n) => store.orders.byNumber(n)!.id) as [number, number];
    store.orders.lock(a, 'ST-01', userId, 'now');
    store.orders.lock(b, 'ST-01', userId, 'now');
    store.orders.unlockStation('ST-01', b);
    expect([store.orders.openAt(a), store.orders.openAt(b)]).toEqual([null, 'ST-01']);
    store.orders.unlockStation('ST-01');
    expect(store.orders.openAt(b)).toBeNull();
  });

  it('lists every order newest first, optionally by status, with counts and where it is open', () => {
    const { store, userId } = storeWithOrders();
    const first = store.orders.byNumber('PD-1001')!.id;
    store.orders.setStatus(store.orders.byNumber('PD-1002')!.id, 'shipped');
    store.orders.lock(first, 'ST-02', userId, 'now');
    const all = store.orders.list({ limit: 10, offset: 0 });
    expect(all.total).toBe(2);
    expect(all.orders.map((o) => o.number)).toEqual(['PD-1002', 'PD-1001']);
    expect(all.orders[1]).toEqual({
      id: first,
      number: 'PD-1001',
      status: 'ready',
      customerName: 'Łukasz Wiśniewski',
      city: 'Wrocław',
      country: 'PL',
      carrierCode: 'inpost',
      lineCount: 2,
      itemCount: 4,
      createdAt: '2026-03-01T10:00:00.000Z',
      openAtStation: 'ST-02',
    });
    const shipped = store.orders.list({ status: 'shipped', limit: 10, offset: 0 });
    expect([shipped.total, shipped.orders.map((o) => o.number)]).toEqual([1, ['PD-1002']]);
    expect(store.orders.list({ limit: 1, offset: 1 }).orders.map((o) => o.number)).toEqual(['PD-1001']);
  });
});
