import type { Database } from 'better-sqlite3';
import type { PackingErrorAttributions } from '../../../app/ports/statistics';
import type { PackingErrorAttribution } from '../../../domain/statistics';
import { CHUNK, parse } from './journal';

/** The journal entry by which a packing error can be attributed without the returns desk's tables (tools, imports). */
export const ATTRIBUTION_ENTRY = 'returns.packing_error_attributed';

function hasTable(db: Database, table: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) !== undefined;
}

/**
 * Packing errors attributed to a session and its packer: the returns desk's confirmed items
 * (return_items with a packer, 0016), a complaint's counting as a complaint, and any
 * 'returns.packing_error_attributed' journal entries (payload: sessionId, packerId, orderId, at,
 * kind). A database without the returns desk's tables has only the latter; entries that do not
 * name a packer and an order are skipped.
 */
export function createPackingErrorAttributions(db: Database): PackingErrorAttributions {
  const entries = db.prepare<[string], { at: string; payload: string }>('SELECT at, payload FROM journal_entries WHERE type = ? ORDER BY seq');
  const fromDesk = hasTable(db, 'return_items') && hasTable(db, 'returns');
  const deskRows = (orderIds: number[]) =>
    db
      .prepare<number[], { session_id: number | null; packer_id: number; order_id: number; attributed_at: string; type: string }>(
        `SELECT i.packing_session_id AS session_id, i.packer_id, r.order_id, i.attributed_at, r.type
         FROM returns r JOIN return_items i ON i.return_id = r.id
         WHERE r.order_id IN (${orderIds.map(() => '?').join(', ')}) AND i.packer_id IS NOT NULL ORDER BY i.id`,
      )
      .all(...orderIds);
  return {
    forOrders(orderIds) {
      const wanted = new Set(orderIds);
      const found: PackingErrorAttribution[] = [];
      if (fromDesk) {
        const ids = [...wanted];
        for (let i = 0; i < ids.length; i += CHUNK) {
          for (const row of deskRows(ids.slice(i, i + CHUNK))) {
            found.push({
              sessionId: row.session_id,
              packerId: row.packer_id,
              orderId: row.order_id,
              at: row.attributed_at,
              kind: row.type === 'complaint' ? 'complaint' : 'return',
            });
          }
        }
      }
      for (const row of entries.all(ATTRIBUTION_ENTRY)) {
        const p = parse(row.payload);
        if (typeof p.packerId !== 'number' || typeof p.orderId !== 'number' || !wanted.has(p.orderId)) continue;
        found.push({
          sessionId: typeof p.sessionId === 'number' ? p.sessionId : null,
          packerId: p.packerId,
          orderId: p.orderId,
          at: typeof p.at === 'string' ? p.at : row.at,
          kind: p.kind === 'complaint' ? 'complaint' : 'return',
        });
      }
      return found;
    },
  };
}
