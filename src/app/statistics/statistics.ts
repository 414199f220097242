import { StationFailure } from '../../contract/errors';
import { MAX_LISTED_ORDERS, type AllStatisticsView, type FitView, type PackerStatisticsView, type TrendView } from '../../contract/statistics';
import {
  computeStatistics,
  DEFAULT_IDLE_GAP_SECONDS,
  defaultFit,
  noFigures,
  ordersPerHour,
  scoreDistribution,
  weeksUpTo,
  type Figures,
  type Statistics,
} from '../../domain/statistics';
import { roleAllows } from '../../domain/user';
import type { CallContext } from '../context';
import type { CentralPackerStatistics, CentralStatistics, CentralTrend } from '../ports/central-console';
import type { StatisticsDeps } from './deps';
import { currentFit } from './fits';

export interface PeriodQuery {
  from: string;
  to: string;
  packerId?: number;
  idleGapSeconds?: number;
}

export interface PeriodStatistics {
  from: string;
  to: string;
  idleGapSeconds: number;
  stats: Statistics;
  fits: FitView[];
}

/** The statistics of the sessions completed in a period (those a packer had a part in, when one is named). */
export function periodStatistics(deps: StatisticsDeps, query: PeriodQuery): PeriodStatistics {
  const from = new Date(query.from).toISOString();
  const to = new Date(query.to).toISOString();
  const idleGapSeconds = query.idleGapSeconds ?? DEFAULT_IDLE_GAP_SECONDS;
  const facts = deps.statistics.source.completedFacts({ from, to, idleGapSeconds, ...(query.packerId !== undefined ? { packerId: query.packerId } : {}) });
  const attributions = deps.statistics.attributions.forOrders([...new Set(facts.map((f) => f.session.orderId))]);
  const stations = [...new Set(facts.map((f) => f.session.stationId))].sort();
  const fits = stations.map((id) => currentFit(deps, id));
  const stats = computeStatistics({ facts, attributions, fits: new Map(fits.map((f) => [f.stationId, f])), defaultFit: defaultFit(), idleGapSeconds });
  return { from, to, idleGapSeconds, stats, fits };
}

/** A packer may see their own statistics only; managers and admins anyone's. */
export function checkOwn(call: CallContext, packerId: number): void {
  const user = call.user;
  if (!user) throw new StationFailure('NOT_LOGGED_IN', 'Log in first.');
  if (packerId !== user.id && !roleAllows(user.role, ['manager'])) {
    throw new StationFailure('FORBIDDEN', 'You may open your own statistics only.', { role: user.role });
  }
}

export function nameOf(deps: Pick<StatisticsDeps, 'store'>, userId: number): string {
  return deps.store.users.byId(userId)?.name ?? `#${userId}`;
}

/** One packer's figures of a period, wherever they were read from. */
export type PackerStatistics = Omit<PackerStatisticsView, 'readFrom'>;
export type Trend = Omit<TrendView, 'readFrom'>;

export function packerStatistics(deps: StatisticsDeps, query: PeriodQuery & { packerId: number }): PackerStatistics {
  const period = periodStatistics(deps, query);
  const mine = period.stats.packers.find((p) => p.packerId === query.packerId);
  const rows = mine?.orders ?? [];
  const figures = mine?.figures ?? noFigures();
  const stations = new Set(rows.map((r) => r.stationId));
  return {
    from: period.from,
    to: period.to,
    idleGapSeconds: period.idleGapSeconds,
    packer: { id: query.packerId, name: nameOf(deps, query.packerId) },
    figures,
    hourly: ordersPerHour(rows, new Date(period.from), new Date(period.to)),
    scoreDistribution: scoreDistribution(rows),
    // Each row also names its packer; the contract's schema leaves that out.
    orders: rows.slice(-MAX_LISTED_ORDERS).reverse(),
    ordersTotal: rows.length,
    fits: period.fits.filter((f) => stations.has(f.stationId)),
  };
}

/** Every packer's and station's figures of a period, wherever they were read from. */
export type AllStatistics = Omit<AllStatisticsView, 'readFrom'>;

export function allStatistics(deps: StatisticsDeps, query: PeriodQuery): AllStatistics {
  const period = periodStatistics(deps, { from: query.from, to: query.to, ...(query.idleGapSeconds ? { idleGapSeconds: query.idleGapSeconds } : {}) });
  const from = new Date(period.from);
  const to = new Date(period.to);
  const stationName = (id: string) => deps.store.stations.get(id)?.name ?? id;
  return {
    from: period.from,
    to: period.to,
    idleGapSeconds: period.idleGapSeconds,
    packers: period.stats.packers.map((p) => ({
      packer: { id: p.packerId, name: nameOf(deps, p.packerId) },
      figures: p.figures,
      hourly: ordersPerHour(p.orders, from, to),
    })),
    stations: period.stats.stations.map((s) => ({ stationId: s.stationId, name: stationName(s.stationId), figures: s.figures })),
    total: period.stats.total,
    scoreDistribution: scoreDistribution(period.stats.packers.flatMap((p) => p.orders)),
    fits: deps.store.stations.list().map((s) => currentFit(deps, s.id)),
  };
}

