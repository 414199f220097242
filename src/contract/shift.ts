import { z } from 'zod';
import type { Role } from '../domain/user';
import { documentKindSchema } from './printing';
import { roleSchema } from './schemas';
import { outboxEventViewSchema } from './sync';

/** The shift at a glance: every station, what is stuck, what waits for a manager. */

export const shiftStationSchema = z.object({
  id: z.string(),
  name: z.string(),
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
  returnsDue: z.array(z.object({ returnId: z.string(), orderNumber: z.string(), deadline: z.string(), customerName: z.string() })),
});
export type ShiftView = z.infer<typeof shiftViewSchema>;

type Access = 'public' | readonly Role[];
const method = <I extends z.ZodType, O extends z.ZodType>(spec: { input: I; output: O; access: Access; passive?: boolean }) => spec;
const MANAGERS: readonly Role[] = ['manager', 'admin'];

export const SHIFT_METHODS = {
  /** Every station of the warehouse now; `shift.changed` events say when to ask again. */
  'shift.view': method({ input: z.object({}).strict(), output: shiftViewSchema, access: MANAGERS, passive: true }),
  /**
   * Releases an order held at a station by someone no longer logged in there: it goes back to the
   * queue, its packing kept for whoever opens it next. Journaled with the manager's name.
   */
  'shift.release': method({ input: z.object({ orderNumber: z.string().trim().min(1).max(100) }).strict(), output: shiftViewSchema, access: MANAGERS }),
} as const;
