import type { Database } from 'better-sqlite3';
import type { OrderListQuery, QueueQuery } from '../../app/ports/store';
import type { OrderSummary } from '../../contract/schemas';
import type { OrderStatus } from '../../domain/order';
import { searchNeedle } from './order-rows';

interface SummaryRow {
  id: number;
  number: string;
  status: string;
  customer_name: string;
  ship_city: string;
  ship_country: string;
  carrier_code: string | null;
  created_at: string;
  open_at: string | null;
}

type SummaryPage = { orders: OrderSummary[]; total: number };

export interface SummaryReaders {
  queue(query: QueueQuery): SummaryPage;
  list(query: OrderListQuery): SummaryPage;
}

const SUMMARY_COLUMNS = 'o.id, o.number, o.status, o.customer_name, o.ship_city, o.ship_country, o.carrier_code, o.created_at';
const MATCHES = "(@needle = '' OR instr(o.search_key, @needle) > 0)";

/**
 * The queue is ready orders not open at another station: the ones open here first (the packer
 * comes back to them), then the free ones oldest first. The two parts are read separately so
 * the free part walks the orders_queue index in order and stops at the page, with no sort of
 * 100,000 rows; search_key (number, customer, SKUs) is matched from that same index.
 */
export function createSummaryReaders(db: Database): SummaryReaders {
  const openHere = db.prepare<[{ station: string; needle: string }], SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS}, k.station_id AS open_at
     FROM order_locks k JOIN orders o ON o.id = k.order_id
     WHERE k.station_id = @station AND o.status = 'ready' AND ${MATCHES}
     ORDER BY o.created_at, o.id`,
  );
  const FREE = `FROM orders o WHERE o.status = 'ready' AND ${MATCHES}
     AND NOT EXISTS (SELECT 1 FROM order_locks k WHERE k.order_id = o.id)`;
  const freePage = db.prepare<[{ needle: string; limit: number; offset: number }], SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS}, NULL AS open_at ${FREE} ORDER BY o.created_at, o.id LIMIT @limit OFFSET @offset`,
  );
  // Free = ready minus locked: counting ready orders is one pass over the covering index, and
  // the locked ones (a handful) are found from order_locks, not checked for each ready order.
  const readyTotal = db.prepare<[{ needle: string }], { n: number }>(`SELECT count(*) AS n FROM orders o WHERE o.status = 'ready' AND ${MATCHES}`);
  const lockedTotal = db.prepare<[{ needle: string }], { n: number }>(
    `SELECT count(*) AS n FROM order_locks k CROSS JOIN orders o ON o.id = k.order_id WHERE o.status = 'ready' AND ${MATCHES}`,
  );

  const listPage = db.prepare<[{ status: string | null; limit: number; offset: number }], SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS}, (SELECT station_id FROM order_locks WHERE order_id = o.id) AS open_at
     FROM orders o WHERE @status IS NULL OR o.status = @status
     ORDER BY o.created_at DESC, o.id DESC
     LIMIT @limit OFFSET @offset`,
  );
  const listTotal = db.prepare<[{ status: string | null }], { n: number }>('SELECT count(*) AS n FROM orders WHERE @status IS NULL OR status = @status');
  // Counted for the page only, once it is known.
  const counts = db.prepare<[string], { order_id: number; line_count: number; item_count: number }>(
    `SELECT order_id, count(*) AS line_count, sum(quantity) AS item_count FROM order_lines
     WHERE order_id IN (SELECT value FROM json_each(?)) GROUP BY order_id`,
  );

  const summaries = (rows: SummaryRow[]): OrderSummary[] => {
    const byOrder = new Map(counts.all(JSON.stringify(rows.map((r) => r.id))).map((c) => [c.order_id, c]));
    return rows.map((r): OrderSummary => ({
      id: r.id,
      number: r.number,
      status: r.status as OrderStatus,
      customerName: r.customer_name,
      city: r.ship_city,
      country: r.ship_country,
      carrierCode: r.carrier_code,
      lineCount: byOrder.get(r.id)?.line_count ?? 0,
      itemCount: byOrder.get(r.id)?.item_count ?? 0,
      createdAt: r.created_at,
      openAtStation: r.open_at,
    }));
  };

  return {
    queue(query) {
      const needle = searchNeedle(query.search);
      const here = openHere.all({ station: query.stationId, needle });
      const fromHere = here.slice(query.offset, query.offset + query.limit);
      const rest = query.limit - fromHere.length;
      const free = rest > 0 ? freePage.all({ needle, limit: rest, offset: Math.max(0, query.offset - here.length) }) : [];
      const freeTotal = readyTotal.get({ needle })!.n - lockedTotal.get({ needle })!.n;
      return { orders: summaries([...fromHere, ...free]), total: here.length + freeTotal };
    },
    list(query) {
      const filter = { status: query.status ?? null };
      const rows = listPage.all({ ...filter, limit: query.limit, offset: query.offset });
      return { orders: summaries(rows), total: listTotal.get(filter)!.n };
    },
  };
}
