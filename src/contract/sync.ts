import { z } from 'zod';
import type { Role } from '../domain/user';

/** Why the sync set an order aside for a manager. */
export const SYNC_FLAG_REASONS = ['cancelled_after_packing', 'shipped_elsewhere', 'lines_changed_while_packing', 'details_changed_after_packing'] as const;
export type SyncFlagReason = (typeof SYNC_FLAG_REASONS)[number];

export const BACKEND_KINDS = ['none', 'vendure', 'baselinker', 'file'] as const;
export type BackendKind = (typeof BACKEND_KINDS)[number];

/** Why a call to the shop failed: down (retry later), or refusing (park and tell a manager). */
export const SYNC_FAILURE_KINDS = ['unreachable', 'auth', 'refused', 'rate_limited', 'bad_response'] as const;
export type SyncFailureKind = (typeof SYNC_FAILURE_KINDS)[number];

export const vendureSettingsSchema = z
  .object({
    /** The Admin API address, e.g. https://shop.example/admin-api. */
    url: z.string().url(),
    username: z.string().max(200).default('superadmin'),
    channelToken: z.string().max(200).nullable().default(null),
    /** The ProductVariant custom field that holds the barcode; the SKU when it is empty. */
    barcodeField: z.string().max(64).default('barcode'),
    fulfillmentHandler: z.string().max(64).default('manual-fulfillment'),
    /** Order custom fields with the locker or pickup point id and its name/address (a pickup-point plugin's); none read when null. */
    pickupPointField: z
      .string()
      .regex(/^[A-Za-z_]\w{0,63}$/)
      .nullish(),
    pickupPointNameField: z
      .string()
      .regex(/^[A-Za-z_]\w{0,63}$/)
      .nullish(),
    /** Payment method codes meaning cash on delivery: the courier collects the order's total, and the order is ready once authorised. */
    codPaymentMethods: z.array(z.string().max(64)).max(20).optional(),
    pageSize: z.number().int().min(1).max(1000).default(100),
    /** The password may go over plain http to another machine: an admin's explicit choice, warned about. */
    allowInsecureHttp: z.boolean().default(false),
  })
  .strict();

export const baselinkerSettingsSchema = z
  .object({
    url: z.string().url().default('https://api.baselinker.com/connector.php'),
    /** BaseLinker status ids (from getOrderStatusList) meaning each station status. */
    statusMap: z
      .object({
        ready: z.array(z.number().int()).default([]),
        onHold: z.array(z.number().int()).default([]),
        cancelled: z.array(z.number().int()).default([]),
        shipped: z.number().int().nullable().default(null),
      })
      .strict(),
    courierCode: z.string().max(64).nullable().default(null),
    /**
     * Returns decided at the desk (BaseLinker's return manager). Without these a return lands in
     * the shop's first return status and its items keep BaseLinker's default item status.
     */
    returns: z
      .object({
        /** The return status (getOrderReturnStatusList) a new return is added in. */
        statusId: z.number().int().nullable().default(null),
        /** The return status a return moves to once its refund is recorded; null leaves it where it is. */
        refundedStatusId: z.number().int().nullable().default(null),
        /** The return item status given to items the desk restocked: the one the shop's return settings take back into the warehouse. */
        restockedItemStatusId: z.number().int().nullable().default(null),
      })
      .strict()
      .optional(),
    requestsPerMinute: z.number().int().min(1).max(100).default(100),
    /** The token may go over plain http to another machine: an admin's explicit choice, warned about. */
    allowInsecureHttp: z.boolean().default(false),
  })
  .strict();

export const fileSettingsSchema = z
  .object({
    ordersFile: z.string().max(1000).nullable().default(null),
    productsFile: z.string().max(1000).nullable().default(null),
    /** Shipped orders are appended here as CSV. */
    exportFile: z.string().max(1000).nullable().default(null),
  })
  .strict();

export const backendSettingsSchema = z
  .object({
    kind: z.enum(BACKEND_KINDS),
    vendure: vendureSettingsSchema.nullable().default(null),
    baselinker: baselinkerSettingsSchema.nullable().default(null),
    file: fileSettingsSchema.nullable().default(null),
    /** How often the station syncs by itself. */
    everySeconds: z.number().int().min(10).max(3600).default(60),
  })
  .strict();
