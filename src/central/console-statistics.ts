import type { CentralPackerStatistics, CentralTrend } from '../app/ports/central-console';
import type { CentralJournals } from '../app/ports/replication';
import { MAX_LISTED_ORDERS } from '../contract/statistics';
import { computeStatistics, defaultFit, figuresOfSums, noFigures, ordersPerHour, scoreDistribution } from '../domain/statistics';

/**
 * One packer's figures at every station for a period, with the orders behind them: the facts of
 * the sessions they had a part in (session_facts, counted when each completion arrived) replayed
 * by the station's own rules, each station with the fit in use there (its newest `stats.fitted`
 * entry, else the defaults); so the figures are those `consoleStatistics` sums for the packer.
 */
export async function consolePackerStatistics(journals: CentralJournals, from: string, to: string, packerId: number): Promise<CentralPackerStatistics> {
  const [start, end] = [new Date(from).toISOString(), new Date(to).toISOString()];
  const facts = await journals.packerFacts(start, end, packerId);
  const stats = computeStatistics({ facts, attributions: [], fits: await journals.stationFits(), defaultFit: defaultFit() });
  const mine = stats.packers.find((p) => p.packerId === packerId);
  const rows = mine?.orders ?? [];
  return {
    from: start,
    to: end,
    figures: mine?.figures ?? noFigures(),
    hourly: ordersPerHour(rows, new Date(start), new Date(end)),
    scoreDistribution: scoreDistribution(rows),
    orders: rows.slice(-MAX_LISTED_ORDERS).reverse(),
    ordersTotal: rows.length,
  };
}

/** A trend's weeks at every station: the packer's figures in each (everyone's total when none is named), from the sums alone. */
export async function consoleTrend(
  journals: CentralJournals,
  query: { packerId: number | null; weeks: { from: string; to: string }[] },
): Promise<CentralTrend> {
  const fits = await journals.stationFits();
  const weeks = await Promise.all(
    query.weeks.map(async (week) => {
      const [from, to] = [new Date(week.from).toISOString(), new Date(week.to).toISOString()];
      const figures = figuresOfSums(await journals.periodSums(from, to), fits, defaultFit());
      const chosen = query.packerId === null ? figures.total : (figures.packers.find((p) => p.packerId === query.packerId)?.figures ?? noFigures());
      return { from, to, figures: chosen };
    }),
  );
  return { weeks };
}
