import type { Database } from 'better-sqlite3';
import type { CompletedSessionsQuery, PackingErrorAttributions, StatisticsSource } from '../../app/ports/statistics';
import type { CompletedSession, PackingErrorAttribution, StatsEntry, StatsLine } from '../../domain/statistics';

interface CompletionRow {
  seq: number;
  at: string;
  station_id: string;
  subject_id: string;
  payload: string;
}

interface EntryRow {
  seq: number;
  at: string;
  station_id: string;
  actor_id: number | null;
  type: string;
  payload: string;
}

interface LineRow {
  order_id: number;
  product_id: number | null;
  sku: string | null;
  quantity: number | null;
  is_kit: number | null;
  weight_grams: number | null;
  fragile: number | null;
}

/** How far before a period a packer's part in an order completed in it is looked for. */
export const PART_LOOKBACK_DAYS = 31;

function hasColumn(db: Database, table: string, column: string): boolean {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some((c) => c.name === column);
}

/**
 * Completed packing sessions from the journal: the 'pack.completed' entries of a period, and for
 * each, the order's 'pack.*' entries since its previous completion (an order has one open session
 * at a time), with the order's lines and products. Indexed by 0013 (type, at) and (actor, type, at).
 */
export function createStatisticsSource(db: Database): StatisticsSource {
  const completionColumns = 'seq, at, station_id, subject_id, payload';
  const completions = db.prepare<[string, string], CompletionRow>(
    `SELECT ${completionColumns} FROM journal_entries
     WHERE type = 'pack.completed' AND at >= ? AND at < ? AND subject_kind = 'order' ORDER BY seq`,
  );
  const completionsAt = db.prepare<[string, string, string, number], CompletionRow>(
    `SELECT ${completionColumns} FROM journal_entries
     WHERE type = 'pack.completed' AND at >= ? AND at < ? AND station_id = ? AND subject_kind = 'order' ORDER BY at DESC LIMIT ?`,
  );
  const openedBy = db.prepare<[number, string, string, string, string], { subject_id: string }>(
    `SELECT DISTINCT subject_id FROM journal_entries
     WHERE actor_id = ? AND ((type = 'pack.opened' AND at >= ? AND at < ?) OR (type = 'pack.resumed' AND at >= ? AND at < ?)) AND subject_kind = 'order'`,
  );
  const orderEntries = db.prepare<[string, number], EntryRow>(
    `SELECT seq, at, station_id, actor_id, type, payload FROM journal_entries
     WHERE subject_kind = 'order' AND subject_id = ? AND seq <= ? AND type >= 'pack.' AND type < 'pack/' ORDER BY seq`,
  );
  // The catalogue may not mark fragile products yet: read the mark where the column exists.
  const fragile = hasColumn(db, 'products', 'fragile') ? 'p.fragile' : '0';
  const orderLines = db.prepare<[string], LineRow>(
    `SELECT o.id AS order_id, l.product_id, l.sku, l.quantity, p.is_kit, p.weight_grams, ${fragile} AS fragile
     FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id LEFT JOIN products p ON p.id = l.product_id
     WHERE o.number = ? ORDER BY l.position`,
  );

  const session = (completion: CompletionRow): CompletedSession | null => {
    const rows = orderEntries.all(completion.subject_id, completion.seq);
    let start = 0;
    for (let i = rows.length - 2; i >= 0; i--) {
      if (rows[i]!.type === 'pack.completed') {
        start = i + 1;
        break;
      }
    }
    const entries: StatsEntry[] = rows.slice(start).map((r) => ({
      seq: r.seq,
      at: r.at,
      stationId: r.station_id,
      actorId: r.actor_id,
      type: r.type,
      payload: parse(r.payload),
    }));
    const lineRows = orderLines.all(completion.subject_id);
    if (lineRows.length === 0) return null;
    const lines: StatsLine[] = lineRows
      .filter((l) => l.product_id !== null)
      .map((l) => ({
        productId: l.product_id!,
        sku: l.sku ?? '',
        quantity: l.quantity ?? 0,
        kit: l.is_kit === 1,
        unitGrams: l.weight_grams ?? 0,
        fragile: l.fragile === 1,
      }));
    const sessionId = entries.at(-1)?.payload.sessionId;
    return {
      sessionId: typeof sessionId === 'number' ? sessionId : null,
      orderId: lineRows[0]!.order_id,
      orderNumber: completion.subject_id,
      stationId: completion.station_id,
      completedAt: completion.at,
      entries,
      lines,
    };
  };

  return {
    completedSessions(query: CompletedSessionsQuery) {
      let found: CompletionRow[] =
        query.stationId !== undefined
          ? completionsAt.all(query.from, query.to, query.stationId, query.limit ?? -1)
          : query.limit !== undefined
            ? completions.all(query.from, query.to).slice(-query.limit)
            : completions.all(query.from, query.to);
      if (query.packerId !== undefined) {
        const since = new Date(Date.parse(query.from) - PART_LOOKBACK_DAYS * 86_400_000).toISOString();
        const touched = new Set(openedBy.all(query.packerId, since, query.to, since, query.to).map((r) => r.subject_id));
        found = found.filter((c) => touched.has(c.subject_id));
      }
      const sessions: CompletedSession[] = [];
      for (const completion of found) {
        const s = session(completion);
        if (!s) continue;
        if (query.packerId !== undefined && !s.entries.some((e) => e.actorId === query.packerId && (e.type === 'pack.opened' || e.type === 'pack.resumed')))
          continue;
        sessions.push(s);
      }
      return sessions;
    },
  };
}

function parse(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The journal entry the returns desk writes when it attributes a return line to a packing session. */
export const ATTRIBUTION_ENTRY = 'returns.packing_error_attributed';

/**
 * Packing-error attributions read from the journal ('returns.packing_error_attributed' entries),
 * until the returns desk answers the port from its own tables. Entries that do not carry a packer
 * and an order are skipped.
 */
export function createJournalAttributions(db: Database): PackingErrorAttributions {
  const entries = db.prepare<[string], { at: string; payload: string }>('SELECT at, payload FROM journal_entries WHERE type = ? ORDER BY seq');
  return {
    forOrders(orderIds) {
      const wanted = new Set(orderIds);
      const found: PackingErrorAttribution[] = [];
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
