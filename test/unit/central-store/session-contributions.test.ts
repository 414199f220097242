import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { CENTRAL_MIGRATIONS, migrateCentral } from '../../../src/central-store';
import { createCentralJournals } from '../../../src/central-store/journal';
import {
  analyseSession,
  computeStatistics,
  defaultFit,
  figuresOfSums,
  ordersPerHour,
  scoreDistribution,
  type SessionFacts,
  type StatsEntry,
} from '../../../src/domain/statistics';
import { usePostgres } from '../../support/postgres-server';

const server = usePostgres();

const T0 = Date.parse('2026-10-02T08:00:00.000Z');
const step = (seq: number, seconds: number, actorId: number, type: string, payload: Record<string, unknown> = {}): StatsEntry => ({
  seq,
  at: new Date(T0 + seconds * 1000).toISOString(),
  stationId: 'ST-01',
  actorId,
  type,
  payload,
});

/** A session of `entries` completed at its last entry, counted as central counts it (no order lines). */
function counted(orderNumber: string, entries: StatsEntry[]): SessionFacts {
  const session = { sessionId: null, orderId: 0, orderNumber, stationId: 'ST-01', completedAt: entries.at(-1)!.at, entries, lines: [] };
  return { ...analyseSession(session), session: { ...session, entries: [] } };
}

const sessions: SessionFacts[] = [
  // One packer, one wrong item caught, weighed out of tolerance.
  counted('SO-1', [
    step(1, 0, 3, 'pack.opened'),
    step(2, 20, 3, 'pack.scan', { verdict: 'ok', units: 1 }),
    step(3, 35, 3, 'pack.scan', { verdict: 'wrong_item' }),
    step(4, 50, 3, 'pack.scan', { verdict: 'ok', units: 2 }),
    step(5, 70, 3, 'pack.weighed', { parcel: 1, withinTolerance: false }),
    step(6, 80, 3, 'pack.completed', { parcels: [{}, {}] }),
  ]),
  // Two packers share an order: put back by 3, resumed and completed by 5 with an override.
  counted('SO-2', [
    step(7, 3600, 3, 'pack.opened'),
    step(8, 3610, 3, 'pack.scan', { verdict: 'ok', units: 1 }),
    step(9, 3620, 3, 'pack.put_back'),
    step(10, 3700, 5, 'pack.resumed'),
    step(11, 3730, 5, 'pack.scan', { verdict: 'too_many' }),
    step(12, 3740, 5, 'pack.scan', { verdict: 'ok', units: 3 }),
    step(13, 3750, 5, 'pack.override', { kind: 'force_complete' }),
    step(14, 3760, 5, 'pack.completed', { parcels: [{}] }),
  ]),
  // The next day: outside the period asked below.
  counted('SO-3', [step(15, 86_400, 5, 'pack.opened'), step(16, 86_460, 5, 'pack.scan', { verdict: 'ok', units: 1 }), step(17, 86_500, 5, 'pack.completed')]),
];

