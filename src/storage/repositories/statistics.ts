import type { Database, Statement } from 'better-sqlite3';
import type { CompletedSessionsQuery, PackingErrorAttributions, StatisticsSource } from '../../app/ports/statistics';
import { analyseSession, DEFAULT_IDLE_GAP_SECONDS, FACTORS, type PackerPart } from '../../domain/statistics';
import type { CompletedSession, PackingErrorAttribution, SessionFacts, StatsEntry } from '../../domain/statistics';

/** The version of the counting rules (and of the kept form) the kept counts were made by; a new one makes them again. */
export const FACTS_VERSION = 2;

type KeptPart = [number, number, number, number, number, number, number, number, number, number, number, number, number, number];
type Kept = [number | null, number, string, string, string, number, 0 | 1, number[], KeptPart[]];

/** A session's counts as kept: an array, a quarter of the JSON of the object, parsed that much faster. */
function keep(f: SessionFacts): string {
  const s = f.session;
  const parts: KeptPart[] = f.parts.map((p) => [
    p.packerId,
    p.activeSeconds,
    p.idleGaps,
    p.idleSecondsLeftOut,
    p.units,
    p.share,
    p.scans,
    p.errors.wrong_item,
    p.errors.too_many,
    p.errors.unknown_barcode,
    p.partialOverrides,
    p.forcedCompletions,
    p.weightMismatches,
    p.stretches,
  ]);
  const kept: Kept = [
    s.sessionId,
    s.orderId,
    s.orderNumber,
    s.stationId,
    s.completedAt,
    f.activeSeconds,
    f.resumed ? 1 : 0,
    FACTORS.map((x) => f.factors[x]),
    parts,
  ];
  return JSON.stringify(kept);
}

