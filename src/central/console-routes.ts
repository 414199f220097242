import type { CentralStatistics } from '../app/ports/central-console';
import type { CentralJournals } from '../app/ports/replication';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Clock, Logger } from '../app/ports';
import type { CentralStore } from '../central-store';
import {
  CENTRAL_CONSOLE_PATHS,
  centralFloorSchema,
  centralOrderSchema,
  centralPackerSchema,
  centralPeriodSchema,
  centralRequeueSchema,
  centralSearchSchema,
  centralStatisticsSchema,
  centralTrendSchema,
} from '../contract/central-console';
import { DEFAULT_IDLE_GAP_SECONDS, defaultFit, figuresOfSums } from '../domain/statistics';
import { consoleGapStatistics, consolePackerStatistics, consoleTrend, fitsOf, otherGap } from './console-statistics';
import { parseBody } from './parse-body';

export interface ConsoleRoutesDeps {
  store: Pick<CentralStore, 'journals' | 'console' | 'outbox'>;
  clock: Clock;
  logger: Logger;
  /** A parked event was queued again: central's shop sync delivers it now. */
  onRequeued: () => void;
}

/**
 * Every packer's, station's and the total figures of the sessions completed in [from, to) at every
 * station, with the charts: one aggregate of the numbers each session left when its completion
 * arrived (session_contributions), figures derived the station's way (figuresOfSums); each
 * station with the fit in use there (its newest `stats.fitted` entry, else the defaults). Another
 * idle gap than the default reads the sessions from the journals instead (consoleGapStatistics).
 */
export async function consoleStatistics(journals: CentralJournals, from: string, to: string, idleGapSeconds?: number): Promise<CentralStatistics> {
  const gap = otherGap(idleGapSeconds);
  if (gap !== null) return consoleGapStatistics(journals, from, to, gap);
  const [start, end] = [new Date(from).toISOString(), new Date(to).toISOString()];
  const [fits, fallback] = [await journals.stationFits(), defaultFit()];
  const { sums, hourly, scoreBins } = await journals.periodNumbers(start, end, fits, fallback);
  const stats = figuresOfSums(sums, fits, fallback);
  return {
    from,
    to,
    idleGapSeconds: DEFAULT_IDLE_GAP_SECONDS,
    packers: stats.packers.map((p) => ({ packerId: p.packerId, figures: p.figures, hourly: hourly.get(p.packerId) ?? [] })),
    stations: stats.stations,
    total: stats.total,
    scoreDistribution: scoreBins,
    fits: fitsOf(
      stats.stations.map((s) => s.stationId),
      fits,
    ),
  };
}

/** The most of one order's entries a timeline shows. */
const TIMELINE_ENTRIES = 5000;
const PARKED_SHOWN = 200;
const RETURNS_DUE_SHOWN = 100;

/**
 * The manager's console at central, across every station (issue 13, point 5), under the signed
 * /v1: any registered station may read (its manager's role was checked at the station).
 */
export function registerConsoleRoutes(v1: FastifyInstance, deps: ConsoleRoutesDeps): void {
  const { store, clock, logger } = deps;
  const route = <T>(path: string, schema: z.ZodType<T>, answer: (input: T, stationId: string) => Promise<unknown>) => {
    v1.post(path.replace(/^\/v1/, ''), async (req, reply) => {
      const parsed = parseBody(req.body, schema);
      if (!parsed.ok) return reply.code(400).send({ ok: false, error: { code: 'VALIDATION_FAILED', message: parsed.message } });
      return { ok: true, value: await answer(parsed.value, req.stationId) };
    });
  };

  route(CENTRAL_CONSOLE_PATHS.search, centralSearchSchema, (query) =>
    store.journals.search({
      ...query,
      ...(query.from !== undefined ? { from: new Date(query.from).toISOString() } : {}),
      ...(query.to !== undefined ? { to: new Date(query.to).toISOString() } : {}),
    }),
  );

  route(CENTRAL_CONSOLE_PATHS.statistics, centralStatisticsSchema, ({ from, to, idleGapSeconds }) =>
    consoleStatistics(store.journals, from, to, idleGapSeconds),
  );

  route(CENTRAL_CONSOLE_PATHS.packer, centralPackerSchema, ({ from, to, packerId, idleGapSeconds }) =>
    consolePackerStatistics(store.journals, from, to, packerId, idleGapSeconds),
  );

  route(CENTRAL_CONSOLE_PATHS.trend, centralTrendSchema, (query) => consoleTrend(store.journals, query));

  route(CENTRAL_CONSOLE_PATHS.filters, z.object({}).strict(), () => store.console.journalFilters());

  route(CENTRAL_CONSOLE_PATHS.timeline, centralOrderSchema, async ({ orderNumber }) => ({
    entries: await store.console.orderEntries(orderNumber, TIMELINE_ENTRIES),
  }));

  route(CENTRAL_CONSOLE_PATHS.floor, centralFloorSchema, async ({ since, returnsDueBefore }) => ({
    stations: await store.console.floor(new Date(since).toISOString()),
    returnsDue: await store.console.returnsDue(new Date(returnsDueBefore).toISOString(), RETURNS_DUE_SHOWN),
  }));

  route(CENTRAL_CONSOLE_PATHS.parked, centralPeriodSchema.partial(), async () => ({
    events: await store.outbox.parked(PARKED_SHOWN),
    counts: await store.outbox.counts(),
  }));

  route(CENTRAL_CONSOLE_PATHS.requeue, centralRequeueSchema, async ({ centralId, userId }, stationId) => {
    const requeued = await store.outbox.requeue(centralId, clock.now());
    logger.info('central: a parked shop event queued again by a manager', { centralId, requeued, atStation: stationId, userId });
    if (requeued) deps.onRequeued();
    return { requeued };
  });
}
