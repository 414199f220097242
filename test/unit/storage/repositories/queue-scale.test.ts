import { describe, expect, it } from 'vitest';
import type { NewOrder } from '../../../../src/app/ports/store';
import { orderSummarySchema } from '../../../../src/contract/schemas';
import { newOrder, openTestStore, PIN_HASH, sampleCatalog } from '../fixtures';

const ORDERS = 100_000;
const SKUS = ['MUG-RED', 'TEA-GREEN', 'LAMP-01', 'GIFT-SET'];
const NAMES = ['Anna Nowak', 'Łukasz Wiśniewski', 'Zofia Kamińska', 'Piotr Mazur', 'Ewa Lis', 'Marek Dąbrowski'];

function bigBatch(): NewOrder[] {
  const base = Date.parse('2025-01-01T00:00:00.000Z');
  return Array.from({ length: ORDERS }, (_, i) =>
    newOrder(`PD-${100000 + i}`, {
      status: i % 10 === 0 ? 'shipped' : 'ready',
      customerName: `${NAMES[i % NAMES.length]} ${i}`,
      createdAt: new Date(base + i * 60_000).toISOString(),
      lines: SKUS.map((sku, n) => ({ sku, quantity: 1 + ((i + n) % 3) })),
    }),
  );
}

describe('order queue at 100,000 orders and 400,000 lines', () => {
  it('imports in one call and answers every kind of query with the right shape', () => {
    const { store, file } = openTestStore();
    store.catalog.importCatalog(sampleCatalog());
    store.stations.upsert({ id: 'ST-01', name: 'Station 1', language: 'en', idleLogoutMinutes: 15 });
    const userId = store.users.insert({ name: 'Ola', role: 'packer', badgeCode: 'B-1', pinHash: PIN_HASH, language: null });

    const importStart = performance.now();
    expect(store.orders.insertMany(bigBatch())).toBe(ORDERS);
    const importMs = performance.now() - importStart;
    const lastReady = store.orders.byNumber(`PD-${100000 + ORDERS - 1}`)!;
    store.orders.lock(lastReady.id, 'ST-01', userId, 'now');

    const timings: Record<string, number> = {};
    const timed = (label: string, search: string) => {
      store.orders.queue({ stationId: 'ST-01', search, limit: 50, offset: 0 });
      const start = performance.now();
      const result = store.orders.queue({ stationId: 'ST-01', search, limit: 50, offset: 0 });
      timings[label] = Math.round((performance.now() - start) * 10) / 10;
      return result;
    };

    const all = timed('no search', '');
    expect(all.total).toBe(ORDERS * 0.9);
    expect(all.orders).toHaveLength(50);
    expect(all.orders[0]).toMatchObject({ number: lastReady.number, openAtStation: 'ST-01', lineCount: 4 });
    expect(all.orders[1]!.number).toBe('PD-100001');
    for (const summary of all.orders) expect(orderSummarySchema.parse(summary)).toEqual(summary);

    expect(timed('number prefix', 'pd-1234').total).toBe(90);
    expect(timed('number exact', 'PD-150001').orders.map((o) => o.number)).toEqual(['PD-150001']);
    // i = 4244 and 42446 (42440 is shipped); NAMES[i % 6] is Zofia for both.
    const customer = timed('customer', 'KAMIŃSKA 4244');
    expect(customer.orders.map((o) => o.customerName)).toEqual(['Zofia Kamińska 4244', 'Zofia Kamińska 42446']);
    expect(timed('sku', 'lamp-01').total).toBe(ORDERS * 0.9);
    expect(timed('nothing matches', 'no-such-thing').total).toBe(0);

    // Figures for the report, not assertions: this machine's speed is not the product's.
    console.info(`storage scale (${file}): insertMany ${Math.round(importMs)} ms; queue ms ${JSON.stringify(timings)}`);
  }, 60_000);
});
