import type { Pool } from 'pg';
import { analyseSession, type CompletedSession, type SessionFacts, type StatsEntry } from '../domain/statistics';

/**
 * The sessions of a period analysed with another idle gap than the one central counted them with
 * when each completion arrived (session_facts keeps the facts of the default gap only). Read from
 * the stations' replicated journals as a station reads its own for another gap
 * (storage/repositories/statistics/period.ts): each station's packing entries of the period and
 * twelve hours before in one indexed scan, cut at each completion; a session begun earlier, or put
 * back and resumed (shared), is read whole by its order. Then analysed by the station's own rules.
 */

/** Entries this long before a period are read with it in one scan; a session begun earlier is read whole by its order. */
const WINDOW_LOOKBACK_MS = 12 * 3_600_000;

/** A replicated entry's columns that a session's analysis reads. */
export interface StatsEntryRecord {
  seq: string;
  at: string;
  entry_station: string;
  actor_id: string | null;
  type: string;
  payload: string;
}

/** A counted session: where central keeps it (the sending station, its completion's seq) and what it counted (order, lines). */
interface Counted {
  stationId: string;
  seq: number;
  session: CompletedSession;
}

const keyOf = (stationId: string, seq: number) => `${stationId}|${seq}`;

/** A replicated entry as the station's session analysis reads it. */
export const toStatsEntry = (r: StatsEntryRecord): StatsEntry => ({
  seq: Number(r.seq),
  at: r.at,
  stationId: r.entry_station,
  actorId: r.actor_id === null ? null : Number(r.actor_id),
  type: r.type,
  payload: JSON.parse(r.payload) as Record<string, unknown>,
});

/**
 * The sessions central counted in [from, to) (those a packer had a part in, when one is named),
 * oldest first: the same sessions the default gap sums, with the order and lines it counted them
 * with (a completion's own lines, or the order as central pulled it).
 */
async function countedSessions(pool: Pool, from: string, to: string, packerId: number | undefined): Promise<Counted[]> {
  const { rows } = await pool.query<{ station_id: string; seq: string; facts: string }>(
    packerId === undefined
      ? `SELECT station_id, seq, facts FROM session_facts WHERE completed_at >= $1::timestamptz AND completed_at < $2::timestamptz
          ORDER BY completed_at, station_id, seq`
      : `SELECT f.station_id, f.seq, f.facts FROM session_contributions c JOIN session_facts f USING (station_id, seq)
          WHERE c.completed_at >= $1::timestamptz AND c.completed_at < $2::timestamptz AND c.packer_id = $3 ORDER BY c.completed_at, c.station_id, c.seq`,
    packerId === undefined ? [from, to] : [from, to, packerId],
  );
  return rows.map((r) => ({ stationId: r.station_id, seq: Number(r.seq), session: (JSON.parse(r.facts) as SessionFacts).session }));
}

/** One station's packing entries of orders in [since, to), by order, each in journal order. */
async function windowOf(pool: Pool, stationId: string, since: string, to: string): Promise<Map<string, StatsEntry[]>> {
  const { rows } = await pool.query<StatsEntryRecord & { subject_id: string }>(
    `SELECT seq, at, entry_station, actor_id, type, payload, subject_id FROM journal_entries
      WHERE station_id = $1 AND at_time >= $2::timestamptz AND at_time < $3::timestamptz AND subject_kind = 'order' AND type LIKE 'pack.%'
      ORDER BY seq`,
    [stationId, since, to],
  );
  const bySubject = new Map<string, StatsEntry[]>();
  for (const r of rows) {
    const list = bySubject.get(r.subject_id);
    if (list) list.push(toStatsEntry(r));
    else bySubject.set(r.subject_id, [toStatsEntry(r)]);
  }
  return bySubject;
}

/**
 * Sessions read whole by their order: the order's packing entries since its previous completion up
 * to this one, cut as central cut it when the completion arrived (countSessions in journal.ts).
 */
