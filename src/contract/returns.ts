import { z } from 'zod';
import { managerApprovalSchema } from './packing';
import { documentFormatSchema, documentKindSchema } from './printing';
import type { Role } from '../domain/user';
import {
  returnTypeSchema,
  conditionSchema,
  dispositionSchema,
  complaintOutcomeSchema,
  MATCHED_BY,
  candidateSchema,
  notOursSummarySchema,
  photoViewSchema,
  notOursViewSchema,
  returnSummarySchema,
  returnViewSchema,
  reasonCodeSchema,
  returnRulesSchema,
  MAX_PHOTO_BASE64,
  localDate,
} from './returns-schemas';

type Access = 'public' | readonly Role[];
const method = <I extends z.ZodType, O extends z.ZodType>(spec: { input: I; output: O; access: Access; passive?: boolean }) => spec;
/** Returns handlers, and managers and admins (who may do all a handler may); packers may not. */
const RETURNS: readonly Role[] = ['returns', 'manager', 'admin'];
const MANAGERS: readonly Role[] = ['manager', 'admin'];
const numberInput = z.object({ number: z.string().trim().min(1).max(40) }).strict();
const refundSchema = z.object({ amountMinor: z.number().int().min(0).max(100_000_000), currency: z.string().regex(/^[A-Z]{3}$/) }).strict();

