import { describe, expect, it } from 'vitest';
import { computeStatistics, defaultFit, ordersPerHour, weeksUpTo, type Figures } from '../../../src/domain/statistics';
import { createJournalSearch } from '../../../src/storage/repositories/journal-search';
import { createStatisticsSource } from '../../../src/storage/repositories/statistics';
import { ok, useTwoStationsAtCentral, type AttachedConsole } from './console-fixture';
import { openCentral } from './replication-fixtures';

/**
 * The console's reads that answered from the station alone while attached: one packer's figures
 * with the orders behind them, the week-by-week trend, and the journal's lists to narrow by. Each
 * now reads every station through central and equals both stations' own together; central
 * stopped, each is this station's own and says so.
 */
const setUp = useTwoStationsAtCentral();

/** What each station holds of a period on its own, counted as central counts (no order lines, no return attributions, the default fit). */
function ownSessions(stations: AttachedConsole['stations'], from: string, to: string) {
  return stations.map((s) =>
    createStatisticsSource(s.db)
      .completedSessions({ from, to })
      .map((session) => ({ ...session, lines: [] })),
  );
}
const counted = (sessions: ReturnType<typeof ownSessions>[number]) =>
  computeStatistics({ sessions, attributions: [], fits: new Map(), defaultFit: defaultFit() });

const pick = (f: Figures) => [f.orders, f.ordersTouched, f.units, f.scans, f.errorsTotal, f.overrides, f.parcels, f.activeSeconds, f.returns];

/** A week of both demo histories, up to a second after the newer last completion. */
function period(stations: AttachedConsole['stations']) {
  const last = stations.map((s) => Date.parse(createJournalSearch(s.db).search({ types: ['pack.completed'], limit: 1, offset: 0 }).entries[0]!.at));
  const to = new Date(Math.max(...last) + 1000).toISOString();
  return { from: new Date(Date.parse(to) - 7 * 86_400_000).toISOString(), to };
}

describe('the console reads that went to this station alone, through central over two stations', () => {
  it("one packer's figures, charts and orders are those of both stations' sessions together", async () => {
    const { call, stations } = setUp();
    const { from, to } = period(stations);
    const own = ownSessions(stations, from, to);
    const [atA, atB] = own.map(counted);
    // A packer who packed at both stations.
    const packerId = atA!.packers.map((p) => p.packerId).find((id) => atB!.packers.some((p) => p.packerId === id && p.orders.length > 0))!;
    expect(packerId).toBeDefined();
    const both = counted(own.flat()).packers.find((p) => p.packerId === packerId)!;

    const view = await ok(call('stats.packer', { from, to, packerId }));
    expect(view.readFrom).toBe('central');
    expect(view.packer.name).not.toMatch(/^#/);
    expect(pick(view.figures)).toEqual(pick(both.figures));
    const ownCount = [atA!, atB!].map((s) => s.packers.find((p) => p.packerId === packerId)!.orders.length);
    expect(view.ordersTotal).toBe(ownCount[0]! + ownCount[1]!);
    const key = (o: { orderNumber: string; completedAt: string; stationId: string }) => `${o.stationId}|${o.orderNumber}|${o.completedAt}`;
    expect(view.orders.map(key).sort()).toEqual(both.orders.map(key).sort());
    expect(new Set(view.orders.map((o) => o.stationId)).size).toBe(2);
    expect(view.hourly).toEqual(ordersPerHour(both.orders, new Date(from), new Date(to)));
    expect(view.fits.map((f) => f.stationId).sort()).toEqual([...new Set(both.orders.map((o) => o.stationId))].sort());
  });

  it("the trend's weeks, everyone's and one packer's, are both stations' own summed", async () => {
    const { call, stations } = setUp();
    const { to } = period(stations);
    const packerId = counted(ownSessions(stations, period(stations).from, to)[1]!).packers[0]!.packerId;
    for (const who of [undefined, packerId]) {
      const trend = await ok(call('stats.trend', { weeks: 2, until: to, ...(who === undefined ? {} : { packerId: who }) }));
      expect(trend.readFrom).toBe('central');
      const weeks = weeksUpTo(new Date(to), 2);
      expect(trend.weeks.map((w) => w.from)).toEqual(weeks.map((w) => w.from.toISOString()));
      let orders = 0;
      for (const [i, week] of weeks.entries()) {
        const stats = counted(ownSessions(stations, week.from.toISOString(), week.to.toISOString()).flat());
        const figures = who === undefined ? stats.total : stats.packers.find((p) => p.packerId === who)?.figures;
        const got = trend.weeks[i]!;
        expect([got.orders, got.scans, got.errorsTotal, got.returns], `week ${i} of ${who ?? 'everyone'}`).toEqual(
          figures ? [figures.orders, figures.scans, figures.errorsTotal, figures.returns] : [0, 0, 0, 0],
        );
        orders += got.orders;
      }
      expect(orders).toBeGreaterThan(0);
    }
  });

  it("the journal's lists: every station central knows, every entry type and person of both stations' entries", async () => {
    const { call, stations } = setUp();
    const filters = await ok(call('journal.filters', {}));
    expect(filters.readFrom).toBe('central');
    expect(filters.stations.map((s) => s.id)).toEqual(['PACK-A', 'PACK-B']);
    const distinct = (sql: string) => new Set(stations.flatMap((s) => (s.db.prepare(sql).pluck().all() as (string | number)[]).map(String)));
    const types = distinct('SELECT DISTINCT type FROM journal_entries');
    const people = distinct('SELECT DISTINCT actor_id FROM journal_entries WHERE actor_id IS NOT NULL');
    expect(types.size).toBeGreaterThan(3);
    for (const t of types) expect(filters.types.map((x) => x.type)).toContain(t);
    for (const id of people) expect(filters.people.map((p) => String(p.id))).toContain(id);
    expect(new Set(filters.types.map((t) => t.type)).size).toBe(filters.types.length);
  });

  it("central stopped: each is this station's own and says so; back again, every station", async () => {
    const context = setUp();
    const { call, stations } = context;
    const { from, to } = period(stations);
    const atA = counted(ownSessions(stations, from, to)[0]!);
    const packerId = atA.packers[0]!.packerId;
    const port = Number(new URL(context.central.url).port);
    await context.central.close();
    try {
      const view = await ok(call('stats.packer', { from, to, packerId }));
      expect(view.readFrom).toBe('station-only');
      expect(view.ordersTotal).toBe(atA.packers[0]!.orders.length);
      const trend = await ok(call('stats.trend', { weeks: 1, until: to }));
      expect(trend.readFrom).toBe('station-only');
      const filters = await ok(call('journal.filters', {}));
      expect(filters.readFrom).toBe('station-only');
      expect(filters.stations.map((s) => s.id)).not.toContain('PACK-B');
    } finally {
      context.central = await openCentral(context.database, port);
    }
    expect((await ok(call('stats.packer', { from, to, packerId }))).readFrom).toBe('central');
  });
});
