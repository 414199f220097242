import { z } from 'zod';
import { FACTORS } from '../domain/statistics/complexity';
import type { Role } from '../domain/user';
import { readFromSchema } from './central';

/** Packer statistics: figures for pay that explain themselves (docs/statistics.md). */

const MAX_PERIOD_DAYS = 93;

const instant = z.iso.datetime({ offset: true });

/** Pauses longer than this between two steps are idle and left out; 180 s unless said (central's console routes take the same). */
export const idleGapSchema = z.number().int().min(30).max(3600).optional();

/** A period as two instants (the screen and the CLI turn a shift, day, week or month into them in local time). */
const periodShape = {
  from: instant,
  to: instant,
  idleGapSeconds: idleGapSchema,
};

function checkPeriod(value: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const span = Date.parse(value.to) - Date.parse(value.from);
  if (!(span > 0)) ctx.addIssue({ code: 'custom', message: 'the period must end after it starts', path: ['to'] });
  else if (span > MAX_PERIOD_DAYS * 86_400_000) ctx.addIssue({ code: 'custom', message: `a period is at most ${MAX_PERIOD_DAYS} days`, path: ['to'] });
}

const errorsSchema = z.object({ wrong_item: z.number(), too_many: z.number(), unknown_barcode: z.number() });

export const figuresSchema = z.object({
  orders: z.number(),
  ordersTouched: z.number().int(),
  sharedOrders: z.number().int(),
  parcels: z.number(),
  lines: z.number(),
  units: z.number(),
  activeSeconds: z.number(),
  idleGaps: z.number().int(),
  idleSecondsLeftOut: z.number(),
  ordersPerHour: z.number().nullable(),
  unitsPerHour: z.number().nullable(),
  scans: z.number().int(),
  errors: errorsSchema,
  errorsTotal: z.number().int(),
  errorsPer100Scans: z.number().nullable(),
  partialOverrides: z.number().int(),
  forcedCompletions: z.number().int(),
  overrides: z.number().int(),
  weightMismatches: z.number().int(),
  returns: z.number().int(),
  returnsPer1000Orders: z.number().nullable(),
  expectedSeconds: z.number(),
  score: z.number().nullable(),
});
export type FiguresView = z.infer<typeof figuresSchema>;

const factorsSchema = z.object(Object.fromEntries(FACTORS.map((f) => [f, z.number()])) as Record<(typeof FACTORS)[number], z.ZodNumber>);

export const fitSchema = z.object({
  stationId: z.string(),
  method: z.enum(['least_squares', 'default']),
  fallback: z.enum(['not_fitted', 'too_few_sessions', 'no_variation']).nullable(),
  seconds: factorsSchema,
  fitted: z.array(z.enum(FACTORS)),
  sessions: z.number().int(),
  r2: z.number().nullable(),
  meanAbsErrorSeconds: z.number().nullable(),
  /** When and by whom it was fitted; null for the defaults nobody fitted. */
  fittedAt: z.string().nullable(),
  fittedBy: z.number().int().nullable(),
  /** The history it was fitted over. */
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type FitView = z.infer<typeof fitSchema>;

/** One order behind a packer's figures: what it gave them, and the whole order's time and score. */
export const orderContributionSchema = z.object({
  orderId: z.number().int(),
  orderNumber: z.string(),
  sessionId: z.number().int().nullable(),
  stationId: z.string(),
  completedAt: z.string(),
  share: z.number(),
  packers: z.array(z.number().int()),
  resumed: z.boolean(),
  parcels: z.number(),
  lines: z.number(),
  units: z.number(),
  activeSeconds: z.number(),
  idleGaps: z.number().int(),
  idleSecondsLeftOut: z.number(),
  scans: z.number().int(),
  errors: z.number().int(),
  partialOverrides: z.number().int(),
  forcedCompletions: z.number().int(),
  weightMismatches: z.number().int(),
  returns: z.number().int(),
  factors: factorsSchema,
  orderExpectedSeconds: z.number(),
  orderActiveSeconds: z.number(),
  orderScore: z.number().nullable(),
  expectedSeconds: z.number(),
});
export type OrderContributionView = z.infer<typeof orderContributionSchema>;

const periodOut = { from: z.string(), to: z.string(), idleGapSeconds: z.number().int() };
const packerRef = z.object({ id: z.number().int(), name: z.string() });

/** Orders listed behind one packer's figures at most; `ordersTotal` says how many there were. */
export const MAX_LISTED_ORDERS = 5000;

export const packerStatisticsSchema = z.object({
  ...periodOut,
  packer: packerRef,
  figures: figuresSchema,
  /** Orders completed per hour from the period's start (24 hours of the day for periods over a day). */
  hourly: z.array(z.number()),
  scoreDistribution: z.array(z.number().int()),
  orders: z.array(orderContributionSchema),
  ordersTotal: z.number().int(),
  /** The seconds per factor behind "expected", for each station of these orders. */
  fits: z.array(fitSchema),
  /** The packer's sessions at every station through central (without order lines, with the default fit), or this station's own. */
  readFrom: readFromSchema,
});
export type PackerStatisticsView = z.infer<typeof packerStatisticsSchema>;

export const allStatisticsSchema = z.object({
  ...periodOut,
  packers: z.array(z.object({ packer: packerRef, figures: figuresSchema, hourly: z.array(z.number()) })),
  stations: z.array(z.object({ stationId: z.string(), name: z.string(), figures: figuresSchema })),
  total: figuresSchema,
  scoreDistribution: z.array(z.number().int()),
  fits: z.array(fitSchema),
  /** Every station's sessions through central (without order lines: lines, kits and expected time are zero), or this station's own. */
  readFrom: readFromSchema,
});
export type AllStatisticsView = z.infer<typeof allStatisticsSchema>;

export const trendSchema = z.object({
  packerId: z.number().int().nullable(),
  /** The idle gap the weeks were counted with: the one asked for, or the default where central is older than the question (docs/central.md). */
  idleGapSeconds: z.number().int(),
  weeks: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      orders: z.number(),
      scans: z.number().int(),
      errorsTotal: z.number().int(),
      errorsPer100Scans: z.number().nullable(),
      returns: z.number().int(),
      returnsPer1000Orders: z.number().nullable(),
      score: z.number().nullable(),
    }),
  ),
  /** Every station's weeks through central, or this station's own. */
  readFrom: readFromSchema,
});
export type TrendView = z.infer<typeof trendSchema>;

