import type { Pool, PoolClient } from 'pg';
import type { RemoteOrder, RemoteProduct } from '../app/ports/backend';
import type { CentralOrders, CentralShopState } from '../app/ports/central';
import type { BackendKind } from '../contract/sync';

/**
 * Taken (for the transaction) by every write that draws from central_feed_seq: writers then
 * commit in seq order, so a station reading "after seq N" never passes a seq that commits later.
 */
const FEED_LOCK = 0x70616366; // 'pacf'

async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [FEED_LOCK]);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * An order a station of this warehouse packed: its completion told to central, or its shipment
 * forwarded to central (which may reach the shop, and come back as "shipped", before the station
 * next tells central it completed the order).
 */
const PACKED_HERE = (orderNumber: string) =>
  `(EXISTS (SELECT 1 FROM order_claims c WHERE c.order_number = ${orderNumber} AND c.kind = 'completed')
    OR EXISTS (SELECT 1 FROM central_outbox e WHERE e.order_number = ${orderNumber} AND e.type = 'shipped'))`;

/** Products whose record differs from central's (or that are new) take a new seq; the same record changes nothing. */
async function upsertProducts(client: PoolClient, products: readonly RemoteProduct[], now: Date): Promise<number> {
  if (products.length === 0) return 0;
  // The last copy of a SKU wins, as the station's catalogue import does.
  // The weight and the fragile mark are kept only when the shop has them, so a station keeps its own otherwise.
  const record = (p: RemoteProduct): RemoteProduct => ({
    sku: p.sku,
    name: p.name,
    barcodes: p.barcodes,
    ...(p.weightGrams === undefined ? {} : { weightGrams: p.weightGrams }),
    ...(p.fragile === undefined ? {} : { fragile: p.fragile }),
  });
  const bySku = new Map(products.map((p) => [p.sku, { sku: p.sku, product: record(p) }]));
  const { rowCount } = await client.query(
    `INSERT INTO central_products (sku, product, seq, updated_at)
     SELECT sku, product, nextval('central_feed_seq'), $2 FROM jsonb_to_recordset($1::jsonb) AS p(sku text, product jsonb) ORDER BY sku
     ON CONFLICT (sku) DO UPDATE SET product = EXCLUDED.product, seq = EXCLUDED.seq, updated_at = EXCLUDED.updated_at
     WHERE central_products.product IS DISTINCT FROM EXCLUDED.product`,
    [JSON.stringify([...bySku.values()]), now],
  );
  return rowCount ?? 0;
}

