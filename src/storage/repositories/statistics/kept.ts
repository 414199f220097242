import type { Database } from 'better-sqlite3';
import type { CompletedSessionsQuery } from '../../../app/ports/statistics';
import { analyseSession, DEFAULT_IDLE_GAP_SECONDS, FACTORS, type PackerPart } from '../../../domain/statistics';
import type { SessionFacts, StatsEntry } from '../../../domain/statistics';
import { CHUNK, parse, type SessionReads } from './journal';

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

/** Journal entries read at a time by a count in journal order. */
const PAGE_SEQS = 20_000;
/** A backlog up to this many entries is counted completion by completion, each session read by its order. */
const SINCE_MAX = 2_000;

/** A packing entry as a count in journal order reads it: seq, at, station, actor, type, order number, payload. */
type PageRow = [number, string, string, number | null, string, string, string];

export interface KeptCounts {
  /** The kept facts of the sessions completed in the period (with the default idle gap), counting what is new first. */
  facts(query: CompletedSessionsQuery): SessionFacts[];
  /** Counts up to this many journal entries' worth of sessions not yet counted; true while more remain. */
  countAhead(journalEntries: number): boolean;
}

/**
 * The kept counts (migration 0021): each completed session analysed once with the default idle
 * gap and kept in stats_sessions, its packers in stats_session_packers; stats_cache holds the
 * journal seq they reach. `sizes` are for tests: a page's and a small backlog's entries.
 */
export function createKeptCounts(db: Database, reads: SessionReads, sizes: { pageEntries?: number; sinceMax?: number } = {}): KeptCounts {
  const { build, byOrder } = reads;
  const pageEntries = sizes.pageEntries ?? PAGE_SEQS;
  const sinceMax = sizes.sinceMax ?? SINCE_MAX;
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

  return {
    countAhead: (journalEntries) => catchUp(journalEntries),
    facts(query) {
      const { from, to, packerId, stationId } = query;
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
}
