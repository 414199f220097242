import { z } from 'zod';
import type { Role } from '../domain/user';
import { readFromSchema } from './central';
import { documentKindSchema } from './printing';
import { roleSchema } from './schemas';
import { outboxEventViewSchema } from './sync';

/** The shift at a glance: every station, what is stuck, what waits for a manager. */

/** A shift as the station's manager set it: its bounds (start included), and its start and end times as set ("14:00", "22:00"). */
export const shiftBoundsSchema = z.object({ from: z.string(), to: z.string(), start: z.string(), end: z.string() });
export type ShiftBoundsView = z.infer<typeof shiftBoundsSchema>;

const shiftStartsSchema = z
  .array(z.string().regex(/^\d{2}:\d{2}$/, 'a start time is HH:MM'))
  .min(1)
  .max(6);

/** The shifts a manager set: the warehouse's, and each station's own or the warehouse's it follows. */
export const shiftPatternsSchema = z.object({
  warehouse: z.object({ starts: z.array(z.string()), set: z.boolean() }),
  stations: z.array(
    z.object({
      stationId: z.string(),
      name: z.string(),
      timeZone: z.string(),
      /** The station's own starts; null where it follows the warehouse's. */
      own: z.array(z.string()).nullable(),
      current: shiftBoundsSchema,
    }),
  ),
});
export type ShiftPatternsView = z.infer<typeof shiftPatternsSchema>;

export const shiftStationSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The shift running there now, by its pattern and time zone. */
  shift: shiftBoundsSchema,
  /** Who is logged in there (any client), newest first. */
  logins: z.array(
    z.object({ loginId: z.number().int(), userId: z.number().int(), name: z.string(), role: roleSchema, since: z.string(), lastActivityAt: z.string() }),
  ),
  /** The order open there and how far it is. */
  order: z
    .object({
      number: z.string(),
      customerName: z.string(),
      packer: z.string(),
      packerLoggedIn: z.boolean(),
      openedAt: z.string(),
      units: z.object({ packed: z.number().int(), ordered: z.number().int() }),
      lines: z.object({ complete: z.number().int(), total: z.number().int() }),
      parcels: z.number().int(),
      /** The question or error the packer must answer before the next scan counts. */
      waiting: z.boolean(),
    })
    .nullable(),
  /** The station's newest scan, and when anything last happened there. */
  lastScanAt: z.string().nullable(),
  lastEntryAt: z.string().nullable(),
  printers: z.object({ missing: z.array(documentKindSchema), failedJobs: z.number().int(), queuedJobs: z.number().int() }),
  camera: z.object({
    mode: z.enum(['off', 'webcam', 'nvr']),
    policy: z.enum(['warn', 'block']),
    recording: z.boolean(),
    /** The camera problem the open order's recording reported, if any. */
    problem: z.enum(['no_camera', 'camera_failed', 'recorder_failed']).nullable(),
  }),
});
export type ShiftStationView = z.infer<typeof shiftStationSchema>;

export const stuckOrderSchema = z.object({
  orderNumber: z.string(),
  customerName: z.string(),
  stationId: z.string(),
  lockedAt: z.string(),
  /** Who had it open; nobody with that name is logged in at the station now. */
  packer: z.string(),
  unitsPacked: z.number().int(),
});
export type StuckOrderView = z.infer<typeof stuckOrderSchema>;

export const failedPrintSchema = z.object({
  jobId: z.number().int(),
  stationId: z.string(),
  documentKind: documentKindSchema,
  orderNumber: z.string().nullable(),
  reason: z.string().nullable(),
  attempts: z.number().int(),
  updatedAt: z.string(),
});

