import { z } from 'zod';
import type { Role } from '../domain/user';
import { languageSchema, orderDetailSchema, orderSummarySchema, currentLoginSchema, stationSchema, userSummarySchema, loginViewSchema } from './schemas';
import {
  boxSchema,
  completionSchema,
  managerApprovalSchema,
  packingRulesSchema,
  packingViewSchema,
  scaleReadingSchema,
  scanInputSchema,
  scanResultSchema,
  scanSubmitResultSchema,
} from './packing';
import { PRINTING_METHODS, unprintedLabelSchema } from './printing';
import { SYNC_METHODS } from './sync';
import { CARRIER_METHODS } from './carriers';
import { REVIEW_METHODS } from './review';
import { JOURNAL_METHODS } from './journal';
import { SHIFT_METHODS } from './shift';
import { ADMIN_METHODS } from './admin';
import { STATISTICS_METHODS } from './statistics';
import { VIDEO_METHODS } from './video';
import { RETURNS_METHODS } from './returns';
import { CENTRAL_METHODS } from './central';

/** Who may call a method: anyone at the station, or a logged-in user of one of these roles. */
export type Access = 'public' | readonly Role[];

interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Calls that are not the packer's own doing (polling) do not count as activity. */
  passive?: boolean;
}

function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}

const ANY_ROLE: readonly Role[] = ['packer', 'manager', 'returns', 'admin'];
const MANAGERS: readonly Role[] = ['manager', 'admin'];
const PACKERS: readonly Role[] = ['packer', 'manager', 'admin'];
const empty = z.object({}).strict();
const parcelInput = z.object({ parcel: z.number().int().min(1) }).strict();