export type BackendSettings = z.output<typeof backendSettingsSchema>;
export type VendureSettings = z.output<typeof vendureSettingsSchema>;
export type BaselinkerSettings = z.output<typeof baselinkerSettingsSchema>;
export type FileSettings = z.output<typeof fileSettingsSchema>;

export const outboxEventViewSchema = z.object({
  id: z.number().int(),
  type: z.enum(['shipped', 'note', 'returned']),
  orderNumber: z.string(),
  status: z.enum(['queued', 'sent', 'parked', 'dismissed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string(),
  createdAt: z.string(),
});
export type OutboxEventView = z.output<typeof outboxEventViewSchema>;

export const syncRunSchema = z.object({
  pulledProducts: z.number().int(),
  pulledOrders: z.number().int(),
  changedOrders: z.number().int(),
  cancelledOrders: z.number().int(),
  pushed: z.number().int(),
  retried: z.number().int(),
  parked: z.number().int(),
  /** Why the run stopped early; null when it went through. */
  error: z.object({ kind: z.enum(SYNC_FAILURE_KINDS), message: z.string() }).nullable(),
});
export type SyncRun = z.output<typeof syncRunSchema>;

export const syncStatusSchema = z.object({
  kind: z.enum(BACKEND_KINDS),
  /** A secret is stored for the backend's current address (one given for another address is not). */
  hasSecret: z.boolean(),
  /** The backend needs a password or token and has none: the manager must enter it. */
  secretNeeded: z.boolean(),
  /** The secret goes over plain http to another machine, because an admin allowed it: warn. */
  insecureHttp: z.boolean(),
  running: z.boolean(),
  lastRunAt: z.string().nullable(),
  lastError: z.string().nullable(),
  queued: z.number().int(),
  parked: z.array(outboxEventViewSchema),
  /** `reason`: a SyncFlagReason, or the English sentence a station kept before flags kept codes. */
  flagged: z.array(z.object({ orderNumber: z.string(), reason: z.string(), at: z.string() })),
  /**
   * Attached to central: the orders come from central, which pulls them from the shop for the
   * warehouse, and the station's own shop settings are not used. What central said at the last
   * sync: its shop (null until known, or when central has none), its last pull, and why that
   * failed. Null for a station that pulls the shop itself.
   */
  central: z.object({ shopKind: z.enum(BACKEND_KINDS).nullable(), lastPullAt: z.string().nullable(), shopError: z.string().nullable() }).nullable(),
});
export type SyncStatus = z.output<typeof syncStatusSchema>;

/** Progress of a running sync, pushed as the `sync.progress` event. */
export interface SyncProgress {
  phase: 'products' | 'orders' | 'changes' | 'outbox';
  done: number;
  total: number | null;
}

interface SyncMethodSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: readonly Role[];
  passive?: boolean;
}

function spec<I extends z.ZodType, O extends z.ZodType>(s: SyncMethodSpec<I, O>): SyncMethodSpec<I, O> {
  return s;
}

const MANAGERS: readonly Role[] = ['manager', 'admin'];
const ANY_ROLE: readonly Role[] = ['packer', 'manager', 'admin', 'returns'];
const empty = z.object({}).strict();
const eventInput = z.object({ eventId: z.number().int() }).strict();

/** Sync's slice of the contract, spread into METHODS. The secret goes in, never out. */
export const SYNC_METHODS = {
  'sync.status': spec({ input: empty, output: syncStatusSchema, access: ANY_ROLE, passive: true }),
  'sync.settings.get': spec({ input: empty, output: backendSettingsSchema, access: MANAGERS }),
  'sync.settings.set': spec({
    input: z.object({ settings: backendSettingsSchema, secret: z.string().min(1).max(4000).nullable().optional() }).strict(),
    // secretDropped: the address or shop system changed without a new secret, so the old one was deleted.
    output: syncStatusSchema.extend({ secretDropped: z.boolean() }),
    access: MANAGERS,
  }),
  'sync.test': spec({ input: empty, output: z.object({ shopName: z.string() }), access: MANAGERS }),
  'sync.now': spec({ input: empty, output: syncRunSchema, access: ANY_ROLE }),
  'sync.parked.retry': spec({ input: eventInput, output: syncStatusSchema, access: MANAGERS }),
  'sync.parked.dismiss': spec({ input: eventInput, output: syncStatusSchema, access: MANAGERS }),
} as const;