/** The returns desk's methods (docs/returns.md); what they take and give is in returns-schemas.ts. */
export const RETURNS_METHODS = {
  /** The candidate orders of anything scanned or typed (a slip's return code, order, pick list, SSCC, tracking, return label, serial, name or e-mail). */
  'returns.identify': method({
    input: z.object({ text: z.string().trim().min(1).max(200) }).strict(),
    output: z.object({ candidates: z.array(candidateSchema), notOurs: z.array(notOursSummarySchema) }),
    access: RETURNS,
  }),
  /** Opens a return of an order, of a type; eligibility is checked at once and shown. */
  'returns.open': method({
    input: z
      .object({
        orderNumber: z.string().trim().min(1).max(100),
        type: returnTypeSchema,
        /** When the customer withdrew or complained (the statement's date); today when not given. */
        declaredOn: localDate.optional(),
        /** When the parcel reached the customer, where known (else the window counts from shipping). */
        deliveredOn: localDate.optional(),
        identifiedBy: z.enum(MATCHED_BY).optional(),
        note: z.string().trim().max(1000).optional(),
      })
      .strict(),
    output: returnViewSchema,
    access: RETURNS,
  }),
  'returns.get': method({ input: numberInput, output: returnViewSchema, access: RETURNS, passive: true }),
  /** Open returns soonest deadline first (overdue ones first of all), and parcels held that are not ours. */
  'returns.list': method({
    input: z.object({ overdue: z.boolean().default(false), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.object({ returns: z.array(returnSummarySchema), notOurs: z.array(notOursSummarySchema) }),
    access: RETURNS,
    passive: true,
  }),
  /** A returned item scanned against what was shipped: matched to its line, or recorded as a wrong item; refusals change nothing. */
  'returns.item.scan': method({
    input: z
      .object({
        number: z.string().trim().min(1).max(40),
        code: z.string().min(1).max(200),
        symbology: z.string().max(20).nullable().default(null),
        serial: z.string().trim().min(1).max(100).optional(),
        quantity: z.number().int().min(1).max(10_000).default(1),
      })
      .strict(),
    output: z.object({ outcome: z.enum(['matched', 'wrong_item']), itemId: z.number().int(), view: returnViewSchema }),
    access: RETURNS,
  }),
  /** An item that should be in the parcel and is not. */
  'returns.item.missing': method({
    input: z.object({ number: z.string().trim().min(1).max(40), lineId: z.number().int(), quantity: z.number().int().min(1).max(10_000).default(1) }).strict(),
    output: returnViewSchema,
    access: RETURNS,
  }),
  'returns.item.grade': method({
    input: z
      .object({
        number: z.string().trim().min(1).max(40),
        itemId: z.number().int(),
        condition: conditionSchema.optional(),
        disposition: dispositionSchema.nullable().optional(),
        reasonCode: z.string().max(40).nullable().optional(),
        note: z.string().trim().max(1000).nullable().optional(),
        /** The handler confirms a packing-error reason: it then counts against the packer once decided. */
        packingErrorConfirmed: z.boolean().optional(),
      })
      .strict(),
    output: returnViewSchema,
    access: RETURNS,
  }),
  'returns.item.remove': method({
    input: z.object({ number: z.string().trim().min(1).max(40), itemId: z.number().int() }).strict(),
    output: returnViewSchema,
    access: RETURNS,
  }),
  /** A manager allows a return the rules refuse, with a reason: their own login, or their badge or PIN on the handler's screen. */
  'returns.eligibility.override': method({
    input: z
      .object({ number: z.string().trim().min(1).max(40), reason: z.string().trim().min(3).max(500), manager: managerApprovalSchema.optional() })
      .strict(),
    output: returnViewSchema,
    access: RETURNS,
  }),
  /** The decision: a refund (withdrawal, refused parcel, exchange difference) or a complaint's outcome; the shop is told through the outbox. */
  'returns.decide': method({
    input: z
      .object({
        number: z.string().trim().min(1).max(40),
        refund: refundSchema.nullable().default(null),
        outcome: complaintOutcomeSchema.nullable().default(null),
        reason: z.string().trim().max(500).nullable().default(null),
      })
      .strict(),
    output: returnViewSchema,
    access: RETURNS,
  }),
  /**
   * Prints the returns receipt again (A4, on label stock, or as the station's printers have it) and,
   * if asked, the labels of the items sent to refurbishment or scrap. Deciding prints both by itself.
   */
  'returns.receipt.print': method({
    input: z
      .object({
        number: z.string().trim().min(1).max(40),
        form: z.enum(['auto', 'a4', 'label']).default('auto'),
        itemLabels: z.boolean().default(false),
      })
      .strict(),
    output: z.object({
      documents: z.array(
        z.object({
          kind: documentKindSchema,
          format: documentFormatSchema,
          documentId: z.number().int(),
          sha256: z.string(),
          printJobId: z.number().int().nullable(),
          /** Why it was kept without printing (no printer at this station takes it). */
          reason: z.string().nullable(),
        }),
      ),
    }),
    access: RETURNS,
  }),
  /** Done: the refund paid where one was due, the items where their disposition says. */
  'returns.close': method({ input: numberInput, output: returnViewSchema, access: RETURNS }),
  'returns.notOurs.record': method({
    input: z
      .object({
        sender: z
          .object({
            name: z.string().trim().min(1).max(200),
            address: z.string().trim().max(500).optional(),
            email: z.string().trim().max(200).optional(),
            phone: z.string().trim().max(50).optional(),
          })
          .strict(),
        carrier: z.string().trim().max(60).optional(),
        tracking: z.string().trim().max(100).optional(),
        /** What was scanned on the parcel that matched nothing. */
        scanned: z.string().trim().max(200).optional(),
        note: z.string().trim().max(1000).optional(),
      })
      .strict(),
    output: notOursViewSchema,
    access: RETURNS,
  }),
  'returns.notOurs.get': method({ input: numberInput, output: notOursViewSchema, access: RETURNS, passive: true }),
  /** A held parcel turned out to be ours: linked to its order (a return can then be opened for it). */
  'returns.notOurs.link': method({
    input: z.object({ number: z.string().trim().min(1).max(40), orderNumber: z.string().trim().min(1).max(100) }).strict(),
    output: notOursViewSchema,
    access: RETURNS,
  }),
  'returns.notOurs.resolve': method({
    input: z
      .object({ number: z.string().trim().min(1).max(40), outcome: z.enum(['sent_back', 'disposed']), note: z.string().trim().max(1000).optional() })
      .strict(),
    output: notOursViewSchema,
    access: RETURNS,
  }),
  /** A JPEG or PNG from the station camera, for a return (optionally one item) or a parcel that is not ours; stored with its sha256. */
  'returns.photo.add': method({
    input: z
      .object({
        number: z.string().trim().min(1).max(40),
        itemId: z.number().int().optional(),
        mimeType: z.enum(['image/jpeg', 'image/png']),
        data: z.string().min(4).max(MAX_PHOTO_BASE64),
      })
      .strict(),
    output: photoViewSchema,
    access: RETURNS,
  }),
  /** A carrier's return label (its tracking number) linked to the order it returns, so scanning it identifies the order. */
  'returns.label.link': method({
    input: z
      .object({ orderNumber: z.string().trim().min(1).max(100), tracking: z.string().trim().min(3).max(100), carrier: z.string().trim().max(60).optional() })
      .strict(),
    output: z.null(),
    access: RETURNS,
  }),
  'returns.settings': method({
    input: z.object({}).strict(),
    output: z.object({ rules: returnRulesSchema, reasonCodes: z.array(reasonCodeSchema) }),
    access: RETURNS,
    passive: true,
  }),
  'returns.settings.set': method({
    input: z.object({ rules: returnRulesSchema.partial().optional(), reasonCodes: z.array(reasonCodeSchema).min(1).max(100).optional() }).strict(),
    output: z.object({ rules: returnRulesSchema, reasonCodes: z.array(reasonCodeSchema) }),
    access: MANAGERS,
  }),
  /** Packing errors found at the returns desk and attributed to packers: what the packers' statistics count. */
  'returns.packingErrors': method({
    input: z.object({ packerId: z.number().int().optional(), from: z.string().optional(), to: z.string().optional() }).strict(),
    output: z.array(
      z.object({
        returnNumber: z.string(),
        orderNumber: z.string(),
        packingSessionId: z.number().int().nullable(),
        packerId: z.number().int(),
        packer: z.string(),
        reasonCode: z.string(),
        attributedAt: z.string(),
      }),
    ),
    access: MANAGERS,
  }),
} as const;
