import { z } from 'zod';
import { COMPLAINT_OUTCOMES, CONDITIONS, DISPOSITIONS, NON_RETURNABLE_REASONS, RETURN_STATUSES, RETURN_TYPES } from '../domain/returns/types';
import { orderStatusSchema } from './schemas';

/**
 * What the returns desk's methods (returns.ts) take and give. The returns desk (docs/returns.md):
 * identify a parcel, open a return of a type, see whether it is allowed, scan and grade each item,
 * decide, close; parcels that are not ours; photos; the list of open returns by deadline. Every refusal from the returns rules carries `sentence`, a key of
 * src/domain/returns/sentences.ts, with its params: the screen says it with sentence(key, params, language).
 */

export const returnTypeSchema = z.enum(RETURN_TYPES);
export const conditionSchema = z.enum(CONDITIONS);
export const dispositionSchema = z.enum(DISPOSITIONS);
export const complaintOutcomeSchema = z.enum(COMPLAINT_OUTCOMES);
export const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A rule's verdict in words: a sentence key and its params. */
export const sentenceSchema = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) });

export const deadlineViewSchema = z.object({
  kind: z.enum(['refund', 'answer', 'settle', 'hold']),
  /** The last day, on the station's calendar. */
  lastDay: z.string(),
  /** The first instant past it (UTC). */
  endsAt: z.string(),
  overdue: z.boolean(),
  /** Calendar days to the last day: 0 on it, negative once past. */
  daysLeft: z.number().int(),
});

export const shipmentViewSchema = z.object({
  sessionId: z.number().int().nullable(),
  shippedAt: z.string().nullable(),
  stationId: z.string().nullable(),
  parcels: z.number().int(),
  /** The packer's name: for managers, and for the handler only once the return is decided (null otherwise). */
  packer: z.string().nullable(),
});

export const returnLineSchema = z.object({
  lineId: z.number().int(),
  sku: z.string(),
  name: z.string(),
  ordered: z.number().int(),
  shipped: z.number().int(),
  returnedBefore: z.number().int(),
  serialTracked: z.boolean(),
  serials: z.array(z.string()),
  returnable: z.boolean(),
  nonReturnableReason: z.enum(NON_RETURNABLE_REASONS).nullable(),
});

export const MATCHED_BY = ['return_code', 'order_number', 'return_number', 'pick_list', 'tracking', 'return_label', 'serial', 'email', 'customer'] as const;

export const candidateSchema = z.object({
  orderId: z.number().int(),
  number: z.string(),
  status: orderStatusSchema,
  customerName: z.string(),
  email: z.string().nullable(),
  city: z.string(),
  matchedBy: z.enum(MATCHED_BY),
  /** The parcels' tracking numbers: the carriers' and our labels' SSCCs. */
  tracking: z.array(z.string()),
  shipped: z.boolean(),
  shipments: z.array(shipmentViewSchema),
  lines: z.array(returnLineSchema),
  returns: z.array(z.object({ number: z.string(), type: returnTypeSchema, status: z.enum(RETURN_STATUSES) })),
});
export type ReturnCandidate = z.infer<typeof candidateSchema>;

export const notOursSummarySchema = z.object({
  number: z.string(),
  status: z.enum(['held', 'linked', 'sent_back', 'disposed']),
  senderName: z.string(),
  tracking: z.string().nullable(),
  receivedAt: z.string(),
  hold: deadlineViewSchema,
});

export const photoViewSchema = z.object({
  id: z.number().int(),
  itemId: z.number().int().nullable(),
  mimeType: z.enum(['image/jpeg', 'image/png']),
  bytes: z.number().int(),
  sha256: z.string(),
  takenAt: z.string(),
});

export const notOursViewSchema = notOursSummarySchema.extend({
  stationId: z.string(),
  handler: z.string(),
  sender: z.object({ name: z.string(), address: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }),
  carrier: z.string().nullable(),
  scanned: z.string().nullable(),
  note: z.string().nullable(),
  linkedOrderNumber: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolutionNote: z.string().nullable(),
  photos: z.array(photoViewSchema),
});
export type NotOursView = z.infer<typeof notOursViewSchema>;