/**
 * Central's answer says the idle gap it counted with: the one asked for, or the default from a
 * central older than the field (src/central-link/console-link.ts). The answer carries the gap
 * counted, so the screen shows it; the log says why it is not the one asked for.
 */
function gapCounted(deps: Pick<StatisticsDeps, 'logger'>, asked: number | undefined, counted: number): number {
  if ((asked ?? DEFAULT_IDLE_GAP_SECONDS) !== counted) {
    deps.logger.warn('central counted the statistics with the default idle gap: it is older than this station', { asked, counted });
  }
  return counted;
}

/**
 * Central's figures over every station for a period, named by this station (people and stations
 * by their ids here), with the fits central scored each station by (this station's knowledge of
 * them from a central older than that). Central counts sessions with the idle gap asked for
 * (docs/central.md), and says which it used.
 */
export function centralStatistics(deps: StatisticsDeps, atCentral: CentralStatistics, askedGap?: number): AllStatistics {
  return {
    from: new Date(atCentral.from).toISOString(),
    to: new Date(atCentral.to).toISOString(),
    idleGapSeconds: gapCounted(deps, askedGap, atCentral.idleGapSeconds),
    packers: atCentral.packers.map((p) => ({ packer: { id: p.packerId, name: nameOf(deps, p.packerId) }, figures: p.figures, hourly: p.hourly })),
    stations: atCentral.stations.map((s) => ({ stationId: s.stationId, name: deps.store.stations.get(s.stationId)?.name ?? s.stationId, figures: s.figures })),
    total: atCentral.total,
    scoreDistribution: atCentral.scoreDistribution,
    fits: atCentral.fits ?? deps.store.stations.list().map((s) => currentFit(deps, s.id)),
  };
}

/**
 * One packer's figures at every station through central, named by this station; central counts
 * with the idle gap asked for and says which it used (docs/central.md).
 */
export function centralPackerStatistics(deps: StatisticsDeps, packerId: number, atCentral: CentralPackerStatistics, askedGap?: number): PackerStatistics {
  const stations = [...new Set(atCentral.orders.map((o) => o.stationId))].sort();
  return {
    from: new Date(atCentral.from).toISOString(),
    to: new Date(atCentral.to).toISOString(),
    idleGapSeconds: gapCounted(deps, askedGap, atCentral.idleGapSeconds),
    packer: { id: packerId, name: nameOf(deps, packerId) },
    figures: atCentral.figures,
    hourly: atCentral.hourly,
    scoreDistribution: atCentral.scoreDistribution,
    orders: atCentral.orders,
    ordersTotal: atCentral.ordersTotal,
    fits: atCentral.fits ?? stations.map((stationId) => currentFit(deps, stationId)),
  };
}

export interface TrendQuery {
  packerId: number | null;
  weeks: number;
  until?: string;
  idleGapSeconds?: number;
}

/** The weeks of a trend, Monday to Monday in the station's local time, oldest first. */
export function trendWeeks(deps: StatisticsDeps, query: TrendQuery): { from: string; to: string }[] {
  return weeksUpTo(query.until ? new Date(query.until) : deps.clock.now(), query.weeks).map((w) => ({ from: w.from.toISOString(), to: w.to.toISOString() }));
}

const trendWeek = (week: { from: string; to: string }, figures: Figures): Trend['weeks'][number] => ({
  from: week.from,
  to: week.to,
  orders: figures.orders,
  scans: figures.scans,
  errorsTotal: figures.errorsTotal,
  errorsPer100Scans: figures.errorsPer100Scans,
  returns: figures.returns,
  returnsPer1000Orders: figures.returnsPer1000Orders,
  score: figures.score,
});

/** Errors, returns and score week by week (Monday to Monday, the station's local time), oldest first. */
export function trend(deps: StatisticsDeps, query: TrendQuery): Trend {
  const weeks = trendWeeks(deps, query).map((week) => {
    const period = periodStatistics(deps, {
      ...week,
      ...(query.packerId !== null ? { packerId: query.packerId } : {}),
      ...(query.idleGapSeconds ? { idleGapSeconds: query.idleGapSeconds } : {}),
    });
    const figures = query.packerId === null ? period.stats.total : (period.stats.packers.find((p) => p.packerId === query.packerId)?.figures ?? noFigures());
    return trendWeek({ from: period.from, to: period.to }, figures);
  });
  return { packerId: query.packerId, idleGapSeconds: query.idleGapSeconds ?? DEFAULT_IDLE_GAP_SECONDS, weeks };
}

/** The trend's weeks at every station through central, with the idle gap it counted with. */
export function centralTrend(deps: Pick<StatisticsDeps, 'logger'>, packerId: number | null, atCentral: CentralTrend, askedGap?: number): Trend {
  return { packerId, idleGapSeconds: gapCounted(deps, askedGap, atCentral.idleGapSeconds), weeks: atCentral.weeks.map((w) => trendWeek(w, w.figures)) };
}
