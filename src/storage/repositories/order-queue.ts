import type { Database } from 'better-sqlite3';
import type { OrderListQuery, QueueQuery } from '../../app/ports/store';
import type { OrderSummary } from '../../contract/schemas';
import type { OrderStatus } from '../../domain/order';
import { searchNeedle } from './order-rows';

interface QueueRow {
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

// The queue: ready orders not open at another station; the one open here first (the packer
// comes back to it), then oldest first. search_key holds number, customer and SKUs.
const QUEUE_FROM = `
  FROM orders o LEFT JOIN order_locks k ON k.order_id = o.id
  WHERE o.status = 'ready' AND (k.station_id IS NULL OR k.station_id = @station)
    AND (@needle = '' OR instr(o.search_key, @needle) > 0)`;

type SummaryPage = { orders: OrderSummary[]; total: number };

export interface SummaryReaders {
  queue(query: QueueQuery): SummaryPage;
  list(query: OrderListQuery): SummaryPage;
}

export function createSummaryReaders(db: Database): SummaryReaders {
  const page = db.prepare<[{ station: string; needle: string; limit: number; offset: number }], QueueRow>(
    `SELECT o.id, o.number, o.status, o.customer_name, o.ship_city, o.ship_country, o.carrier_code, o.created_at,
            k.station_id AS open_at
     ${QUEUE_FROM}
     ORDER BY k.station_id IS NULL, o.created_at, o.id
     LIMIT @limit OFFSET @offset`,
  );
  const total = db.prepare<[{ station: string; needle: string }], { n: number }>(`SELECT count(*) AS n ${QUEUE_FROM}`);
  // Counted for the page only: a correlated subquery in the page query would run for every
  // ready order before the sort.
  const counts = db.prepare<[string], { order_id: number; line_count: number; item_count: number }>(
    `SELECT order_id, count(*) AS line_count, sum(quantity) AS item_count FROM order_lines
     WHERE order_id IN (SELECT value FROM json_each(?)) GROUP BY order_id`,
  );

  const listPage = db.prepare<[{ status: string | null; limit: number; offset: number }], QueueRow>(
    `SELECT o.id, o.number, o.status, o.customer_name, o.ship_city, o.ship_country, o.carrier_code, o.created_at,
            (SELECT station_id FROM order_locks WHERE order_id = o.id) AS open_at
     FROM orders o WHERE @status IS NULL OR o.status = @status
     ORDER BY o.created_at DESC, o.id DESC
     LIMIT @limit OFFSET @offset`,
  );
  const listTotal = db.prepare<[{ status: string | null }], { n: number }>(
    'SELECT count(*) AS n FROM orders WHERE @status IS NULL OR status = @status',
  );

  const summaries = (rows: QueueRow[]): OrderSummary[] => {
    const byOrder = new Map(counts.all(JSON.stringify(rows.map((r) => r.id))).map((c) => [c.order_id, c]));
    return rows.map(
      (r): OrderSummary => ({
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
      }),
    );
  };

  return {
    queue(query) {
      const filter = { station: query.stationId, needle: searchNeedle(query.search) };
      const rows = page.all({ ...filter, limit: query.limit, offset: query.offset });
      return { orders: summaries(rows), total: total.get(filter)!.n };
    },
    list(query) {
      const filter = { status: query.status ?? null };
      const rows = listPage.all({ ...filter, limit: query.limit, offset: query.offset });
      return { orders: summaries(rows), total: listTotal.get(filter)!.n };
    },
  };
}
