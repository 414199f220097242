import { describe, expect, it } from 'vitest';
import { startPacking } from '../../../../src/domain/packing/session';
import { ACTIVE_SESSION_SQL, createPackingRepository } from '../../../../src/storage/repositories/packing';
import { newOrder, openTestStore, PIN_HASH, sampleCatalog } from '../fixtures';

const PUT_BACK = 300;

/** A station that put back PUT_BACK orders with their progress, and one more open at ST-02. */
function floorWithPutBackOrders() {
  const { store, db } = openTestStore();
  store.catalog.importCatalog(sampleCatalog());
  for (const id of ['ST-01', 'ST-02']) store.stations.upsert({ id, name: id, language: 'en', idleLogoutMinutes: 15 });
  const userId = store.users.insert({ name: 'Ola', role: 'packer', badgeCode: 'B-1', pinHash: PIN_HASH, language: null });
  store.orders.insertMany(Array.from({ length: PUT_BACK + 2 }, (_, i) => newOrder(`PD-${100000 + i}`, { lines: [{ sku: 'MUG-RED', quantity: 1 }] })));
  const packing = createPackingRepository(db);
  const orderId = (n: number) => store.orders.byNumber(`PD-${100000 + n}`)!.id;
  const open = (n: number, stationId: string, at: string) =>
    packing.create({ orderId: orderId(n), stationId, userId, state: startPacking(orderId(n), `PD-${100000 + n}`, []), openedAt: at });
  for (let n = 0; n < PUT_BACK; n++) open(n, 'ST-01', `2026-12-03T08:${String(n % 60).padStart(2, '0')}:00.000Z`);
  return { store, db, packing, userId, orderId, open };
}

describe('the order open at a station', () => {
  it('is the session of the order the station holds, among every order put back there', () => {
    const { store, packing, userId, orderId, open } = floorWithPutBackOrders();
    expect(packing.activeAt('ST-01')).toBeNull();
    // Older than every put-back session: it is found by its lock, not by being the newest.
    const packed = open(PUT_BACK, 'ST-01', '2026-12-03T07:00:00.000Z');
    store.orders.lock(orderId(PUT_BACK), 'ST-01', userId, 'now');
    expect(packing.activeAt('ST-01')?.id).toBe(packed.id);
    expect(packing.activeAt('ST-02')).toBeNull();
  });

  it('is not an order locked at another station, nor a put-back order another station holds', () => {
    const { store, packing, userId, orderId, open } = floorWithPutBackOrders();
    // Put back at ST-01, now held by ST-02 (the lock moved; ST-02 has no session of it yet).
    store.orders.lock(orderId(0), 'ST-02', userId, 'now');
    expect(packing.activeAt('ST-01')).toBeNull();
    expect(packing.activeAt('ST-02')).toBeNull();
    const atTwo = open(PUT_BACK + 1, 'ST-02', '2026-12-03T09:00:00.000Z');
    store.orders.lock(orderId(PUT_BACK + 1), 'ST-02', userId, 'now');
    expect(packing.activeAt('ST-02')?.id).toBe(atTwo.id);
    expect(packing.activeAt('ST-01')).toBeNull();
  });

  it("is read from the station's locks, not from the sessions of the orders put back there", () => {
    const { db } = floorWithPutBackOrders();
    const plan = db
      .prepare<[string], { detail: string }>(`EXPLAIN QUERY PLAN ${ACTIVE_SESSION_SQL}`)
      .all('ST-01')
      .map((step) => step.detail);
    expect(plan[0]).toMatch(/^SEARCH l USING COVERING INDEX order_locks_station \(station_id=\?\)/);
    expect(plan.join('\n')).not.toMatch(/packing_sessions_station|SCAN s/);
  });
});
