import type { Pool, PoolClient } from 'pg';
import type { CentralJournals, PeriodNumbers } from '../app/ports/replication';
import {
  CONTRIBUTION_FIELDS,
  FACTORS,
  SCORE_BIN_WIDTH,
  SCORE_BINS,
  hourBuckets,
  sessionContributions,
  zeroNumbers,
  FIT_ENTRY,
  stationFitOf,
  type ComplexityFit,
  type StationFit,
  type ContributionSums,
  type Factors,
  type SessionFacts,
} from '../domain/statistics';
import { gapFacts } from './gap-sessions';

/**
 * Each completed session's numbers (domain/statistics sessionContributions) kept as columns of
 * session_contributions, one row per packer and one for the station (packer_id null), so a
 * period's figures are one SQL aggregate by packer and station, whatever its length.
 */

/** The column of a contribution field: activeSeconds → active_seconds. */
export const columnOf = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const CONTRIBUTION_COLUMNS = CONTRIBUTION_FIELDS.map(columnOf);

/** Writes the contributions of counted sessions (`completedAt` as stored in session_facts). */
export async function insertContributions(
  client: PoolClient,
  sessions: readonly { stationId: string; seq: number; completedAt: string; facts: SessionFacts }[],
): Promise<void> {
  const rows = sessions.flatMap((s) => sessionContributions(s.facts).map((c) => ({ ...s, c })));
  if (rows.length === 0) return;
  const fixed = ['station_id', 'seq', 'packer_id', 'session_station', 'completed_at'];
  const types = ['text', 'bigint', 'bigint', 'text', 'timestamptz', ...CONTRIBUTION_COLUMNS.map(() => 'float8')];
  const columns = [...fixed, ...CONTRIBUTION_COLUMNS];
  // One statement for all of them: unnest turns the columns back into rows.
  await client.query(
    `INSERT INTO session_contributions (${columns.join(', ')})
     SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`,
    [
      rows.map((r) => r.stationId),
      rows.map((r) => r.seq),
      rows.map((r) => r.c.packerId),
      rows.map((r) => r.facts.session.stationId),
      rows.map((r) => r.completedAt),
      ...CONTRIBUTION_FIELDS.map((f) => rows.map((r) => r.c.numbers[f])),
    ],
  );
}

/**
 * Counts the contributions of every session counted before session_contributions existed (or
 * without it): read back from session_facts in batches, so a database of any size is brought up to
 * date once. Returns how many sessions it counted.
 */
export async function countMissingContributions(client: PoolClient, batch = 2000): Promise<number> {
  let after: [string, string] = ['', '0'];
  let counted = 0;
  for (;;) {
    const { rows } = await client.query<{ station_id: string; seq: string; completed_at: Date; facts: string }>(
      `SELECT f.station_id, f.seq, f.completed_at, f.facts FROM session_facts f
       WHERE (f.station_id, f.seq) > ($1, $2::bigint)
         AND NOT EXISTS (SELECT 1 FROM session_contributions c WHERE c.station_id = f.station_id AND c.seq = f.seq)
       ORDER BY f.station_id, f.seq LIMIT $3`,
      [...after, batch],
    );
    if (rows.length === 0) return counted;
    await insertContributions(
      client,
      rows.map((r) => ({ stationId: r.station_id, seq: Number(r.seq), completedAt: r.completed_at.toISOString(), facts: JSON.parse(r.facts) as SessionFacts })),
    );
    counted += rows.length;
    const last = rows.at(-1)!;
    after = [last.station_id, last.seq];
  }
}

const PERIOD = 'completed_at >= $1::timestamptz AND completed_at < $2::timestamptz';
const SUMS_SQL = `SELECT packer_id, session_station, ${CONTRIBUTION_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(', ')}
  FROM session_contributions WHERE ${PERIOD} GROUP BY packer_id, session_station`;

function toSums(r: Record<string, number | string | null>): ContributionSums {
  const numbers = zeroNumbers();
  CONTRIBUTION_FIELDS.forEach((f, i) => (numbers[f] = Number(r[CONTRIBUTION_COLUMNS[i]!])));
  return { packerId: r.packer_id === null ? null : Number(r.packer_id), stationId: String(r.session_station), numbers };
}

/** The sums alone of a period by packer and station (a trend's week). */
export async function periodSums(pool: Pool, from: string, to: string): Promise<ContributionSums[]> {
  return (await readOnly(pool, SUMS_SQL, [from, to])).map(toSums);
}

/** The facts of the sessions completed in a period that a packer had a part in, oldest first. */
export async function packerFacts(pool: Pool, from: string, to: string, packerId: number): Promise<SessionFacts[]> {
  const { rows } = await pool.query<{ facts: string }>(
    `SELECT f.facts FROM session_contributions c JOIN session_facts f USING (station_id, seq)
      WHERE c.completed_at >= $1::timestamptz AND c.completed_at < $2::timestamptz AND c.packer_id = $3 ORDER BY c.completed_at, c.station_id, c.seq`,
    [from, to, packerId],
  );
  return rows.map((r) => JSON.parse(r.facts) as SessionFacts);
}

