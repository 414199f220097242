import type { Database } from 'better-sqlite3';
import type { CompletedSessionsQuery } from '../../../app/ports/statistics';
import type { CompletedSession, StatsEntry } from '../../../domain/statistics';
import { toEntry, TYPE_LIST, type EntryRow, type SessionReads } from './journal';

/** How far before a period a packer's part in an order completed in it is looked for (put back by them, finished by someone else). */
export const PART_LOOKBACK_DAYS = 31;
/** Entries this long before a period are read with it in one scan; a session begun earlier is read whole by its order. */
const WINDOW_LOOKBACK_MS = 12 * 3_600_000;

interface WindowRow extends EntryRow {
  subject_id: string;
}

/**
 * Completed packing sessions of a period, read from the journal itself (any idle gap, the fit's
 * window): the packing entries of the period (and twelve hours before it) in one indexed scan —
 * of every packer by (type, at), or of one by (actor, type, at) — grouped by order and cut at each
 * completion. A session that began before the scan, or that someone else had a part in, is read
 * whole by its order (the subject index). Then the orders' lines, in batches. An order has one
 * open session at a time, so a session is the order's packing entries since its previous completion.
 */
export function createPeriodSessions(db: Database, reads: SessionReads): (query: CompletedSessionsQuery) => CompletedSession[] {
  const { orderEntries, build } = reads;
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

  return (query) => {
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
  };
}