function unkeep(text: string): SessionFacts {
  const [sessionId, orderId, orderNumber, stationId, completedAt, activeSeconds, resumed, factors, parts] = JSON.parse(text) as Kept;
  return {
    session: { sessionId, orderId, orderNumber, stationId, completedAt, entries: [], lines: [] },
    factors: Object.fromEntries(FACTORS.map((x, i) => [x, factors[i] ?? 0])) as SessionFacts['factors'],
    activeSeconds,
    resumed: resumed === 1,
    parts: parts.map((p): PackerPart => ({
      packerId: p[0],
      activeSeconds: p[1],
      idleGaps: p[2],
      idleSecondsLeftOut: p[3],
      units: p[4],
      share: p[5],
      scans: p[6],
      errors: { wrong_item: p[7], too_many: p[8], unknown_barcode: p[9] },
      partialOverrides: p[10],
      forcedCompletions: p[11],
      weightMismatches: p[12],
      stretches: p[13],
    })),
  };
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

/** How far before a period a packer's part in an order completed in it is looked for (put back by them, finished by someone else). */
export const PART_LOOKBACK_DAYS = 31;
/** Entries this long before a period are read with it in one scan; a session begun earlier is read whole by its order. */
const WINDOW_LOOKBACK_MS = 12 * 3_600_000;
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
const TYPE_LIST = PACK_TYPES.map((t) => `'${t}'`).join(', ');
const CHUNK = 400;
/** Journal entries read at a time by a count in journal order. */
const PAGE_SEQS = 20_000;
/** A backlog up to this many entries is counted completion by completion, each session read by its order. */
const SINCE_MAX = 2_000;

/** A packing entry as the first count reads it: seq, at, station, actor, type, order number, payload. */
type PageRow = [number, string, string, number | null, string, string, string];

interface WindowRow extends EntryRow {
  subject_id: string;
}

function hasColumn(db: Database, table: string, column: string): boolean {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some((c) => c.name === column);
}

const toEntry = (r: EntryRow): StatsEntry => ({ seq: r.seq, at: r.at, stationId: r.station_id, actorId: r.actor_id, type: r.type, payload: parse(r.payload) });

/**
 * Completed packing sessions from the journal: the packing entries of the period (and twelve
 * hours before it) in one indexed scan — of every packer by (type, at), or of one by (actor, type, at) —
 * grouped by order and cut at each completion. A session that began before the scan, or that
 * someone else had a part in, is read whole by its order (the subject index). Then the orders'
 * lines, in batches. An order has one open session at a time, so a session is the order's packing
 * entries since its previous completion.
 */
export function createStatisticsSource(db: Database, sizes: { pageEntries?: number; sinceMax?: number } = {}): StatisticsSource {
  const pageEntries = sizes.pageEntries ?? PAGE_SEQS;
  const sinceMax = sizes.sinceMax ?? SINCE_MAX;
  const columns = 'seq, at, station_id, actor_id, type, subject_id, payload';
  const window = db.prepare<[string, string], WindowRow>(
    `SELECT ${columns} FROM journal_entries WHERE type IN (${TYPE_LIST}) AND at >= ? AND at < ? AND +subject_kind = 'order'`,
  );
  const windowAt = db.prepare<[string, string, string], WindowRow>(
    `SELECT ${columns} FROM journal_entries WHERE type IN (${TYPE_LIST}) AND at >= ? AND at < ? AND +station_id = ? AND +subject_kind = 'order'`,
  );
  const windowOf = db.prepare<[number, string, string], WindowRow>(
    `SELECT ${columns} FROM journal_entries WHERE actor_id = ? AND type IN (${TYPE_LIST}) AND at >= ? AND at < ? AND +subject_kind = 'order'`,
  );
  const putBacksOf = db.prepare<[number, string, string], { subject_id: string }>(
    `SELECT subject_id FROM journal_entries WHERE actor_id = ? AND type = 'pack.put_back' AND at >= ? AND at < ? AND +subject_kind = 'order'`,
  );
  const orderEntries = db.prepare<[string], EntryRow>(
    `SELECT seq, at, station_id, actor_id, type, payload FROM journal_entries
     WHERE subject_kind = 'order' AND subject_id = ? AND type >= 'pack.' AND type < 'pack/' ORDER BY seq`,
  );
  // The catalogue may not mark fragile products yet: read the mark where the column exists.
  const fragile = hasColumn(db, 'products', 'fragile') ? 'p.fragile' : '0';
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

  /** Sessions of one order's entries (seq order) completed in [from, to), with whether each is whole. */
  const cut = (rows: EntryRow[], from: string, to: string, whole: boolean) => {
    const found: { entries: EntryRow[]; complete: boolean }[] = [];
    let begin = 0;
    rows.forEach((r, i) => {
      if (r.type !== 'pack.completed') return;
      const entries = rows.slice(begin, i + 1);
      begin = i + 1;
      if (r.at < from || r.at >= to) return;
      found.push({
        entries,
        complete: whole || (entries[0]!.type === 'pack.opened' && !entries.some((e) => e.type === 'pack.put_back' || e.type === 'pack.resumed')),
      });
    });
    return { found, tail: rows.slice(begin) };
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
        lines: lineRows
          .filter((l) => l.product_id !== null)
          .map((l) => ({
            productId: l.product_id!,
            sku: l.sku ?? '',
            quantity: l.quantity ?? 0,
            kit: l.is_kit === 1,
            unitGrams: l.weight_grams ?? 0,
            fragile: l.fragile === 1,
          })),
      });
    }
    return result;
  };

  // The kept counts (0021): each completed session analysed once, with the default idle gap.
  const cacheState = db.prepare<[], { version: number; seq: number; at: string }>('SELECT version, seq, at FROM stats_cache WHERE id = 1');
  const saveState = db.prepare<[number, number, string]>(
    'INSERT INTO stats_cache (id, version, seq, at) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET version = excluded.version, seq = excluded.seq, at = excluded.at',
  );
  // By seq (the primary key), never by time: a journal only grows at its end, and a clock set back
  // must not hide a completion. Past the first count this reads only what was appended since.
  const newCompletions = db.prepare<[number], { seq: number; at: string; subject_id: string }>(
    `SELECT seq, at, subject_id FROM journal_entries WHERE seq > ? AND +type = 'pack.completed' AND +subject_kind = 'order' ORDER BY seq`,
  );
  const lastSeq = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM journal_entries');
  const lastCompletionAt = db.prepare<[number], { at: string }>(
    "SELECT at FROM journal_entries WHERE seq <= ? AND +type = 'pack.completed' AND +subject_kind = 'order' ORDER BY seq DESC LIMIT 1",
  );
  const keepSession = db.prepare<[number, string, string, string]>(
    'INSERT OR REPLACE INTO stats_sessions (completion_seq, completed_at, station_id, facts) VALUES (?, ?, ?, ?)',
  );
  const keepPacker = db.prepare<[number, string, number]>(
    'INSERT OR IGNORE INTO stats_session_packers (packer_id, completed_at, completion_seq) VALUES (?, ?, ?)',
  );
  const keptIn = db.prepare<[string, string], { facts: string }>(
    'SELECT facts FROM stats_sessions WHERE completed_at >= ? AND completed_at < ? ORDER BY completion_seq',
  );
  const keptAt = db.prepare<[string, string, string, number], { facts: string }>(
    'SELECT facts FROM stats_sessions WHERE station_id = ? AND completed_at >= ? AND completed_at < ? ORDER BY completed_at DESC LIMIT ?',
  );
  const keptOf = db.prepare<[number, string, string], { facts: string }>(
    `SELECT s.facts FROM stats_session_packers p JOIN stats_sessions s ON s.completion_seq = p.completion_seq
     WHERE p.packer_id = ? AND p.completed_at >= ? AND p.completed_at < ? ORDER BY p.completion_seq`,
  );
  const forgetAll = db.prepare('DELETE FROM stats_sessions');

  // Every order's packing entries in journal order, for the first count of a whole journal.
  // A page at a time: better-sqlite3 runs no other statement while one is being iterated. Rows as
  // arrays, each made into its entry at once: one object an entry instead of three.
  const packingPage = db
    .prepare<[number, number], PageRow>(
      `SELECT seq, at, station_id, actor_id, type, subject_id, payload FROM journal_entries
       WHERE seq > ? AND seq <= ? AND +subject_kind = 'order' AND +type >= 'pack.' AND +type < 'pack/' ORDER BY seq`,
    )
    .raw(true);

  const keepAll = (sessions: { subject: string; entries: StatsEntry[] }[]) => {
    for (const session of build(sessions)) {
      const facts = analyseSession(session, DEFAULT_IDLE_GAP_SECONDS);
      const seq = session.entries.at(-1)!.seq;
      keepSession.run(seq, session.completedAt, session.stationId, keep(facts));
      for (const part of facts.parts) keepPacker.run(part.packerId, session.completedAt, seq);
    }
  };

  /** One completed session read whole by its order: its entries since the order's previous completion. */
  const byOrder = (subject: string, completionSeq: number) => {
    const rows = orderEntries.all(subject).filter((r) => r.seq <= completionSeq);
    const previous = rows.findLastIndex((r, k) => k < rows.length - 1 && r.type === 'pack.completed');
    return { subject, entries: rows.slice(previous + 1).map(toEntry) };
  };

  /**
   * What the last page counted left open: the sessions begun and not yet completed by its end
   * (their entries so far), and the orders first met in the middle of a session (begun before the
   * count started: read whole by their order when they complete). Good for the page that starts
   * where it ended; anything else starts afresh.
   */
  let carry: { seq: number; open: Map<string, StatsEntry[]>; begunBefore: Set<string> } | null = null;

  /**
   * One page of a count in journal order: each order's entries gathered until its completion
   * closes the session, instead of reading each order's entries by itself. A session starts with
   * its opening; an order first met at any other entry began before the count (read by its order).
   */
  const countPage = (from: number, to: number) => {
    const open = carry?.seq === from ? carry.open : new Map<string, StatsEntry[]>();
    const begunBefore = carry?.seq === from ? carry.begunBefore : new Set<string>();
    const done: { subject: string; entries: StatsEntry[] }[] = [];
    for (const [seq, at, stationId, actorId, type, subject, payload] of packingPage.all(from, to) as unknown as PageRow[]) {
      const list = open.get(subject);
      if (list === undefined && from > 0 && type !== 'pack.opened' && !begunBefore.has(subject)) begunBefore.add(subject);
      if (begunBefore.has(subject)) {
        if (type !== 'pack.completed') continue;
        begunBefore.delete(subject);
        done.push(byOrder(subject, seq));
        continue;
      }
      const entry: StatsEntry = { seq, at, stationId, actorId, type, payload: parse(payload) };
      if (list) list.push(entry);
      else open.set(subject, [entry]);
      if (type !== 'pack.completed') continue;
      done.push({ subject, entries: open.get(subject)! });
      open.delete(subject);
    }
    keepAll(done);
    carry = { seq: to, open, begunBefore };
  };

  /** Since the last count, when little was appended: each new completion's session, read by its order. */
  const countSince = (since: number, last: number) => {
    const fresh = newCompletions.all(since).filter((c) => c.seq <= last);
    for (let i = 0; i < fresh.length; i += CHUNK) keepAll(fresh.slice(i, i + CHUNK).map((c) => byOrder(c.subject_id, c.seq)));
    return fresh.at(-1)?.at ?? null;
  };

  /**
   * Counts the sessions completed since the kept counts last reached, and keeps them; at most
   * `budget` journal entries' worth (all when absent). A large backlog (the first count of a
   * journal, or after the facts changed) goes page by page in journal order, each page its own
   * transaction that moves the mark on, so no write waits for the whole count and a count cut
   * short goes on where it stopped. True while more remains.
   */
  const catchUp = (budget = Infinity): boolean => {
    let state = cacheState.get();
    if (state && state.version !== FACTS_VERSION) {
      forgetAll.run();
      state = undefined;
      carry = null;
    }
    const last = lastSeq.get()?.seq ?? 0;
    const from = state?.seq ?? 0;
    if (from >= last) return false;
    if (state && last - from <= sinceMax) {
      db.transaction(() => saveState.run(FACTS_VERSION, last, countSince(from, last) ?? state.at))();
      return false;
    }
    const end = Math.min(last, from + budget);
    for (let page = from; page < end; page += pageEntries) {
      const to = Math.min(end, page + pageEntries);
      db.transaction(() => {
        countPage(page, to);
        saveState.run(FACTS_VERSION, to, lastCompletionAt.get(to)?.at ?? state?.at ?? '');
      })();
    }
    return end < last;
  };

  const source: StatisticsSource = {
    completedSessions(query: CompletedSessionsQuery) {
      const { from, to, packerId, stationId } = query;
      const since = new Date(Date.parse(from) - WINDOW_LOOKBACK_MS).toISOString();
      const rows =
        packerId !== undefined ? windowOf.all(packerId, since, to) : stationId !== undefined ? windowAt.all(since, to, stationId) : window.all(since, to);
      const bySubject = new Map<string, EntryRow[]>();
      for (const r of rows) {
        const list = bySubject.get(r.subject_id);
        if (list) list.push(r);
        else bySubject.set(r.subject_id, [r]);
      }
      if (packerId !== undefined) {
        // Their part in an order someone else finished after they put it back.
        const partSince = new Date(Date.parse(from) - PART_LOOKBACK_DAYS * 86_400_000).toISOString();
        for (const r of putBacksOf.all(packerId, partSince, to)) if (!bySubject.has(r.subject_id)) bySubject.set(r.subject_id, []);
      }
      const sessions: { subject: string; entries: StatsEntry[] }[] = [];
      for (const [subject, list] of bySubject) {
        list.sort((a, b) => a.seq - b.seq);
        const { found, tail } = cut(list, from, to, false);
        // Read whole by its order: a session begun before the scan, shared, or left by this packer to someone else.
        const partial = found.some((s) => !s.complete) || (packerId !== undefined && (tail.length > 0 || list.length === 0));
        if (!partial) {
          for (const s of found) sessions.push({ subject, entries: s.entries.map(toEntry) });
          continue;
        }
        for (const s of cut(orderEntries.all(subject), from, to, true).found) {
          if (packerId !== undefined && !s.entries.some((e) => e.actor_id === packerId)) continue;
          if (stationId !== undefined && s.entries.at(-1)!.station_id !== stationId) continue;
          sessions.push({ subject, entries: s.entries.map(toEntry) });
        }
      }
      sessions.sort((a, b) => a.entries.at(-1)!.seq - b.entries.at(-1)!.seq);
      const chosen = query.limit !== undefined && query.limit >= 0 ? sessions.slice(-query.limit) : sessions;
      return build(chosen);
    },
    countAhead: (journalEntries) => catchUp(journalEntries),
    completedFacts(query) {
      const { from, to, packerId, stationId, idleGapSeconds } = query;
      if (idleGapSeconds !== DEFAULT_IDLE_GAP_SECONDS) return source.completedSessions(query).map((s) => analyseSession(s, idleGapSeconds));
      catchUp();
      const rows =
        packerId !== undefined
          ? keptOf.all(packerId, from, to)
          : stationId !== undefined
            ? keptAt.all(stationId, from, to, query.limit ?? -1).reverse()
            : keptIn.all(from, to);
      const facts = rows.map((r) => unkeep(r.facts));
      return query.limit !== undefined && stationId === undefined ? facts.slice(-query.limit) : facts;
    },
  };
  return source;
}

function parse(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

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