type Access = 'public' | readonly Role[];
const method = <I extends z.ZodType, O extends z.ZodType>(spec: { input: I; output: O; access: Access; passive?: boolean }) => spec;
const MANAGERS: readonly Role[] = ['manager', 'admin'];
/** Everyone may open statistics: a packer their own only (the handler refuses anyone else's), managers all. */
const OWN_OR_ALL: readonly Role[] = ['packer', 'returns', 'manager', 'admin'];

export const STATISTICS_METHODS = {
  /** Every packer's and station's figures for a period. */
  'stats.packers': method({
    input: z
      .object(periodShape)
      .strict()
      .superRefine((v, ctx) => checkPeriod(v, ctx)),
    output: allStatisticsSchema,
    access: MANAGERS,
  }),
  /** One packer's figures with the orders behind them; a packer may ask for their own only (packerId left out = oneself). */
  'stats.packer': method({
    input: z
      .object({ ...periodShape, packerId: z.number().int().optional() })
      .strict()
      .superRefine((v, ctx) => checkPeriod(v, ctx)),
    output: packerStatisticsSchema,
    access: OWN_OR_ALL,
  }),
  /** Errors and returns week by week up to the week of `until` (now when left out), for a packer or for everyone. */
  'stats.trend': method({
    input: z
      .object({
        packerId: z.number().int().optional(),
        weeks: z.number().int().min(1).max(26).default(8),
        until: instant.optional(),
        idleGapSeconds: periodShape.idleGapSeconds,
      })
      .strict(),
    output: trendSchema,
    access: OWN_OR_ALL,
  }),
  /** The seconds per factor in use at every station, fitted or default. */
  'stats.fits': method({ input: z.object({}).strict(), output: z.array(fitSchema), access: OWN_OR_ALL, passive: true }),
  /** Refits a station's seconds per factor over its completed sessions of the past `days` (journaled). */
  'stats.fit': method({
    input: z.object({ stationId: z.string().min(1).max(40).optional(), days: z.number().int().min(1).max(365).default(90) }).strict(),
    output: fitSchema,
    access: MANAGERS,
  }),
  /** The statistics of a period for payroll, one row per packer: CSV, XLSX (definitions on a second sheet) or JSON (journaled). */
  'stats.export': method({
    input: z
      .object({ ...periodShape, format: z.enum(['csv', 'xlsx', 'json']) })
      .strict()
      .superRefine((v, ctx) => checkPeriod(v, ctx)),
    output: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string(), rows: z.number().int(), readFrom: readFromSchema }),
    access: MANAGERS,
  }),
} as const;