export const returnItemViewSchema = z.object({
  id: z.number().int(),
  lineId: z.number().int().nullable(),
  sku: z.string().nullable(),
  name: z.string().nullable(),
  serial: z.string().nullable(),
  quantity: z.number().int(),
  condition: conditionSchema.nullable(),
  disposition: dispositionSchema.nullable(),
  suggestedDisposition: dispositionSchema.nullable(),
  reasonCode: z.string().nullable(),
  note: z.string().nullable(),
  packingErrorConfirmed: z.boolean(),
  /** Set once the decision attributed a confirmed packing error; the name only then. */
  attributedTo: z.object({ sessionId: z.number().int().nullable(), packer: z.string() }).nullable(),
});

export const returnSummarySchema = z.object({
  number: z.string(),
  type: returnTypeSchema,
  status: z.enum(RETURN_STATUSES),
  /** open → awaiting_refund (decided, money due) or decided → closed. */
  stage: z.enum(['open', 'awaiting_refund', 'decided', 'closed']),
  orderNumber: z.string(),
  customerName: z.string(),
  stationId: z.string(),
  receivedAt: z.string(),
  deadline: deadlineViewSchema,
  /** A complaint unanswered past its deadline counts as accepted. */
  deemedAccepted: z.boolean(),
  items: z.number().int(),
});
export type ReturnSummary = z.infer<typeof returnSummarySchema>;

export const returnViewSchema = returnSummarySchema.extend({
  orderId: z.number().int(),
  handler: z.string(),
  identifiedBy: z.string().nullable(),
  receivedOn: z.string(),
  declaredOn: z.string().nullable(),
  deliveredOn: z.string().nullable(),
  timeZone: z.string(),
  eligibility: z.object({
    eligible: z.boolean(),
    refusals: z.array(sentenceSchema),
    warnings: z.array(sentenceSchema),
    window: z.object({ countedFrom: z.enum(['delivery', 'shipping']), startDay: z.string(), days: z.number().int(), lastDay: z.string() }).nullable(),
    override: z.object({ manager: z.string(), reason: z.string() }).nullable(),
  }),
  shipments: z.array(shipmentViewSchema),
  lines: z.array(returnLineSchema.extend({ onThisReturn: z.number().int() })),
  items: z.array(returnItemViewSchema),
  /** What the customer paid for the accepted items, from the order's line prices: the decision's starting amount; null when a price is unknown. */
  suggestedRefund: z.object({ amountMinor: z.number().int(), currency: z.string() }).nullable(),
  decision: z
    .object({
      refund: z.object({ amountMinor: z.number().int(), currency: z.string() }).nullable(),
      outcome: complaintOutcomeSchema.nullable(),
      reason: z.string().nullable(),
      decidedAt: z.string(),
      decidedBy: z.string(),
    })
    .nullable(),
  closedAt: z.string().nullable(),
  note: z.string().nullable(),
  photos: z.array(photoViewSchema),
});
export type ReturnView = z.infer<typeof returnViewSchema>;

export const reasonCodeSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
    en: z.string().trim().min(1).max(80),
    pl: z.string().trim().min(1).max(80),
    packingError: z.boolean(),
    active: z.boolean(),
  })
  .strict();

export const returnRulesSchema = z
  .object({
    withdrawalDays: z.number().int(),
    refundDays: z.number().int(),
    complaintAnswerDays: z.number().int(),
    complaintWindowDays: z.number().int(),
    exchangeDays: z.number().int(),
    refusedSettleDays: z.number().int(),
    exchangeSettleDays: z.number().int(),
    notOursHoldDays: z.number().int(),
  })
  .strict();

/** Base64 of one photo: 8 MB of text is 6 MB of JPEG, far above a webcam still. */
export const MAX_PHOTO_BASE64 = 8 * 1024 * 1024;
