import { z } from 'zod';
import { VERDICTS } from '../domain/packing/verdict';
import { TRACKING_KINDS } from '../domain/catalog';
import { addressSchema, currentLoginSchema } from './schemas';

export const verdictSchema = z.enum(VERDICTS);

export const blockerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pending') }),
  z.object({ kind: z.literal('nothing_packed') }),
  z.object({ kind: z.literal('lines_incomplete'), lineIds: z.array(z.number().int()) }),
  z.object({ kind: z.literal('parcel_empty'), parcel: z.number().int() }),
  z.object({ kind: z.literal('box_missing'), parcel: z.number().int() }),
  z.object({ kind: z.literal('weight_missing'), parcel: z.number().int() }),
  z.object({
    kind: z.literal('weight_out_of_tolerance'),
    parcel: z.number().int(),
    expectedGrams: z.number(),
    actualGrams: z.number(),
    allowedGrams: z.number(),
  }),
]);
export type BlockerView = z.infer<typeof blockerSchema>;

export const packingLineSchema = z.object({
  lineId: z.number().int(),
  sku: z.string(),
  name: z.string(),
  ordered: z.number().int(),
  packed: z.number().int(),
  complete: z.boolean(),
  tracking: z.enum(TRACKING_KINDS),
  /** The catalogue marks the product fragile (a kit: itself or a part): the packer wraps it. */
  fragile: z.boolean(),
  bulk: z.boolean(),
  parts: z.array(z.object({ sku: z.string(), name: z.string(), perKit: z.number().int(), packed: z.number().int() })).nullable(),
});

export const packedUnitSchema = z.object({
  id: z.number().int(),
  lineId: z.number().int(),
  sku: z.string(),
  name: z.string(),
  count: z.number().int(),
  serial: z.string().nullable(),
  lot: z.string().nullable(),
  expiry: z.string().nullable(),
  parcelNo: z.number().int(),
});

export const parcelViewSchema = z.object({
  no: z.number().int(),
  boxCode: z.string().nullable(),
  tareGrams: z.number(),
  expectedGrams: z.number(),
  weightGrams: z.number().nullable(),
  weightSource: z.enum(['scale', 'manual']).nullable(),
  weightOk: z.boolean().nullable(),
  units: z.number().int(),
});

export const pendingViewSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('error'), verdict: verdictSchema }),
    z.object({ kind: z.enum(['serial', 'lot']), sku: z.string(), name: z.string() }),
    /** The lot is known; its expiry is asked because this product's expired lots are refused. */
    z.object({ kind: z.literal('expiry'), sku: z.string(), name: z.string(), lot: z.string() }),
    z.object({ kind: z.literal('quantity'), sku: z.string(), name: z.string(), max: z.number().int() }),
  ])
  .nullable();

export const packingViewSchema = z.object({
  sessionId: z.number().int(),
  order: z.object({
    id: z.number().int(),
    number: z.string(),
    customerName: z.string(),
    shipTo: addressSchema,
    carrierCode: z.string().nullable(),
    service: z.string().nullable(),
    /** The locker or pickup point the parcel goes to, with its name and address as the shop gave them. */
    pickupPoint: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
    note: z.string().nullable(),
  }),
  lines: z.array(packingLineSchema),
  units: z.array(packedUnitSchema),
  parcels: z.array(parcelViewSchema),
  activeParcel: z.number().int(),
  pending: pendingViewSchema,
  overrides: z.array(z.object({ kind: z.enum(['force_complete', 'partial']), managerName: z.string(), reason: z.string(), at: z.string() })),
  blockers: z.array(blockerSchema),
  canComplete: z.boolean(),
});
export type PackingView = z.infer<typeof packingViewSchema>;

export const scanOutcomeSchema = z.object({
  verdict: verdictSchema,
  sku: z.string().nullable(),
  name: z.string().nullable(),
  units: z.number().int(),
  /** too_many: the units the scanned code counts (a case code counts many) … */
  codeUnits: z.number().int().optional(),
  /** … and how many more the line still needs, so the packer knows to scan single units. */
  lineNeeds: z.number().int().optional(),
  /** A scan that names no product (unknown, misread, unreadable): the code as scanned, cut to a readable length. */
  code: z.string().optional(),
});
export type ScanOutcomeView = z.infer<typeof scanOutcomeSchema>;

export const scanResultSchema = z.object({ outcome: scanOutcomeSchema, view: packingViewSchema });
export type ScanResultView = z.infer<typeof scanResultSchema>;

export const packingRulesSchema = z.object({
  bulkThreshold: z.number().int().min(2).max(100_000),
  toleranceGrams: z.number().int().min(0).max(100_000),
  tolerancePercent: z.number().min(0).max(100),
  requireWeight: z.boolean(),
});

export const boxSchema = z.object({
  code: z.string(),
  name: z.string(),
  tareGrams: z.number(),
  lengthMm: z.number(),
  widthMm: z.number(),
  heightMm: z.number(),
});

export const managerApprovalSchema = z.union([
  z.object({ badge: z.string().min(1).max(200) }).strict(),
  z.object({ userId: z.number().int(), pin: z.string().min(1).max(64) }).strict(),
]);

export const scaleReadingSchema = z.object({
  status: z.enum(['fault', 'zero', 'in_motion', 'stable', 'under_zero', 'overweight', 'needs_calibration', 'needs_rezero']),
  grams: z.number().nullable(),
  stable: z.boolean(),
  at: z.string(),
});
export type ScaleReadingView = z.infer<typeof scaleReadingSchema>;

export const completionSchema = z.object({
  orderNumber: z.string(),
  status: z.enum(['shipped', 'partially_shipped']),
  parcels: z.number().int(),
  backordered: z.number().int(),
});

export const scanInputSchema = z
  .object({
    // Generous on purpose: an overlong scan gets a verdict (invalid barcode), not a validation error.
    data: z.string().max(65_536),
    symbology: z.string().max(3).nullable().default(null),
    source: z.enum(['wedge', 'hid', 'manual']),
  })
  .strict();

export const scanSubmitResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('login'), login: currentLoginSchema }),
  z.object({ kind: z.literal('opened'), view: packingViewSchema }),
  z.object({ kind: z.literal('scanned'), outcome: scanOutcomeSchema, view: packingViewSchema }),
]);
export type ScanSubmitResult = z.infer<typeof scanSubmitResultSchema>;
