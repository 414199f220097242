import type { Database } from 'better-sqlite3';
import type { SyncOrderLinks } from '../../app/ports/backend';
import type { MinorMoney } from '../../domain/order';
import type { BackendKind } from '../../contract/sync';
import { StationFailure } from '../../contract/errors';
import { customerTerms } from '../../domain/returns/search-terms';
import type { OrderDetails } from '../../app/ports/store';
import { DETAIL_COLUMNS, detailColumns, searchKeyOf } from './order-rows';

type RemoteLine = { sku: string; quantity: number; externalLineId: string; unitPrice?: MinorMoney | null };

/** Local orders and lines linked to the shop's ids, and the orders flagged for a manager. */
export function createSyncOrderLinks(db: Database): SyncOrderLinks {
  const localId = db.prepare<[string, string], { order_id: number }>('SELECT order_id FROM sync_order_links WHERE backend = ? AND external_id = ?');
  const insertLink = db.prepare<[number, string, string, string]>(
    `INSERT INTO sync_order_links (order_id, backend, external_id, linked_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (order_id) DO UPDATE SET backend = excluded.backend, external_id = excluded.external_id`,
  );
  const insertLine = db.prepare<[number, number, string]>(
    `INSERT INTO sync_line_links (order_line_id, order_id, external_line_id) VALUES (?, ?, ?)
     ON CONFLICT (order_line_id) DO UPDATE SET external_line_id = excluded.external_line_id`,
  );
  const lines = db.prepare<[number], { order_line_id: number; external_line_id: string }>(
    'SELECT order_line_id, external_line_id FROM sync_line_links WHERE order_id = ?',
  );
  const externalId = db.prepare<[number], { backend: BackendKind; external_id: string }>(
    'SELECT backend, external_id FROM sync_order_links WHERE order_id = ?',
  );
  const open = db.prepare<[string, number], { external_id: string }>(
    `SELECT l.external_id FROM sync_order_links l JOIN orders o ON o.id = l.order_id
     WHERE l.backend = ? AND (o.status IN ('ready', 'on_hold')
       OR EXISTS (SELECT 1 FROM sync_outbox e WHERE e.order_id = o.id AND e.status IN ('queued', 'parked')))
     ORDER BY l.order_id LIMIT ?`,
  );
  const started = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM packing_sessions WHERE order_id = ?');
  const product = db.prepare<[string], { id: number; name: string }>('SELECT id, name FROM products WHERE sku = ?');
  const deleteLines = db.prepare<[number]>('DELETE FROM order_lines WHERE order_id = ?');
  const addLine = db.prepare<[number, number, number, string, string, number, number | null, string | null]>(
    'INSERT INTO order_lines (order_id, position, product_id, sku, name, quantity, unit_price_minor, price_currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const flag = db.prepare<[number, string, string]>(
    'INSERT INTO sync_flags (order_id, reason, flagged_at) VALUES (?, ?, ?) ON CONFLICT (order_id) DO UPDATE SET reason = excluded.reason, flagged_at = excluded.flagged_at',
  );
  const isFlagged = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM sync_flags WHERE order_id = ?');
  const flagged = db.prepare<[], { order_id: number; number: string; reason: string; flagged_at: string }>(
    'SELECT f.order_id, o.number, f.reason, f.flagged_at FROM sync_flags f JOIN orders o ON o.id = f.order_id ORDER BY f.flagged_at DESC',
  );

  const updateDetails = db.prepare(`UPDATE orders SET ${DETAIL_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @updated_at WHERE id = @id`);
  const searchFields = db.prepare<[number], { number: string; customer_name: string }>('SELECT number, customer_name FROM orders WHERE id = ?');
  const lineSkus = db.prepare<[number], { sku: string }>('SELECT sku FROM order_lines WHERE order_id = ? ORDER BY position');
  const setSearchKey = db.prepare<[string, number]>('UPDATE orders SET search_key = ? WHERE id = ?');
  const clearTerms = db.prepare<[number]>('DELETE FROM order_search_terms WHERE order_id = ?');
  const addTerm = db.prepare<[string, number]>('INSERT OR IGNORE INTO order_search_terms (term, order_id) VALUES (?, ?)');

  /** The queue's search (number, customer, SKUs) as the order now is. */
  const refreshSearchKey = (orderId: number): void => {
    const order = searchFields.get(orderId)!;
    const lines = lineSkus.all(orderId);
    setSearchKey.run(searchKeyOf({ number: order.number, customerName: order.customer_name, lines }), orderId);
  };

  const replaceDetails = db.transaction((orderId: number, details: OrderDetails, at: string) => {
    updateDetails.run({ ...detailColumns(details), updated_at: at, id: orderId });
    clearTerms.run(orderId);
    for (const term of customerTerms([details.customerName, details.shipTo.name], details.shipTo.email)) addTerm.run(term, orderId);
    refreshSearchKey(orderId);
  });

  const replace = db.transaction((orderId: number, wanted: RemoteLine[]) => {
    const products = wanted.map((line) => {
      const found = product.get(line.sku);
      if (!found) throw new StationFailure('VALIDATION_FAILED', `The shop's order names SKU ${line.sku}, which is not in the catalogue.`, { sku: line.sku });
      return found;
    });
    deleteLines.run(orderId);
    wanted.forEach((line, position) => {
      const price = line.unitPrice ?? null;
      const id = Number(
        addLine.run(orderId, position, products[position]!.id, line.sku, products[position]!.name, line.quantity, price?.minor ?? null, price?.currency ?? null)
          .lastInsertRowid,
      );
      insertLine.run(id, orderId, line.externalLineId);
    });
    refreshSearchKey(orderId);
  });

  return {
    localId: (backend, id) => localId.get(backend, id)?.order_id ?? null,
    link: db.transaction((orderId: number, backend: BackendKind, id: string, lineLinks: { orderLineId: number; externalLineId: string }[], at: string) => {
      insertLink.run(orderId, backend, id, at);
      for (const line of lineLinks) insertLine.run(line.orderLineId, orderId, line.externalLineId);
    }),
    externalLines: (orderId) => new Map(lines.all(orderId).map((r) => [r.order_line_id, r.external_line_id])),
    externalId(orderId) {
      const row = externalId.get(orderId);
      return row ? { backend: row.backend, externalId: row.external_id } : null;
    },
    openExternalIds: (backend, limit) => open.all(backend, limit).map((r) => r.external_id),
    replaceLines(orderId, wanted) {
      replace(orderId, wanted);
    },
    replaceDetails(orderId, details, at) {
      replaceDetails(orderId, details, at);
    },
    packingStarted: (orderId) => started.get(orderId)!.n > 0,
    flag(orderId, reason, at) {
      flag.run(orderId, reason, at);
    },
    isFlagged: (orderId) => isFlagged.get(orderId)!.n > 0,
    flagged: () => flagged.all().map((r) => ({ orderId: r.order_id, orderNumber: r.number, reason: r.reason, at: r.flagged_at })),
  };
}