async function wholeByOrder(pool: Pool, sessions: readonly Counted[]): Promise<Map<string, StatsEntry[]>> {
  const found = new Map<string, StatsEntry[]>();
  if (sessions.length === 0) return found;
  const { rows } = await pool.query<StatsEntryRecord & { station_id: string; completion: string }>(
    `SELECT w.station_id, w.completion, e.seq, e.at, e.entry_station, e.actor_id, e.type, e.payload
       FROM unnest($1::text[], $2::text[], $3::bigint[]) AS w(station_id, order_number, completion)
       CROSS JOIN LATERAL (
         SELECT seq, at, entry_station, actor_id, type, payload FROM journal_entries
          WHERE subject_kind = 'order' AND subject_id = w.order_number AND station_id = w.station_id AND type LIKE 'pack.%' AND seq <= w.completion
            AND seq > coalesce((SELECT max(seq) FROM journal_entries
                                 WHERE subject_kind = 'order' AND subject_id = w.order_number AND station_id = w.station_id
                                   AND type = 'pack.completed' AND seq < w.completion), 0)) e
      ORDER BY w.station_id, w.completion, e.seq`,
    [sessions.map((s) => s.stationId), sessions.map((s) => s.session.orderNumber), sessions.map((s) => s.seq)],
  );
  for (const r of rows) {
    const key = keyOf(r.station_id, Number(r.completion));
    const list = found.get(key);
    if (list) list.push(toStatsEntry(r));
    else found.set(key, [toStatsEntry(r)]);
  }
  return found;
}

/** Stations whose windows are read at once: PostgreSQL reads one while this process analyses another. */
const WINDOWS_AT_ONCE = 3;

/**
 * The facts of the sessions central counted in [from, to) analysed with `idleGapSeconds`, oldest
 * first (the session's entries not kept, as in session_facts). Each station's sessions are analysed
 * as its window is read, so only the windows being read are held at once. One packer's sessions
 * are read whole by their orders: they are a few of the period's, found by the numbers counted for them.
 */
export async function gapFacts(pool: Pool, query: { from: string; to: string; packerId?: number; idleGapSeconds: number }): Promise<SessionFacts[]> {
  const { from, to, packerId, idleGapSeconds } = query;
  const counted = await countedSessions(pool, from, to, packerId);
  const byKey = new Map(counted.map((c) => [keyOf(c.stationId, c.seq), c]));
  const analysed = new Map<string, SessionFacts>();
  const analyse = (key: string, entries: StatsEntry[]) => {
    const facts = analyseSession({ ...byKey.get(key)!.session, entries }, idleGapSeconds);
    analysed.set(key, { ...facts, session: { ...facts.session, entries: [] } });
  };
  if (packerId === undefined) {
    const since = new Date(Date.parse(from) - WINDOW_LOOKBACK_MS).toISOString();
    const stations = [...new Set(counted.map((c) => c.stationId))].sort();
    const readStation = async (stationId: string) => {
      for (const list of (await windowOf(pool, stationId, since, to)).values()) {
        let begin = 0;
        list.forEach((e, i) => {
          if (e.type !== 'pack.completed') return;
          const piece = list.slice(begin, i + 1);
          begin = i + 1;
          const key = keyOf(stationId, e.seq);
          const complete = piece[0]!.type === 'pack.opened' && !piece.some((p) => p.type === 'pack.put_back' || p.type === 'pack.resumed');
          if (complete && byKey.has(key)) analyse(key, piece);
        });
      }
    };
    let next = 0;
    const reader = async () => {
      while (next < stations.length) await readStation(stations[next++]!);
    };
    await Promise.all(Array.from({ length: WINDOWS_AT_ONCE }, reader));
  }
  const whole = counted.filter((c) => !analysed.has(keyOf(c.stationId, c.seq)));
  const wholeEntries = await wholeByOrder(pool, whole);
  for (const c of whole) analyse(keyOf(c.stationId, c.seq), wholeEntries.get(keyOf(c.stationId, c.seq)) ?? []);
  return counted.map((c) => analysed.get(keyOf(c.stationId, c.seq))!);
}