export const shiftViewSchema = z.object({
  at: z.string(),
  stations: z.array(shiftStationSchema),
  stuckOrders: z.array(stuckOrderSchema),
  parkedSync: z.array(outboxEventViewSchema),
  failedPrints: z.array(failedPrintSchema),
  /** Open returns whose deadline ends within three days, or has passed: soonest first. */
  returnsDue: z.array(z.object({ returnId: z.string(), orderNumber: z.string(), deadline: z.string(), customerName: z.string(), stationId: z.string() })),
  /** Every station central knows, with its newest entry and who worked there this shift (empty when not attached or unreachable). */
  floor: z.array(
    z.object({
      stationId: z.string(),
      name: z.string(),
      lastEntry: z
        .object({ at: z.string(), type: z.string(), typeName: z.string(), actor: z.string().nullable(), orderNumber: z.string().nullable() })
        .nullable(),
      people: z.array(z.object({ userId: z.number().int(), name: z.string(), lastAt: z.string() })),
    }),
  ),
  /** Returns due and the floor from central across stations, or this station's own. */
  readFrom: readFromSchema,
});
export type ShiftView = z.infer<typeof shiftViewSchema>;

export const LEFT_OUT_REASONS = ['waiting_for_carrier', 'parked', 'cancelled'] as const;

/**
 * The end of the day per carrier: what the next handover takes (labelled, not handed over, today's
 * and any older), how many were handed over today, and today's parcels no handover will take yet.
 */
export const endOfDaySchema = z.object({
  /** The station's calendar day (its time zone) and its bounds. */
  date: z.string(),
  from: z.string(),
  to: z.string(),
  carriers: z.array(
    z.object({
      carrier: z.string(),
      ready: z.array(z.object({ orderNumber: z.string(), parcelNo: z.number().int(), trackingNumber: z.string().nullable(), since: z.string() })),
      handedOver: z.number().int(),
    }),
  ),
  leftOut: z.array(
    z.object({
      carrier: z.string(),
      orderNumber: z.string(),
      parcelNo: z.number().int(),
      reason: z.enum(LEFT_OUT_REASONS),
      /** The carrier's refusal, for a parked shipment. */
      detail: z.string().nullable(),
    }),
  ),
});
export type EndOfDayView = z.infer<typeof endOfDaySchema>;

type Access = 'public' | readonly Role[];
const method = <I extends z.ZodType, O extends z.ZodType>(spec: { input: I; output: O; access: Access; passive?: boolean }) => spec;
const MANAGERS: readonly Role[] = ['manager', 'admin'];
const ANY_ROLE: readonly Role[] = ['packer', 'manager', 'returns', 'admin'];

export const SHIFT_METHODS = {
  /** Every station of the warehouse now; `shift.changed` events say when to ask again. */
  'shift.view': method({ input: z.object({}).strict(), output: shiftViewSchema, access: MANAGERS, passive: true }),
  /**
   * Releases an order held at a station by someone no longer logged in there: it goes back to the
   * queue, its packing kept for whoever opens it next. Journaled with the manager's name.
   */
  'shift.release': method({ input: z.object({ orderNumber: z.string().trim().min(1).max(100) }).strict(), output: shiftViewSchema, access: MANAGERS }),
  /** The end of this station's day per carrier; closing a carrier's day is the carriers' handover. */
  'shift.endOfDay': method({ input: z.object({}).strict(), output: endOfDaySchema, access: MANAGERS, passive: true }),
  /** The shifts set for the warehouse and each station. */
  'shift.patterns': method({ input: z.object({}).strict(), output: shiftPatternsSchema, access: MANAGERS, passive: true }),
  /**
   * Sets the warehouse's shift starts (no station), or a station's own (null starts: it follows
   * the warehouse's again). Start times are read in each station's time zone. Journaled.
   */
  'shift.patterns.save': method({
    input: z.object({ stationId: z.string().min(1).max(40).nullable(), starts: shiftStartsSchema.nullable() }).strict(),
    output: shiftPatternsSchema,
    access: MANAGERS,
  }),
  /** The shift at a station (this one unless named) that contains a moment (now unless given): what the statistics call a shift. */
  'shift.at': method({
    input: z.object({ at: z.string().datetime({ offset: true }).optional(), stationId: z.string().min(1).max(40).optional() }).strict(),
    output: shiftBoundsSchema,
    access: ANY_ROLE,
    passive: true,
  }),
} as const;