export function createCentralOrders(pool: Pool): CentralOrders {
  return {
    async shopState() {
      const { rows } = await pool.query<{
        shop_kind: BackendKind;
        orders_cursor: string | null;
        last_run_at: Date | null;
        last_success_at: Date | null;
        last_error: string | null;
      }>('SELECT shop_kind, orders_cursor, last_run_at, last_success_at, last_error FROM central_shop_pull');
      const r = rows[0];
      if (!r) return null;
      const state: CentralShopState = {
        kind: r.shop_kind,
        ordersCursor: r.orders_cursor,
        lastRunAt: r.last_run_at?.toISOString() ?? null,
        lastSuccessAt: r.last_success_at?.toISOString() ?? null,
        lastError: r.last_error,
      };
      return state;
    },

    saveProducts: (products, now) => inTransaction(pool, (client) => upsertProducts(client, products, now)),

    saveOrders(kind, orders, products, cursor, now) {
      return inTransaction(pool, async (client) => {
        await upsertProducts(client, products, now);
        let changed = 0;
        if (orders.length > 0) {
          // The page goes to PostgreSQL as one JSON array of the records as they are (the last copy
          // of an order wins), and the lines are read out of them there: central's process, which
          // shares its CPU with everything else it serves, only serialises the page once.
          const records = [...new Map(orders.map((o) => [o.externalId, o])).values()];
          // A shipment a station of this warehouse packed comes back from the shop as "shipped":
          // nothing the stations need to hear (the packing station has it; the others would take
          // it as shipped elsewhere), so such an order is left as it is.
          const { rows } = await client.query<{ external_id: string }>(
            `INSERT INTO central_orders (shop_kind, external_id, order_number, status, remote, seq, pulled_at, updated_at)
             SELECT $1, o->>'externalId', o->>'number', o->>'status', o, nextval('central_feed_seq'), $3, $3
               FROM jsonb_array_elements($2::jsonb) AS o
             ON CONFLICT (shop_kind, external_id) DO UPDATE
               SET order_number = EXCLUDED.order_number, status = EXCLUDED.status, remote = EXCLUDED.remote, seq = EXCLUDED.seq, updated_at = EXCLUDED.updated_at
             WHERE central_orders.remote IS DISTINCT FROM EXCLUDED.remote
               AND NOT (EXCLUDED.status = 'shipped' AND ${PACKED_HERE('EXCLUDED.order_number')})
             RETURNING external_id`,
            [kind, JSON.stringify(records), now],
          );
          const ids = rows.map((r) => r.external_id);
          changed = ids.length;
          if (ids.length > 0) {
            await client.query('DELETE FROM central_order_lines WHERE shop_kind = $1 AND external_id = ANY($2::text[])', [kind, ids]);
            await client.query(
              `INSERT INTO central_order_lines (shop_kind, external_id, position, order_number, sku, quantity)
               SELECT o.shop_kind, o.external_id, l.n - 1, o.order_number, l.line->>'sku', (l.line->>'quantity')::integer
                 FROM central_orders o, jsonb_array_elements(o.remote->'lines') WITH ORDINALITY AS l(line, n)
                WHERE o.shop_kind = $1 AND o.external_id = ANY($2::text[])`,
              [kind, ids],
            );
          }
        }
        if (cursor !== undefined) {
          await client.query(
            `INSERT INTO central_shop_pull (shop_kind, orders_cursor) VALUES ($1, $2)
             ON CONFLICT (only_row) DO UPDATE SET shop_kind = EXCLUDED.shop_kind, orders_cursor = EXCLUDED.orders_cursor`,
            [kind, cursor],
          );
        }
        return changed;
      });
    },

    async openExternalIds(kind, limit) {
      const { rows } = await pool.query<{ external_id: string }>(
        `SELECT o.external_id FROM central_orders o
          WHERE o.shop_kind = $1 AND o.status IN ('ready', 'on_hold')
            AND NOT ${PACKED_HERE('o.order_number')}
          ORDER BY o.external_id LIMIT $2`,
        [kind, limit],
      );
      return rows.map((r) => r.external_id);
    },

    async recordRun(kind, at, error) {
      // Another shop than the cursor's: its cursor means nothing there, so the next pull starts from the beginning.
      await pool.query(
        `INSERT INTO central_shop_pull (shop_kind, orders_cursor, last_run_at, last_success_at, last_error)
         VALUES ($1, NULL, $2::timestamptz, CASE WHEN $3::text IS NULL THEN $2::timestamptz END, $3::text)
         ON CONFLICT (only_row) DO UPDATE SET
           orders_cursor = CASE WHEN central_shop_pull.shop_kind = EXCLUDED.shop_kind THEN central_shop_pull.orders_cursor END,
           shop_kind = EXCLUDED.shop_kind, last_run_at = EXCLUDED.last_run_at, last_error = EXCLUDED.last_error,
           last_success_at = CASE WHEN EXCLUDED.last_error IS NULL THEN EXCLUDED.last_run_at ELSE central_shop_pull.last_success_at END`,
        [kind, at, error],
      );
    },

    async changes(cursor, limit) {
      const after = cursor === null ? 0 : Number(cursor);
      if (!Number.isSafeInteger(after) || after < 0) throw new Error(`not a cursor of central's order feed: ${cursor}`);
      const { rows } = await pool.query<{ kind: 'p' | 'o'; seq: string; data: RemoteProduct & RemoteOrder }>(
        `(SELECT 'p' AS kind, seq, product AS data FROM central_products WHERE seq > $1 ORDER BY seq LIMIT $2)
         UNION ALL
         (SELECT 'o', seq, remote FROM central_orders WHERE seq > $1 ORDER BY seq LIMIT $2)
         ORDER BY seq LIMIT $2`,
        [after, limit + 1],
      );
      const page = rows.slice(0, limit);
      const orders = page.filter((r) => r.kind === 'o').map((r) => r.data as RemoteOrder);
      const products = new Map(page.filter((r) => r.kind === 'p').map((r) => [r.data.sku, r.data as RemoteProduct]));
      // The products the page's orders name travel with them: a station never gets an order before its products.
      const named = [...new Set(orders.flatMap((o) => o.lines.map((l) => l.sku)))].filter((sku) => !products.has(sku));
      if (named.length > 0) {
        const found = await pool.query<{ product: RemoteProduct }>('SELECT product FROM central_products WHERE sku = ANY($1::text[])', [named]);
        for (const r of found.rows) products.set(r.product.sku, r.product);
      }
      const last = page.at(-1);
      return { orders, products: [...products.values()], cursor: String(last ? Number(last.seq) : after), more: rows.length > limit };
    },
  };
}