/**
 * A period's figures and both charts (as domain/statistics/charts.ts draws them at a station):
 * the sums by packer and station, each packer's orders by hour, and the station rows by score bin,
 * three narrow aggregates of the same rows on their own connections at once: folded into one, the
 * 27 sums by hour and bin took three times as long at 10,000,000 entries.
 */
export async function periodNumbers(
  pool: Pool,
  from: string,
  to: string,
  fits: ReadonlyMap<string, ComplexityFit>,
  fallback: ComplexityFit,
): Promise<PeriodNumbers> {
  const buckets = hourBuckets(new Date(from), new Date(to));
  const expectedWith = (seconds: Readonly<Factors>) => FACTORS.map((f) => `${columnOf(`factor_${f}`)} * ${Number(seconds[f])}`).join(' + ');
  // Each station's session by that station's fit ($3 … its name as its journal gives it), the rest by the fallback.
  const stations = [...fits.keys()];
  const expected =
    stations.length === 0
      ? expectedWith(fallback.seconds)
      : `CASE session_station ${stations.map((id, i) => `WHEN $${i + 3} THEN ${expectedWith(fits.get(id)!.seconds)}`).join(' ')} ELSE ${expectedWith(fallback.seconds)} END`;
  const period = PERIOD;
  const [sums, hours, scores] = await Promise.all([
    readOnly(pool, SUMS_SQL, [from, to]),
    readOnly(
      pool,
      `SELECT packer_id, floor(extract(epoch FROM completed_at - $1::timestamptz) / 3600)::int % $3 AS hour, sum(orders) AS orders
       FROM session_contributions WHERE ${period} AND packer_id IS NOT NULL GROUP BY 1, 2`,
      [from, to, buckets],
    ),
    readOnly(
      pool,
      `SELECT least(${SCORE_BINS - 1}, floor(round(((${expected}) / active_seconds)::numeric, 3) / ${SCORE_BIN_WIDTH}))::int AS bin, count(*) AS n
       FROM session_contributions WHERE ${period} AND packer_id IS NULL AND active_seconds > 0 GROUP BY 1`,
      [from, to, ...stations],
    ),
  ]);
  const hourly = new Map<number, number[]>();
  const scoreBins = new Array<number>(SCORE_BINS).fill(0);
  for (const r of hours) {
    const counts = hourly.get(Number(r.packer_id)) ?? new Array<number>(buckets).fill(0);
    counts[Number(r.hour)] = Number(r.orders);
    hourly.set(Number(r.packer_id), counts);
  }
  for (const r of scores) scoreBins[Number(r.bin)] = Number(r.n);
  for (const counts of hourly.values()) counts.forEach((c, i) => (counts[i] = Math.round(c * 1000) / 1000));
  return {
    sums: sums.map(toSums),
    hourly,
    scoreBins,
  };
}

/**
 * The fit in use at each station that has one: the newest `stats.fitted` entry about it (the
 * station refits its own and journals it), by the station's id as its journal gives it.
 */
export async function stationFits(pool: Pool): Promise<Map<string, StationFit>> {
  const { rows } = await pool.query<{ subject_id: string; at: string; actor_id: string | null; payload: string }>(
    `SELECT DISTINCT ON (subject_id) subject_id, at, actor_id, payload FROM journal_entries
      WHERE type = $1 AND subject_kind = 'station' ORDER BY subject_id, at_time DESC, seq DESC`,
    [FIT_ENTRY],
  );
  const fits = new Map<string, StationFit>();
  for (const r of rows) {
    const entry = { at: r.at, actorId: r.actor_id === null ? null : Number(r.actor_id), payload: JSON.parse(r.payload) as Record<string, unknown> };
    const fit = stationFitOf(r.subject_id, entry);
    if (fit.fittedAt !== null) fits.set(r.subject_id, fit);
  }
  return fits;
}

/** One aggregate in a read-only transaction, without JIT or parallel workers (a day's rows gain nothing and wait for their start). */
async function readOnly(pool: Pool, sql: string, values: unknown[]): Promise<Record<string, number | string | null>[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN READ ONLY');
    await client.query('SET LOCAL jit = off');
    await client.query('SET LOCAL max_parallel_workers_per_gather = 0');
    const { rows } = await client.query<Record<string, number | string | null>>(sql, values);
    await client.query('COMMIT');
    return rows;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The console's statistics reads of central's journals (CentralJournals). */
export function statisticsReads(pool: Pool): Pick<CentralJournals, 'periodNumbers' | 'stationFits' | 'periodSums' | 'packerFacts' | 'gapFacts'> {
  return {
    periodNumbers: (from, to, fits, fallback) => periodNumbers(pool, from, to, fits, fallback),
    stationFits: () => stationFits(pool),
    periodSums: (from, to) => periodSums(pool, from, to),
    packerFacts: (from, to, packerId) => packerFacts(pool, from, to, packerId),
    gapFacts: (query) => gapFacts(pool, query),
  };
}
