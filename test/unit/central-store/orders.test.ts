import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { RemoteOrder, RemoteProduct } from '../../../src/app/ports/backend';
import { CENTRAL_MIGRATIONS, migrateCentral, openCentralStore, type CentralStore } from '../../../src/central-store';
import { usePostgres } from '../../support/postgres-server';

const server = usePostgres();
const stores: CentralStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function store(url?: string): Promise<CentralStore> {
  const s = openCentralStore({ url: url ?? (await server().createDatabase()) });
  stores.push(s);
  await s.migrate();
  return s;
}

const product = (sku: string, name = `Product ${sku}`): RemoteProduct => ({ sku, name, weightGrams: 250, barcodes: [`59000000${sku.length}`] });
const order = (id: string, skus: string[], status: RemoteOrder['status'] = 'ready'): RemoteOrder => ({
  externalId: id,
  number: `PD-${id}`,
  status,
  customerName: 'Jan Nowak',
  shipTo: { name: 'Jan Nowak', company: null, street: 'ul. Długa 5', city: 'Kraków', postcode: '30-001', country: 'PL', phone: null, email: null },
  carrierCode: 'inpost',
  service: null,
  note: null,
  createdAt: '2026-12-01T08:00:00.000Z',
  lines: skus.map((sku, i) => ({ externalLineId: `${id}-${i}`, sku, name: sku, quantity: i + 1, unitPrice: { minor: 1999, currency: 'PLN' } })),
});
const at = new Date('2026-12-02T10:00:00Z');

