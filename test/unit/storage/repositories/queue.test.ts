import { describe, expect, it } from 'vitest';
import { newOrder, openTestStore, PIN_HASH, sampleCatalog } from '../fixtures';

function queueStore() {
  const t = openTestStore();
  t.store.catalog.importCatalog(sampleCatalog());
  for (const id of ['ST-01', 'ST-02']) t.store.stations.upsert({ id, name: id, language: 'en', idleLogoutMinutes: 15 });
  const userId = t.store.users.insert({ name: 'Ola', role: 'packer', badgeCode: 'B-1', pinHash: PIN_HASH, language: null });
  const at = (hour: number) => `2026-03-01T${String(hour).padStart(2, '0')}:00:00.000Z`;
  t.store.orders.insertMany([
    newOrder('PD-1003', { createdAt: at(12), customerName: 'Zofia Kamińska', lines: [{ sku: 'LAMP-01', quantity: 1 }] }),
    newOrder('PD-1001', {
      createdAt: at(9),
      customerName: 'Łukasz Wiśniewski',
      lines: [
        { sku: 'TEA-GREEN', quantity: 2 },
        { sku: 'MUG-RED', quantity: 3 },
      ],
    }),
    newOrder('PD-1002', { createdAt: at(10), customerName: 'Anna Nowak' }),
    newOrder('PD-1004', { createdAt: at(8), customerName: 'Piotr Mazur', status: 'on_hold' }),
    newOrder('PD-1005', { createdAt: at(7), customerName: 'Ewa Lis', status: 'cancelled' }),
    newOrder('PD-1006', { createdAt: at(6), customerName: 'Jan Zieliński', status: 'shipped' }),
    newOrder('AB-2001', { createdAt: at(11), customerName: 'Marek Dąbrowski', lines: [{ sku: 'GIFT-SET', quantity: 1 }] }),
  ]);
  const id = (number: string) => t.store.orders.byNumber(number)!.id;
  const numbers = (search = '', stationId = 'ST-01') => t.store.orders.queue({ stationId, search, limit: 50, offset: 0 }).orders.map((o) => o.number);
  return { ...t, userId, id, numbers };
}

describe('order queue', () => {
  it('shows only ready orders, oldest first, with line and item counts', () => {
    const { store, numbers } = queueStore();
    expect(numbers()).toEqual(['PD-1001', 'PD-1002', 'AB-2001', 'PD-1003']);
    const result = store.orders.queue({ stationId: 'ST-01', search: '', limit: 50, offset: 0 });
    expect(result.total).toBe(4);
    expect(result.orders[0]).toMatchObject({
      number: 'PD-1001',
      status: 'ready',
      lineCount: 2,
      itemCount: 5,
      city: 'Kraków',
      country: 'PL',
      openAtStation: null,
    });
  });

  it('puts the order open at this station first and hides those open at another station', () => {
    const { store, userId, id, numbers } = queueStore();
    store.orders.lock(id('PD-1003'), 'ST-01', userId, 'now');
    store.orders.lock(id('PD-1002'), 'ST-02', userId, 'now');
    expect(numbers('', 'ST-01')).toEqual(['PD-1003', 'PD-1001', 'AB-2001']);
    expect(numbers('', 'ST-02')).toEqual(['PD-1002', 'PD-1001', 'AB-2001']);
    const here = store.orders.queue({ stationId: 'ST-01', search: '', limit: 1, offset: 0 });
    expect(here.orders[0]?.openAtStation).toBe('ST-01');
    expect(here.total).toBe(3);
  });

  it('searches by order number, as a prefix or anywhere in it, ignoring case', () => {
    const { numbers } = queueStore();
    expect(numbers('pd-100')).toEqual(['PD-1001', 'PD-1002', 'PD-1003']);
    expect(numbers('2001')).toEqual(['AB-2001']);
    expect(numbers('  PD-1002 ')).toEqual(['PD-1002']);
  });

  it('searches by customer name, ignoring case beyond ASCII', () => {
    const { numbers } = queueStore();
    expect(numbers('nowak')).toEqual(['PD-1002']);
    expect(numbers('łukasz')).toEqual(['PD-1001']);
    expect(numbers('KAMIŃSKA')).toEqual(['PD-1003']);
    expect(numbers('DĄB')).toEqual(['AB-2001']);
  });

  it('searches by the SKU of any line', () => {
    const { numbers } = queueStore();
    expect(numbers('mug-red')).toEqual(['PD-1001', 'PD-1002']);
    expect(numbers('TEA-GREEN')).toEqual(['PD-1001']);
    expect(numbers('gift')).toEqual(['AB-2001']);
  });

  it('never finds orders that cannot be packed, nor matches across fields, nor treats % as a wildcard', () => {
    const { numbers } = queueStore();
    expect(numbers('Mazur')).toEqual([]);
    expect(numbers('PD-1006')).toEqual([]);
    expect(numbers('%')).toEqual([]);
    // The field separator inside search_key is dropped from what is typed, so it cannot bridge fields.
    expect(numbers('1001\u001fłukasz')).toEqual([]);
  });

  it('pages through the queue with a stable total', () => {
    const { store } = queueStore();
    const page = (offset: number) => store.orders.queue({ stationId: 'ST-01', search: '', limit: 2, offset });
    expect(page(0).orders.map((o) => o.number)).toEqual(['PD-1001', 'PD-1002']);
    expect(page(2).orders.map((o) => o.number)).toEqual(['AB-2001', 'PD-1003']);
    expect(page(4)).toEqual({ orders: [], total: 4 });
  });
});
