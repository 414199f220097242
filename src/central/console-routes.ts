import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { Clock, Logger } from '../app/ports';
import type { CentralStore } from '../central-store';
import {
  CENTRAL_CONSOLE_PATHS,
  centralFloorSchema,
  centralOrderSchema,
  centralPeriodSchema,
  centralRequeueSchema,
  centralSearchSchema,
} from '../contract/central-console';
import { computeStatistics, defaultFit, ordersPerHour, scoreDistribution } from '../domain/statistics';

export interface ConsoleRoutesDeps {
  store: Pick<CentralStore, 'journals' | 'console' | 'outbox'>;
  clock: Clock;
  logger: Logger;
  /** A parked event was queued again: central's shop sync delivers it now. */
  onRequeued: () => void;
}

/** The most of one order's entries a timeline shows. */
const TIMELINE_ENTRIES = 5000;
const PARKED_SHOWN = 200;
const RETURNS_DUE_SHOWN = 100;

function parseBody<T>(body: unknown, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = Buffer.isBuffer(body) && body.length > 0 ? (JSON.parse(body.toString('utf8')) as unknown) : {};
  } catch {
    return { ok: false, message: 'The body is not JSON.' };
  }
  const parsed = schema.safeParse(json);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, message: parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ') };
}

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

  route(CENTRAL_CONSOLE_PATHS.statistics, centralPeriodSchema, async ({ from, to }) => {
    const facts = await store.journals.completedFacts(new Date(from).toISOString(), new Date(to).toISOString());
    // Sessions of orders central pulled from the shop carry their lines (lines, kits, expected time); others have none.
    const stats = computeStatistics({ facts, attributions: [], fits: new Map(), defaultFit: defaultFit() });
    const [start, end] = [new Date(from), new Date(to)];
    return {
      from,
      to,
      packers: stats.packers.map((p) => ({ packerId: p.packerId, figures: p.figures, hourly: ordersPerHour(p.orders, start, end) })),
      stations: stats.stations,
      total: stats.total,
      scoreDistribution: scoreDistribution(stats.packers.flatMap((p) => p.orders)),
    };
  });

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
