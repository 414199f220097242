import { describe, expect, it } from 'vitest';
import { StationFailure } from '../../../src/contract/errors';
import { newOrder, openTestStore, sampleCatalog } from './fixtures';

function failureOf(fn: () => unknown): StationFailure {
  try {
    fn();
  } catch (err) {
    if (err instanceof StationFailure) return err;
    throw err;
  }
  throw new Error('expected a StationFailure');
}

describe('a full disk', () => {
  it('turns SQLITE_FULL on a repository write into DISK_FULL, keeping what was saved before', () => {
    const { store, db, file } = openTestStore();
    store.catalog.importCatalog(sampleCatalog());
    store.orders.insertMany([newOrder('PD-1')]);
    // Cap the file at its current size: the next pages cannot be allocated, as on a full disk.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const batch = Array.from({ length: 500 }, (_, i) => newOrder(`PD-B${i}`, { note: 'n'.repeat(500) }));
    const failure = failureOf(() => store.orders.insertMany(batch));
    expect(failure.code).toBe('DISK_FULL');
    expect(failure.message).toContain(file);
    expect(failure.message).toMatch(/full/);
    expect(failure.cause).toMatchObject({ code: 'SQLITE_FULL' });
    expect(store.orders.count()).toBe(1);
    expect(store.orders.byNumber('PD-1')).not.toBeNull();
  });

  it('turns SQLITE_FULL inside Store.transaction into DISK_FULL and rolls the whole transaction back', () => {
    const { store, db } = openTestStore();
    store.stations.upsert({ id: 'ST-01', name: 'Station 1', language: 'en', idleLogoutMinutes: 15 });
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const failure = failureOf(() =>
      store.transaction(() => {
        store.stations.upsert({ id: 'ST-01', name: 'Renamed', language: 'pl', idleLogoutMinutes: 5 });
        store.catalog.importCatalog({
          ...sampleCatalog(),
          products: Array.from({ length: 300 }, (_, i) => ({ ...sampleCatalog().products[0]!, sku: `S-${i}`, name: 'x'.repeat(300), barcodes: [] })),
          kits: [],
        });
      }),
    );
    expect(failure.code).toBe('DISK_FULL');
    expect(store.stations.get('ST-01')?.name).toBe('Station 1');
    expect(store.catalog.productCount()).toBe(0);
  });
});
