import { StationFailure } from '../../contract/errors';
import type { CallContext } from '../context';
import type { HandlerSlice } from '../handlers';
import type { StatisticsDeps } from './deps';
import { exportFile } from './export';
import { currentFit, refit } from './fits';
import {
  allStatistics,
  centralPackerStatistics,
  centralStatistics,
  centralTrend,
  checkOwn,
  packerStatistics,
  trend,
  trendWeeks,
  type PeriodQuery,
} from './statistics';
import { acrossStations, type Across } from '../central/across';

type StatisticsMethods = 'stats.packers' | 'stats.packer' | 'stats.trend' | 'stats.fits' | 'stats.fit' | 'stats.export';

function self(call: CallContext): number {
  if (!call.user) throw new StationFailure('NOT_LOGGED_IN', 'Log in first.');
  return call.user.id;
}

const idle = (seconds: number | undefined) => (seconds === undefined ? {} : { idleGapSeconds: seconds });

/** Packer statistics; `deps` is null in a host that keeps none (every call is then refused). */
export function statisticsHandlers(deps: StatisticsDeps | null, across: Across): HandlerSlice<StatisticsMethods> {
  const ready = (): StatisticsDeps => {
    if (!deps) throw new StationFailure('STATISTICS_UNAVAILABLE', 'This station host keeps no packer statistics.');
    return deps;
  };
  /** Attached: every station's figures through central; this station's own when it is not, or central cannot be reached. */
  const everyone = (d: StatisticsDeps, query: PeriodQuery) =>
    acrossStations(
      across,
      'statistics',
      (link) => link.statistics({ from: query.from, to: query.to, ...idle(query.idleGapSeconds) }),
      (atCentral) => centralStatistics(d, atCentral, query.idleGapSeconds),
      () => allStatistics(d, query),
    );
  return {
    'stats.packers': async ({ from, to, idleGapSeconds }) => {
      const { value, readFrom } = await everyone(ready(), { from, to, ...idle(idleGapSeconds) });
      return { ...value, readFrom };
    },
    'stats.packer': async ({ from, to, idleGapSeconds, packerId }, call) => {
      const id = packerId ?? self(call);
      checkOwn(call, id);
      const d = ready();
      const query = { from, to, packerId: id, ...idle(idleGapSeconds) };
      const { value, readFrom } = await acrossStations(
        across,
        'packer statistics',
        (link) => link.packerStatistics({ from, to, packerId: id, ...idle(idleGapSeconds) }),
        (atCentral) => centralPackerStatistics(d, id, atCentral, idleGapSeconds),
        () => packerStatistics(d, query),
      );
      return { ...value, readFrom };
    },
    'stats.trend': async ({ packerId, weeks, until, idleGapSeconds }, call) => {
      const manager = call.user !== null && (call.user.role === 'manager' || call.user.role === 'admin');
      // Everyone's trend is for managers; a packer's own is theirs.
      const id = packerId ?? (manager ? null : self(call));
      if (id !== null) checkOwn(call, id);
      const d = ready();
      const query = { packerId: id, weeks, ...(until ? { until } : {}), ...idle(idleGapSeconds) };
      const { value, readFrom } = await acrossStations(
        across,
        'statistics trend',
        (link) => link.trend({ packerId: id, weeks: trendWeeks(d, query), ...idle(idleGapSeconds) }),
        (atCentral) => centralTrend(d, id, atCentral, idleGapSeconds),
        () => trend(d, query),
      );
      return { ...value, readFrom };
    },
    'stats.fits': () => {
      const d = ready();
      return d.store.stations.list().map((s) => currentFit(d, s.id));
    },
    'stats.fit': ({ stationId, days }, call) => {
      const d = ready();
      const id = stationId ?? call.stationId;
      if (!d.store.stations.get(id)) throw new StationFailure('VALIDATION_FAILED', `Unknown station ${id}.`, { station: id });
      return d.store.transaction(() => refit(d, id, days, call.user?.id ?? null, call.stationId));
    },
    'stats.export': async ({ from, to, idleGapSeconds, format }, call) => {
      const d = ready();
      const { value: all, readFrom } = await everyone(d, { from, to, ...idle(idleGapSeconds) });
      const file = await exportFile(d, all, format);
      d.journal.append({
        type: 'stats.exported',
        stationId: call.stationId,
        actorId: call.user?.id ?? null,
        subject: null,
        payload: { from, to, format, rows: file.rows, fileName: file.fileName, readFrom },
      });
      return { fileName: file.fileName, mimeType: file.mimeType, base64: Buffer.from(file.bytes).toString('base64'), rows: file.rows, readFrom };
    },
  };
}