/** Every call the UI can make. Both transports dispatch through this map; nothing else names a channel. */
export const METHODS = {
  'station.info': method({
    input: empty,
    output: z.object({ station: stationSchema, version: z.string() }),
    access: 'public',
    passive: true,
  }),
  'station.health': method({
    // For monitoring and for a host's own check: answers while the core can read its database.
    input: empty,
    output: z.object({ version: z.string(), stationId: z.string(), time: z.string(), journalEntries: z.number().int() }),
    access: 'public',
    passive: true,
  }),
  'auth.users': method({ input: empty, output: z.array(userSummarySchema), access: 'public', passive: true }),
  'auth.badge': method({
    // Managers and admins always add their PIN; a badge alone answers PIN_REQUIRED for them.
    input: z.object({ badge: z.string().min(1).max(200), pin: z.string().min(1).max(64).optional() }).strict(),
    output: currentLoginSchema,
    access: 'public',
  }),
  'auth.pin': method({
    // Name + PIN, for those who may log in without a badge (packers and returns handlers).
    input: z.object({ userId: z.number().int(), pin: z.string().min(1).max(64) }).strict(),
    output: currentLoginSchema,
    access: 'public',
  }),
  'auth.logins': method({ input: empty, output: z.array(loginViewSchema), access: MANAGERS, passive: true }),
  'auth.logins.end': method({ input: z.object({ loginId: z.number().int() }).strict(), output: z.null(), access: MANAGERS }),
  'auth.unlock': method({ input: z.object({ userId: z.number().int() }).strict(), output: z.null(), access: MANAGERS }),
  'auth.current': method({ input: empty, output: currentLoginSchema.nullable(), access: 'public', passive: true }),
  'auth.activity': method({ input: empty, output: z.null(), access: ANY_ROLE }),
  'auth.logout': method({ input: empty, output: z.null(), access: 'public' }),
  'settings.update': method({
    input: z
      .object({
        language: languageSchema.optional(),
        idleLogoutMinutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60)
          .optional(),
        name: z.string().min(1).max(80).optional(),
        badgeOnlyLogin: z.boolean().optional(),
        /** A returns desk's screen is the returns desk, a packing desk's the order queue. */
        kind: z.enum(['packing', 'returns']).optional(),
        timeZone: z.string().min(1).max(64).optional(),
      })
      .strict(),
    output: stationSchema,
    access: MANAGERS,
  }),
  'user.language': method({
    input: z.object({ language: languageSchema }).strict(),
    output: userSummarySchema,
    access: ANY_ROLE,
  }),
  'queue.list': method({
    input: z
      .object({
        search: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    // labelsNotPrinted: orders this station completed whose label has not printed (its newest
    // completions only), shown above the queue until the label prints.
    output: z.object({ orders: z.array(orderSummarySchema), total: z.number().int(), labelsNotPrinted: z.array(unprintedLabelSchema) }),
    access: ANY_ROLE,
    passive: true,
  }),
  'orders.get': method({
    input: z.object({ orderId: z.number().int() }).strict(),
    output: orderDetailSchema,
    access: ANY_ROLE,
  }),
  'pack.open': method({
    input: z.object({ code: z.string().min(1).max(200) }).strict(),
    output: packingViewSchema,
    access: PACKERS,
  }),
  'pack.current': method({ input: empty, output: packingViewSchema.nullable(), access: ANY_ROLE, passive: true }),
  'scan.submit': method({
    // The one pipeline of every scanner: logged out it is a badge, with no order open an order
    // code, else an item. Wedge scans come here from the screen, HID POS scans from the core itself.
    input: scanInputSchema,
    output: scanSubmitResultSchema,
    access: 'public',
  }),
  'pack.acknowledge': method({ input: empty, output: packingViewSchema, access: PACKERS }),
  'pack.undo': method({ input: empty, output: packingViewSchema, access: PACKERS }),
  'pack.quantity': method({
    input: z.object({ quantity: z.number().int().min(1).max(1_000_000) }).strict(),
    output: scanResultSchema,
    access: PACKERS,
  }),
  'pack.parcel.add': method({ input: empty, output: packingViewSchema, access: PACKERS }),
  'pack.parcel.activate': method({ input: parcelInput, output: packingViewSchema, access: PACKERS }),
  'pack.parcel.remove': method({ input: parcelInput, output: packingViewSchema, access: PACKERS }),
  'pack.parcel.box': method({
    input: z.object({ parcel: z.number().int(), boxCode: z.string().min(1).max(40) }).strict(),
    output: packingViewSchema,
    access: PACKERS,
  }),
  'pack.unit.move': method({
    input: z.object({ unitId: z.number().int(), parcel: z.number().int() }).strict(),
    output: packingViewSchema,
    access: PACKERS,
  }),
  'pack.weigh': method({
    // Without grams the station reads its scale; typed grams are for stations without one.
    input: z.object({ parcel: z.number().int(), grams: z.number().int().min(1).max(1_000_000).optional() }).strict(),
    output: packingViewSchema,
    access: PACKERS,
  }),
  'pack.override': method({
    input: z.object({ kind: z.enum(['force_complete', 'partial']), reason: z.string().trim().min(3).max(500), manager: managerApprovalSchema }).strict(),
    output: packingViewSchema,
    access: PACKERS,
  }),
  'pack.complete': method({ input: empty, output: completionSchema, access: PACKERS }),
  'pack.close': method({ input: empty, output: z.null(), access: PACKERS }),
  'pack.boxes': method({ input: empty, output: z.array(boxSchema), access: ANY_ROLE, passive: true }),
  'pack.rules': method({ input: empty, output: packingRulesSchema, access: ANY_ROLE, passive: true }),
  'settings.packing': method({ input: packingRulesSchema.partial().strict(), output: packingRulesSchema, access: MANAGERS }),
  'scale.current': method({ input: empty, output: scaleReadingSchema.nullable(), access: ANY_ROLE, passive: true }),
  'admin.backup': method({
    input: empty,
    output: z.object({ file: z.string(), bytes: z.number().int() }),
    access: MANAGERS,
  }),
  ...PRINTING_METHODS,
  ...SYNC_METHODS,
  ...CARRIER_METHODS,
  ...VIDEO_METHODS,
  ...REVIEW_METHODS,
  ...JOURNAL_METHODS,
  ...SHIFT_METHODS,
  ...ADMIN_METHODS,
  ...RETURNS_METHODS,
  ...STATISTICS_METHODS,
  ...CENTRAL_METHODS,
} as const;

export type Methods = typeof METHODS;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(METHODS, name);
}