describe('session contributions at central (migration 5)', () => {
  it("counts the sessions stored before it, and a period's figures from them equal the station's own count", async () => {
    const pool = new pg.Pool({ connectionString: await server().createDatabase() });
    try {
      // A journal counted by an older central: sessions in session_facts, no contributions yet.
      await migrateCentral(pool, CENTRAL_MIGRATIONS.slice(0, 4));
      await pool.query("INSERT INTO stations (id, name, public_key, registered_at) VALUES ('S1', 'S1', 'ed25519:x', now())");
      for (const [i, f] of sessions.entries()) {
        const seq = i + 1;
        await pool.query(
          `INSERT INTO journal_entries (station_id, seq, at, entry_station, actor_id, type, subject_kind, subject_id, payload, prev_hash, hash, at_time, words)
           VALUES ('S1', $1, $2::text, 'ST-01', 1, 'pack.completed', 'order', $3, '{}', repeat('0', 64), repeat('1', 64), $2::text::timestamptz, ''::tsvector)`,
          [seq, f.session.completedAt, f.session.orderNumber],
        );
        await pool.query("INSERT INTO session_facts (station_id, seq, completed_at, facts) VALUES ('S1', $1, $2, $3)", [
          seq,
          f.session.completedAt,
          JSON.stringify(f),
        ]);
      }

      const report = await migrateCentral(pool);
      expect(report.applied).toContain('7-session-contributions');
      const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM session_contributions');
      // Each session: the station's row and one per packer (1 + 1, 1 + 2, 1 + 1).
      expect(Number(rows[0]!.n)).toBe(7);

      const day = { from: '2026-10-02T00:00:00.000Z', to: '2026-10-03T00:00:00.000Z' };
      const { sums, hourly, scoreBins } = await createCentralJournals(pool).periodNumbers(day.from, day.to, new Map(), defaultFit());
      const atCentral = figuresOfSums(sums, new Map(), defaultFit());
      const own = computeStatistics({ facts: sessions.slice(0, 2), attributions: [], fits: new Map(), defaultFit: defaultFit() });
      expect(atCentral.total).toEqual(own.total);
      expect(atCentral.stations).toEqual(own.stations);
      expect(atCentral.packers).toEqual(own.packers.map((p) => ({ packerId: p.packerId, figures: p.figures })));
      // The charts from the same rows, as the station draws them from its own.
      const [from, to] = [new Date(day.from), new Date(day.to)];
      for (const p of own.packers) expect(hourly.get(p.packerId)).toEqual(ordersPerHour(p.orders, from, to));
      expect(scoreBins).toEqual(scoreDistribution(own.packers.flatMap((p) => p.orders)));
      expect(scoreBins.reduce((n, b) => n + b, 0)).toBeGreaterThan(0);
      expect(atCentral.total).toMatchObject({ ordersTouched: 2, sharedOrders: 1, errorsTotal: 2, forcedCompletions: 1, weightMismatches: 1, parcels: 3 });

      // The station refits (a `stats.fitted` entry about it, replicated): central counts its sessions
      // by that fit as the station does, the figures and the score chart alike.
      const fit = { ...defaultFit(), method: 'least_squares' as const, fallback: null, seconds: { ...defaultFit().seconds, order: 95, units: 2 } };
      await pool.query(
        `INSERT INTO journal_entries (station_id, seq, at, entry_station, actor_id, type, subject_kind, subject_id, payload, prev_hash, hash, at_time, words)
         VALUES ('S1', 99, '2026-10-03T09:00:00.000Z', 'ST-01', 1, 'stats.fitted', 'station', 'ST-01', $1, repeat('0', 64), repeat('1', 64), '2026-10-03T09:00:00Z', ''::tsvector)`,
        [JSON.stringify({ ...fit, from: '2026-09-01T00:00:00.000Z', to: '2026-10-03T00:00:00.000Z' })],
      );
      const journals = createCentralJournals(pool);
      const fits = await journals.stationFits();
      expect([...fits.keys()]).toEqual(['ST-01']);
      // With when, by whom and over what it was fitted, as the station shows its own.
      expect(fits.get('ST-01')).toEqual({
        stationId: 'ST-01',
        ...fit,
        fittedAt: '2026-10-03T09:00:00.000Z',
        fittedBy: 1,
        from: '2026-09-01T00:00:00.000Z',
        to: '2026-10-03T00:00:00.000Z',
      });
      const refitted = await journals.periodNumbers(day.from, day.to, fits, defaultFit());
      const ownRefitted = computeStatistics({ facts: sessions.slice(0, 2), attributions: [], fits, defaultFit: defaultFit() });
      const atCentralRefitted = figuresOfSums(refitted.sums, fits, defaultFit());
      expect(atCentralRefitted.total).toEqual(ownRefitted.total);
      expect(atCentralRefitted.total.score).not.toEqual(atCentral.total.score);
      expect(refitted.scoreBins).toEqual(scoreDistribution(ownRefitted.packers.flatMap((p) => p.orders)));

      // Kept as the journal is: a count is never changed afterwards.
      await expect(pool.query('UPDATE session_contributions SET units = 0')).rejects.toThrow(/append-only/);
    } finally {
      await pool.end();
    }
  });
});
