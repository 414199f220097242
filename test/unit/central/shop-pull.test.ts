import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { PullPage, RemoteOrder, RemoteProduct, ShopBackend } from '../../../src/app/ports/backend';
import type { CentralOrders } from '../../../src/app/ports/central';
import { openCentralStore, type CentralStore } from '../../../src/central-store';
import { CentralShopPull } from '../../../src/central/shop-pull';
import { usePostgres } from '../../support/postgres-server';

const server = usePostgres();
const stores: CentralStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const clock = { now: () => new Date('2026-12-02T10:00:00Z') };

const order = (n: number, status: RemoteOrder['status'] = 'ready'): RemoteOrder => ({
  externalId: String(n),
  number: `PD-${n}`,
  status,
  customerName: 'Jan Nowak',
  shipTo: { name: 'Jan Nowak', company: null, street: 'ul. Długa 5', city: 'Kraków', postcode: '30-001', country: 'PL', phone: null, email: null },
  carrierCode: 'inpost',
  service: null,
  note: null,
  createdAt: '2026-12-01T08:00:00.000Z',
  // Every other order has two lines.
  lines: Array.from({ length: 1 + (n % 2) }, (_, i) => ({ externalLineId: `${n}-${i}`, sku: 'MUG-01', name: 'Kubek', quantity: 1 + ((n + i) % 3) })),
});
const products: RemoteProduct[] = [{ sku: 'MUG-01', name: 'Kubek', weightGrams: 300, barcodes: ['5901234123457'] }];

/**
 * A shop of `count` orders served `pageSize` at a time (the cursor is the offset, as Vendure's
 * skip), every request logged; `failAsk` makes the request for one offset fail.
 */
