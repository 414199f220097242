import type { CentralPackerStatistics, CentralStatistics, CentralTrend } from '../app/ports/central-console';
import type { CentralJournals } from '../app/ports/replication';
import { MAX_LISTED_ORDERS } from '../contract/statistics';
import {
  computeStatistics,
  DEFAULT_IDLE_GAP_SECONDS,
  defaultFit,
  figuresOfSums,
  noFigures,
  ordersPerHour,
  scoreDistribution,
  stationFitOf,
  type ComplexityFit,
  type SessionFacts,
  type StationFit,
} from '../domain/statistics';

/**
 * The idle gap a console query asked for when it is not the default, else null. The default gap is
 * the fast path: the numbers each session left when its completion arrived (session_contributions).
 * Another gap reads the period's sessions from the stations' journals and analyses them with it
 * (CentralJournals.gapFacts), as a station on its own does.
 */
export const otherGap = (seconds: number | undefined): number | null => (seconds === undefined || seconds === DEFAULT_IDLE_GAP_SECONDS ? null : seconds);

const iso = (from: string, to: string) => [new Date(from).toISOString(), new Date(to).toISOString()] as const;

/** The fit each of these stations was scored by: its newest `stats.fitted` entry, else the defaults. */
export const fitsOf = (stationIds: Iterable<string>, fits: ReadonlyMap<string, StationFit>): StationFit[] =>
  [...new Set(stationIds)].sort().map((id) => fits.get(id) ?? stationFitOf(id, null));

/** Facts replayed by the station's own rules (sessionContributions, then figuresOfSums), each station with the fit in use there. */
const replayed = (facts: SessionFacts[], fits: ReadonlyMap<string, ComplexityFit>, idleGapSeconds: number) =>
  computeStatistics({ facts, attributions: [], fits, defaultFit: defaultFit(), idleGapSeconds });

/**
 * Every packer's, station's and the total figures with another idle gap than the default, with the
 * charts drawn as a station draws its own (src/app/statistics/statistics.ts allStatistics).
 */
export async function consoleGapStatistics(journals: CentralJournals, from: string, to: string, idleGapSeconds: number): Promise<CentralStatistics> {
  const [start, end] = iso(from, to);
  const facts = await journals.gapFacts({ from: start, to: end, idleGapSeconds });
  const fits = await journals.stationFits();
  const stats = replayed(facts, fits, idleGapSeconds);
  return {
    from,
    to,
    idleGapSeconds,
    packers: stats.packers.map((p) => ({ packerId: p.packerId, figures: p.figures, hourly: ordersPerHour(p.orders, new Date(start), new Date(end)) })),
    stations: stats.stations,
    total: stats.total,
    scoreDistribution: scoreDistribution(stats.packers.flatMap((p) => p.orders)),
    fits: fitsOf(
      stats.stations.map((s) => s.stationId),
      fits,
    ),
  };
}

/**
 * One packer's figures at every station for a period, with the orders behind them: the facts of
 * the sessions they had a part in (session_facts, counted when each completion arrived; read from
 * the journals and analysed again for another idle gap) replayed by the station's own rules, each
 * station with the fit in use there (its newest `stats.fitted` entry, else the defaults); so the
 * figures are those `consoleStatistics` sums for the packer.
 */
export async function consolePackerStatistics(
  journals: CentralJournals,
  from: string,
  to: string,
  packerId: number,
  idleGapSeconds?: number,
): Promise<CentralPackerStatistics> {
  const [start, end] = iso(from, to);
  const gap = otherGap(idleGapSeconds);
  const facts =
    gap === null ? await journals.packerFacts(start, end, packerId) : await journals.gapFacts({ from: start, to: end, packerId, idleGapSeconds: gap });
  const fits = await journals.stationFits();
  const stats = replayed(facts, fits, gap ?? DEFAULT_IDLE_GAP_SECONDS);
  const mine = stats.packers.find((p) => p.packerId === packerId);
  const rows = mine?.orders ?? [];
  return {
    from: start,
    to: end,
    idleGapSeconds: gap ?? DEFAULT_IDLE_GAP_SECONDS,
    figures: mine?.figures ?? noFigures(),
    hourly: ordersPerHour(rows, new Date(start), new Date(end)),
    scoreDistribution: scoreDistribution(rows),
    orders: rows.slice(-MAX_LISTED_ORDERS).reverse(),
    ordersTotal: rows.length,
    fits: fitsOf(
      rows.map((o) => o.stationId),
      fits,
    ),
  };
}

/**
 * A trend's weeks at every station: the packer's figures in each (everyone's total when none is
 * named), from the sums alone; with another idle gap, from the sessions of all the weeks read from
 * the journals at once and replayed week by week.
 */
export async function consoleTrend(
  journals: CentralJournals,
  query: { packerId: number | null; weeks: { from: string; to: string }[]; idleGapSeconds?: number },
): Promise<CentralTrend> {
  const fits = await journals.stationFits();
  const gap = otherGap(query.idleGapSeconds);
  const weeks = query.weeks.map((week) => iso(week.from, week.to));
  const pick = (figures: ReturnType<typeof figuresOfSums>) =>
    query.packerId === null ? figures.total : (figures.packers.find((p) => p.packerId === query.packerId)?.figures ?? noFigures());
  if (gap === null) {
    const figures = await Promise.all(weeks.map(async ([from, to]) => pick(figuresOfSums(await journals.periodSums(from, to), fits, defaultFit()))));
    return { idleGapSeconds: DEFAULT_IDLE_GAP_SECONDS, weeks: weeks.map(([from, to], i) => ({ from, to, figures: figures[i]! })) };
  }
  const [first, last] = [
    weeks.map((w) => w[0]).sort()[0]!,
    weeks
      .map((w) => w[1])
      .sort()
      .at(-1)!,
  ];
  const facts = await journals.gapFacts({ from: first, to: last, idleGapSeconds: gap, ...(query.packerId === null ? {} : { packerId: query.packerId }) });
  return {
    idleGapSeconds: gap,
    weeks: weeks.map(([from, to]) => {
      const [start, end] = [Date.parse(from), Date.parse(to)];
      const inWeek = facts.filter((f) => Date.parse(f.session.completedAt) >= start && Date.parse(f.session.completedAt) < end);
      return { from, to, figures: pick(replayed(inWeek, fits, gap)) };
    }),
  };
}