describe("central's orders (migration 0005)", () => {
  it('migrates a database at schema 4 with its claims and forwarded events kept; the outbox is keyed by id and idempotency key (0006)', async () => {
    const url = await server().createDatabase();
    const pool = new pg.Pool({ connectionString: url });
    try {
      await migrateCentral(pool, CENTRAL_MIGRATIONS.slice(0, 4));
      await pool.query("INSERT INTO stations (id, name, public_key, registered_at) VALUES ('ST-A', 'ST-A', 'ed25519:x', now())");
      await pool.query("INSERT INTO order_claims (order_number, station_id, kind, claimed_at) VALUES ('PD-1', 'ST-A', 'completed', now())");
      await pool.query(
        `INSERT INTO central_outbox (station_id, station_event_id, type, order_number, idempotency_key, payload, created_at, received_at, next_attempt_at)
         VALUES ('ST-A', 1, 'note', 'PD-1', 'note:PD-1', '{}', now(), now(), now())`,
      );
      const report = await migrateCentral(pool);
      expect(report).toMatchObject({ from: 4, to: CENTRAL_MIGRATIONS.length, applied: expect.arrayContaining(['5-central-orders', '6-outbox-event-key']) });
      expect((await pool.query('SELECT order_number, kind FROM order_claims')).rows).toEqual([{ order_number: 'PD-1', kind: 'completed' }]);
      // The same station and id under another key is another event now; the same key is still refused by the key.
      await pool.query(
        `INSERT INTO central_outbox (station_id, station_event_id, type, order_number, idempotency_key, payload, created_at, received_at, next_attempt_at)
         VALUES ('ST-A', 1, 'note', 'PD-2', 'note:PD-2', '{}', now(), now(), now())`,
      );
      await expect(
        pool.query(
          `INSERT INTO central_outbox (station_id, station_event_id, type, order_number, idempotency_key, payload, created_at, received_at, next_attempt_at)
           VALUES ('ST-A', 1, 'note', 'PD-1', 'note:PD-1', '{}', now(), now(), now())`,
        ),
      ).rejects.toThrow(/central_outbox_event_key/);
      const tables = await pool.query<{ t: string }>(
        "SELECT table_name AS t FROM information_schema.tables WHERE table_name LIKE 'central_%' ORDER BY table_name",
      );
      expect(tables.rows.map((r) => r.t)).toEqual([
        'central_order_lines',
        'central_orders',
        'central_outbox',
        'central_products',
        'central_schema',
        'central_shop_pull',
      ]);
    } finally {
      await pool.end();
    }
  });

  it('serves what changed since a cursor, a page at a time, each order with the products it names; an unchanged record is not served again', async () => {
    const s = await store();
    expect(await s.orders.saveProducts([product('A'), product('B'), product('C')], at)).toBe(3);
    expect(await s.orders.saveOrders('vendure', [order('1', ['A', 'B']), order('2', ['C'])], [], '{"since":"x"}', at)).toBe(2);
    expect((await s.orders.shopState())?.ordersCursor).toBe('{"since":"x"}');

    const first = await s.orders.changes(null, 4);
    expect(first.products.map((p) => p.sku)).toEqual(['A', 'B', 'C']);
    expect(first.orders.map((o) => o.number)).toEqual(['PD-1']);
    expect(first.more).toBe(true);
    const second = await s.orders.changes(first.cursor, 4);
    expect(second.orders).toEqual([order('2', ['C'])]);
    // The products an order names travel with it, changed or not.
    expect(second.products.map((p) => p.sku)).toEqual(['C']);
    expect(second.more).toBe(false);
    expect((await s.orders.changes(second.cursor, 4)).orders).toEqual([]);

    // The same records again change nothing; a changed order and product are served again, once.
    expect(await s.orders.saveProducts([product('A'), product('B', 'Renamed')], at)).toBe(1);
    expect(await s.orders.saveOrders('vendure', [order('1', ['A', 'B']), order('2', ['C'], 'cancelled')], [], undefined, at)).toBe(1);
    const third = await s.orders.changes(second.cursor, 10);
    expect(third.orders.map((o) => [o.number, o.status])).toEqual([['PD-2', 'cancelled']]);
    expect(third.products.map((p) => [p.sku, p.name])).toEqual([
      ['B', 'Renamed'],
      ['C', 'Product C'],
    ]);
    expect(await s.orders.openExternalIds('vendure', 10)).toEqual(['1']);
  });

  it('keeps the shop’s fragile mark with a product and serves it to the stations; a product without one is served as before', async () => {
    const s = await store();
    expect(await s.orders.saveProducts([{ ...product('VASE'), fragile: true }, product('MUG')], at)).toBe(2);
    const first = await s.orders.changes(null, 10);
    expect(first.products).toEqual([{ ...product('MUG') }, { ...product('VASE'), fragile: true }]);
    // The mark taken off in the shop is a change, served again.
    expect(await s.orders.saveProducts([{ ...product('VASE'), fragile: false }, product('MUG')], at)).toBe(1);
    expect((await s.orders.changes(first.cursor, 10)).products).toEqual([{ ...product('VASE'), fragile: false }]);
  });

  it('an order a station packed comes back from the shop as shipped: the stations are not told, and central stops asking about it', async () => {
    const s = await store();
    await s.stations.register({ id: 'ST-A', name: 'ST-A', publicKey: 'ed25519:x' }, at);
    await s.orders.saveProducts([product('A')], at);
    await s.orders.saveOrders('vendure', [order('1', ['A']), order('2', ['A'])], [], undefined, at);
    const { cursor } = await s.orders.changes(null, 100);
    expect(await s.claims.claim('PD-1', 'ST-A', at)).toEqual({ won: true });
    expect(await s.claims.complete('PD-1', 'ST-A', at)).toBe(true);
    // Another station's shipment forwarded to central, its completion not told yet: packed here too.
    await s.orders.saveOrders('vendure', [order('3', ['A'])], [], undefined, at);
    const { cursor: after3 } = await s.orders.changes(cursor, 100);
    const shipment = {
      idempotencyKey: 'shipped:vendure:3:1',
      externalOrderId: '3',
      orderNumber: 'PD-3',
      carrierCode: 'inpost',
      trackingNumbers: ['T'],
      partial: false,
      lines: [],
      parcels: [],
    };
    await s.outbox.accept(
      'ST-A',
      [
        {
          eventId: 1,
          type: 'shipped',
          orderNumber: 'PD-3',
          idempotencyKey: shipment.idempotencyKey,
          payload: shipment,
          createdAt: at.toISOString(),
          shopAttempts: 0,
        },
      ],
      at,
    );
    expect(await s.orders.openExternalIds('vendure', 10)).toEqual(['2']);
    // Shipped by the shop for another reason (nobody here packed it): that the stations hear.
    const shipped = [order('1', ['A'], 'shipped'), order('2', ['A'], 'shipped'), order('3', ['A'], 'shipped')];
    expect(await s.orders.saveOrders('vendure', shipped, [], undefined, at)).toBe(1);
    expect((await s.orders.changes(after3, 100)).orders.map((o) => o.number)).toEqual(['PD-2']);
  });

  it('records how each pull went; another shop starts from the beginning', async () => {
    const s = await store();
    await s.orders.saveOrders('vendure', [], [], 'cursor-1', at);
    await s.orders.recordRun('vendure', at, null);
    await s.orders.recordRun('vendure', new Date('2026-12-02T11:00:00Z'), 'Vendure cannot be reached');
    expect(await s.orders.shopState()).toEqual({
      kind: 'vendure',
      ordersCursor: 'cursor-1',
      lastRunAt: '2026-12-02T11:00:00.000Z',
      lastSuccessAt: at.toISOString(),
      lastError: 'Vendure cannot be reached',
    });
    await s.orders.recordRun('file', at, null);
    expect(await s.orders.shopState()).toMatchObject({ kind: 'file', ordersCursor: null, lastError: null });
  });
});