function pagedShop(count: number, pageSize: number) {
  const orders = Array.from({ length: count }, (_, i) => order(i + 1));
  const asked: string[] = [];
  let failAsk: number | null = null;
  const backend = {
    kind: 'vendure',
    pullProducts: async (): Promise<PullPage<RemoteProduct>> => ({ items: products, cursor: null, more: false, total: products.length }),
    pullOrders: async (cursor: string | null): Promise<PullPage<RemoteOrder>> => {
      const skip = cursor === null ? 0 : Number(cursor);
      asked.push(`orders@${skip}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (skip === failAsk) throw new Error('shop: connection reset');
      const items = orders.slice(skip, skip + pageSize);
      const more = skip + items.length < orders.length;
      return { items, cursor: String(skip + items.length), more, total: orders.length };
    },
    ordersById: async (ids: string[]): Promise<RemoteOrder[]> => {
      asked.push(`byId:${ids.length}`);
      return orders.filter((o) => ids.includes(o.externalId));
    },
  } as unknown as ShopBackend;
  return {
    orders,
    asked,
    backend,
    failAt: (skip: number | null) => {
      failAsk = skip;
    },
  };
}

const urls = new Map<CentralStore, string>();
async function store(): Promise<CentralStore> {
  const url = await server().createDatabase();
  const s = openCentralStore({ url });
  stores.push(s);
  urls.set(s, url);
  await s.migrate();
  return s;
}

/** Central's order lines as kept, "number/position×quantity", by order and position. */
async function keptLines(s: CentralStore): Promise<string[]> {
  const client = new pg.Client({ connectionString: urls.get(s) });
  await client.connect();
  try {
    const { rows } = await client.query<{ l: string }>(
      "SELECT order_number || '/' || position || '×' || quantity AS l FROM central_order_lines ORDER BY external_id::int, position",
    );
    return rows.map((r) => r.l);
  } finally {
    await client.end();
  }
}

const pullWith = (s: CentralStore, backend: ShopBackend, orders: CentralOrders = s.orders) =>
  new CentralShopPull({ orders, pulling: (fn) => s.pulling(fn), backend, clock, logger: silent, everySeconds: 3600 });

/** Every order central serves the stations from the beginning of its feed, by number, in feed order. */
async function fed(s: CentralStore): Promise<string[]> {
  const numbers: string[] = [];
  for (let cursor: string | null = null; ;) {
    const page = await s.orders.changes(cursor, 3);
    numbers.push(...page.orders.map((o) => o.number));
    if (!page.more) return numbers;
    cursor = page.cursor;
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `PD-${from + i}`);

describe("central's pull from the shop, one page asked ahead of the one being kept", () => {
  it('asks the shop for the next page while it writes the current one, and keeps the pages in order with their cursors', async () => {
    const s = await store();
    const shop = pagedShop(7, 2);
    // Whether, when a page's write starts, the page after it has been asked for already.
    const askedAhead: boolean[] = [];
    const orders: CentralOrders = {
      ...s.orders,
      saveOrders: async (kind, items, named, cursor, now) => {
        if (Number(cursor) < 7) askedAhead.push(shop.asked.includes(`orders@${cursor}`));
        return s.orders.saveOrders(kind, items, named, cursor, now);
      },
    };
    expect(await pullWith(s, shop.backend, orders).runOnce()).toEqual({ products: 1, orders: 7, error: null });
    expect(askedAhead).toEqual([true, true, true]);
    expect(shop.asked).toEqual(['orders@0', 'orders@2', 'orders@4', 'orders@6']);
    expect(await fed(s)).toEqual(range(1, 7));
    expect((await s.orders.shopState())?.ordersCursor).toBe('7');
  });

  it('a write cut with the next page already asked for: the cursor stays after the last page kept, and the next pull (a restarted central) resumes there, losing and repeating nothing', async () => {
    const s = await store();
    const shop = pagedShop(9, 2);
    let writes = 0;
    const cut: CentralOrders = {
      ...s.orders,
      saveOrders: async (...args) => {
        if (++writes === 3) {
          // The page after this one (orders 7-8) has been asked for already.
          expect(shop.asked.at(-1)).toBe('orders@6');
          throw new Error('connection to PostgreSQL lost');
        }
        return s.orders.saveOrders(...args);
      },
    };
    const failed = await pullWith(s, shop.backend, cut).runOnce();
    expect(failed).toMatchObject({ orders: 4, error: { message: expect.stringMatching(/connection to PostgreSQL lost/) } });
    expect((await s.orders.shopState())?.ordersCursor).toBe('4');
    expect(await fed(s)).toEqual(range(1, 4));

    shop.asked.length = 0;
    expect(await pullWith(s, shop.backend).runOnce()).toMatchObject({ orders: 5, error: null });
    // Resumed at the page that was not kept; the orders kept before were asked about by id (still open), not pulled again.
    expect(shop.asked).toEqual(['orders@4', 'orders@6', 'orders@8', 'byId:4']);
    expect(await fed(s)).toEqual(range(1, 9));
    expect((await s.orders.shopState())?.ordersCursor).toBe('9');
    expect(await keptLines(s)).toEqual(shop.orders.flatMap((o) => o.lines.map((l, i) => `${o.number}/${i}×${l.quantity}`)));
  });

  it('the shop failing on the page asked ahead: the page being written is still kept, and the next pull goes on from it', async () => {
    const s = await store();
    const shop = pagedShop(6, 2);
    shop.failAt(4);
    expect(await pullWith(s, shop.backend).runOnce()).toMatchObject({ orders: 4, error: { message: expect.stringMatching(/connection reset/) } });
    expect((await s.orders.shopState())?.ordersCursor).toBe('4');
    expect(await fed(s)).toEqual(range(1, 4));
    shop.failAt(null);
    expect(await pullWith(s, shop.backend).runOnce()).toMatchObject({ orders: 2, error: null });
    expect(await fed(s)).toEqual(range(1, 6));
  });

  it('the orders pulled earlier are asked about by id in batches (each asked while the one before is kept), each once, and a cancellation in a later batch is kept', async () => {
    const s = await store();
    const shop = pagedShop(230, 100);
    await pullWith(s, shop.backend).runOnce();
    const before = await fed(s);
    // Cancelled, and one of its two lines gone.
    shop.orders[200] = { ...order(201, 'cancelled'), lines: [{ externalLineId: '201-0', sku: 'MUG-01', name: 'Kubek', quantity: 5 }] };
    shop.asked.length = 0;
    // Nothing new since the cursor: the shop's next page is empty.
    expect(await pullWith(s, shop.backend).runOnce()).toEqual({ products: 0, orders: 1, error: null });
    expect(shop.asked).toEqual(['orders@230', 'byId:100', 'byId:100', 'byId:30']);
    expect(await fed(s)).toEqual([...before.filter((n) => n !== 'PD-201'), 'PD-201']);
    expect((await keptLines(s)).filter((l) => l.startsWith('PD-201/'))).toEqual(['PD-201/0×5']);
  });
});
