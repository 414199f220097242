import { z } from 'zod';
import { idleGapSchema } from './statistics';

/**
 * The manager console's reads at central, across every station (issue 13, point 5), and what a
 * station's manager asks of central's shop delivery. Signed station requests like every /v1 route
 * (src/central/console-routes.ts answers them, src/central-link/console-link.ts asks).
 */
const instant = z.string().datetime({ offset: true });

export const centralSearchSchema = z
  .object({
    stationId: z.string().optional(),
    actorId: z.number().int().optional(),
    types: z.array(z.string()).max(60).optional(),
    subject: z.object({ kind: z.string(), id: z.string() }).strict().optional(),
    from: instant.optional(),
    to: instant.optional(),
    text: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(200),
    offset: z.number().int().min(0).max(100_000),
  })
  .strict();

export const centralPeriodSchema = z.object({ from: instant, to: instant }).strict();
/**
 * The statistics routes take the manager's idle gap (left out: the default). The bodies stay
 * strict, so a central older than the field refuses it by name; the station's link then asks
 * again without it (src/central-link/console-link.ts).
 */
export const centralStatisticsSchema = centralPeriodSchema.extend({ idleGapSeconds: idleGapSchema }).strict();
export const centralOrderSchema = z.object({ orderNumber: z.string().trim().min(1).max(100) }).strict();
export const centralFloorSchema = z.object({ since: instant, returnsDueBefore: instant }).strict();
export const centralPackerSchema = z.object({ from: instant, to: instant, packerId: z.number().int(), idleGapSeconds: idleGapSchema }).strict();
/** The weeks of a trend as the station counts them (its local Mondays), oldest first; a packer's, or everyone's (null). */
export const centralTrendSchema = z
  .object({
    packerId: z.number().int().nullable(),
    weeks: z
      .array(z.object({ from: instant, to: instant }).strict())
      .min(1)
      .max(26),
    idleGapSeconds: idleGapSchema,
  })
  .strict();
export const centralRequeueSchema = z
  .object({
    centralId: z.number().int().positive(),
    /** Who asked at the station, for central's log (the station journals it). */
    userId: z.number().int().nullable(),
  })
  .strict();

/** The paths, each POST under central's signed /v1. */
export const CENTRAL_CONSOLE_PATHS = {
  search: '/v1/console/journal-search',
  statistics: '/v1/console/statistics',
  packer: '/v1/console/packer-statistics',
  trend: '/v1/console/trend',
  filters: '/v1/console/journal-filters',
  timeline: '/v1/console/order-timeline',
  floor: '/v1/console/floor',
  alarms: '/v1/journal/alarms',
  parked: '/v1/console/parked-events',
  requeue: '/v1/console/parked-events/requeue',
} as const;
