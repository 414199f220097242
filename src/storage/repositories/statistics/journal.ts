import type { Database, Statement } from 'better-sqlite3';
import { completedLines, type CompletedSession, type StatsEntry } from '../../../domain/statistics';
import { inListQuery, LINE_ROW_COLUMNS, toStatsLines, type LineRow } from '../order-lines';

/** A journal entry as the statistics read it. */
export interface EntryRow {
  seq: number;
  at: string;
  station_id: string;
  actor_id: number | null;
  type: string;
  payload: string;
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

/** Rows read in batches of CHUNK values, grouped by the order number each row carries. */
function inBatches<Row extends { number: string }>(numbers: readonly string[], read: (batch: string[]) => Row[]): Map<string, Row[]> {
  const byNumber = new Map<string, Row[]>();
  for (let i = 0; i < numbers.length; i += CHUNK) {
    for (const row of read(numbers.slice(i, i + CHUNK))) {
      const list = byNumber.get(row.number);
      if (list) list.push(row);
      else byNumber.set(row.number, [row]);
    }
  }
  return byNumber;
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
  type Numbered<Row> = Row & { number: string };
  // Orders are looked up by number, in batches: their ids, and their lines only for completions that kept none.
  const idsOf = inListQuery<Numbered<Pick<LineRow, 'order_id'>>>(db, (list) => `SELECT number, id AS order_id FROM orders WHERE number IN (${list})`);
  const linesOf = inListQuery<Numbered<LineRow>>(
    db,
    (list) =>
      `SELECT o.number, ${LINE_ROW_COLUMNS}
       FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id LEFT JOIN products p ON p.id = l.product_id
       WHERE o.number IN (${list}) ORDER BY o.id, l.position`,
  );

  /**
   * Sessions (an order's entries, ending with its completion) with the order's lines: as the
   * completion recorded them (central counts them so too), or the catalogue's for an older
   * completion that recorded none. An order no longer in the database is left out.
   */
  const build = (chosen: { subject: string; entries: StatsEntry[] }[]): CompletedSession[] => {
    const recorded = chosen.map((s) => completedLines(s.entries.at(-1)!.payload));
    const fromCatalogue = new Set(chosen.filter((_, k) => recorded[k] === null).map((s) => s.subject));
    const idsOnly = [...new Set(chosen.map((s) => s.subject))].filter((n) => !fromCatalogue.has(n));
    const ids = inBatches(idsOnly, idsOf);
    const lines = inBatches([...fromCatalogue], linesOf);
    const result: CompletedSession[] = [];
    chosen.forEach((s, k) => {
      // An order completed before and after completions recorded their lines is read with its lines.
      const rows = fromCatalogue.has(s.subject) ? lines.get(s.subject) : ids.get(s.subject);
      if (!rows || rows.length === 0) return;
      const completion = s.entries.at(-1)!;
      const sessionId = completion.payload.sessionId;
      result.push({
        sessionId: typeof sessionId === 'number' ? sessionId : null,
        orderId: rows[0]!.order_id,
        orderNumber: s.subject,
        stationId: completion.stationId,
        completedAt: completion.at,
        entries: s.entries,
        lines: recorded[k] ?? toStatsLines(lines.get(s.subject)!),
      });
    });
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
