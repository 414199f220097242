import type { Database, Statement } from 'better-sqlite3';
import { completedLines, type CompletedSession, type StatsEntry, type StatsLine } from '../../../domain/statistics';

/** A journal entry as the statistics read it. */
export interface EntryRow {
  seq: number;
  at: string;
  station_id: string;
  actor_id: number | null;
  type: string;
  payload: string;
}

/** An order line and its product as the statistics read them. */
export interface LineRow {
  order_id: number;
  product_id: number | null;
  sku: string | null;
  quantity: number | null;
  is_kit: number | null;
  weight_grams: number | null;
  fragile: number | null;
}

/** The journal entry types of packing; the scan reads each by its index range. */
const PACK_TYPES = [
  'pack.opened',
  'pack.resumed',
  'pack.scan',
  'pack.quantity',
  'pack.acknowledged',
  'pack.undo',
  'pack.parcel.added',
  'pack.parcel.activated',
  'pack.parcel.removed',
  'pack.parcel.box',
  'pack.unit.moved',
  'pack.weighed',
  'pack.override',
  'pack.put_back',
  'pack.completed',
];
export const TYPE_LIST = PACK_TYPES.map((t) => `'${t}'`).join(', ');
/** Orders read at a time (their numbers in one IN list). */
export const CHUNK = 400;

function hasColumn(db: Database, table: string, column: string): boolean {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some((c) => c.name === column);
}

/** The catalogue may not mark fragile products yet: the mark is read where the column exists. */
export function fragileColumn(db: Database): string {
  return hasColumn(db, 'products', 'fragile') ? 'p.fragile' : '0';
}

/** The lines (of one order) as the statistics count them: a line whose product is not in the catalogue is left out. */
export function toStatsLines(rows: readonly LineRow[]): StatsLine[] {
  return rows
    .filter((l) => l.product_id !== null)
    .map((l) => ({
      productId: l.product_id!,
      sku: l.sku ?? '',
      quantity: l.quantity ?? 0,
      kit: l.is_kit === 1,
      unitGrams: l.weight_grams ?? 0,
      fragile: l.fragile === 1,
    }));
}

export function parse(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export const toEntry = (r: EntryRow): StatsEntry => ({
  seq: r.seq,
  at: r.at,
  stationId: r.station_id,
  actorId: r.actor_id,
  type: r.type,
  payload: parse(r.payload),
});

/** An order's packing entries and lines: what every way of counting needs to make its sessions. */
export interface SessionReads {
  /** An order's packing entries, in journal order. */
  orderEntries: Statement<[string], EntryRow>;
  /** Sessions (an order's entries, ending with its completion) with the order's lines; orders not in the database are left out. */
  build(chosen: { subject: string; entries: StatsEntry[] }[]): CompletedSession[];
  /** One completed session read whole by its order: its entries since the order's previous completion. */
  byOrder(subject: string, completionSeq: number): { subject: string; entries: StatsEntry[] };
}

export function createSessionReads(db: Database): SessionReads {
  const orderEntries = db.prepare<[string], EntryRow>(
    `SELECT seq, at, station_id, actor_id, type, payload FROM journal_entries
     WHERE subject_kind = 'order' AND subject_id = ? AND type >= 'pack.' AND type < 'pack/' ORDER BY seq`,
  );
  const fragile = fragileColumn(db);
  // Prepared once per batch size (a full batch, and the last one's), not once per batch.
  const linesStatements = new Map<number, Statement<string[], LineRow & { number: string }>>();
  const linesOf = (numbers: string[]) => {
    let statement = linesStatements.get(numbers.length);
    if (!statement) {
      statement = db.prepare<string[], LineRow & { number: string }>(
        `SELECT o.number, o.id AS order_id, l.product_id, l.sku, l.quantity, p.is_kit, p.weight_grams, ${fragile} AS fragile
         FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id LEFT JOIN products p ON p.id = l.product_id
         WHERE o.number IN (${numbers.map(() => '?').join(', ')}) ORDER BY o.id, l.position`,
      );
      if (linesStatements.size > 8) linesStatements.clear();
      linesStatements.set(numbers.length, statement);
    }
    return statement.all(...numbers);
  };

  /** Sessions (an order's entries, ending with its completion) with the order's lines, read in batches. */
  const build = (chosen: { subject: string; entries: StatsEntry[] }[]): CompletedSession[] => {
    const lines = new Map<string, LineRow[]>();
    const numbers = [...new Set(chosen.map((s) => s.subject))];
    for (let i = 0; i < numbers.length; i += CHUNK) {
      for (const row of linesOf(numbers.slice(i, i + CHUNK))) {
        const list = lines.get(row.number);
        if (list) list.push(row);
        else lines.set(row.number, [row]);
      }
    }
    const result: CompletedSession[] = [];
    for (const s of chosen) {
      const lineRows = lines.get(s.subject);
      if (!lineRows || lineRows.length === 0) continue;
      const completion = s.entries.at(-1)!;
      const sessionId = completion.payload.sessionId;
      result.push({
        sessionId: typeof sessionId === 'number' ? sessionId : null,
        orderId: lineRows[0]!.order_id,
        orderNumber: s.subject,
        stationId: completion.stationId,
        completedAt: completion.at,
        entries: s.entries,
        // As the completion recorded them (central counts them so too); the catalogue's for older completions.
        lines: completedLines(completion.payload) ?? toStatsLines(lineRows),
      });
    }
    return result;
  };

  /** One completed session read whole by its order: its entries since the order's previous completion. */
  const byOrder = (subject: string, completionSeq: number) => {
    const rows = orderEntries.all(subject).filter((r) => r.seq <= completionSeq);
    const previous = rows.findLastIndex((r, k) => k < rows.length - 1 && r.type === 'pack.completed');
    return { subject, entries: rows.slice(previous + 1).map(toEntry) };
  };

  return { orderEntries, build, byOrder };
}
