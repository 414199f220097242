import { z } from 'zod';
import type { Role } from '../domain/user';

/** The carriers a station can hold an account for (the adapters in src/carriers). */
export const CARRIER_ACCOUNT_KINDS = ['inpost', 'poczta-polska', 'dpd', 'baselinker', 'own'] as const;
export type CarrierAccountKind = (typeof CARRIER_ACCOUNT_KINDS)[number];

const url = z.string().url().max(500);
const labelFormat = z.enum(['pdf', 'zpl', 'epl']);

/**
 * One carrier account, without its secret (token or password): the secret is sealed apart, like
 * the shop's (src/sync/secrets), and bound to the address it was given for.
 */
export const carrierAccountSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('inpost'),
      enabled: z.boolean().default(true),
      url: url.default('https://api-shipx-pl.easypack24.net'),
      organizationId: z.string().regex(/^\d{1,12}$/),
      sendingMethod: z.string().max(40).default('dispatch_order'),
      labelFormat: labelFormat.default('zpl'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('poczta-polska'),
      enabled: z.boolean().default(true),
      url: url.default('https://e-nadawca.poczta-polska.pl/websrv/en.php'),
      login: z.string().min(1).max(100),
      bufferId: z.number().int().positive().nullable().default(null),
      postingOfficeId: z.number().int().positive().nullable().default(null),
      codAccount: z
        .string()
        .regex(/^[\d ]{26,32}$/)
        .nullable()
        .default(null),
      labelFormat: labelFormat.exclude(['epl']).default('pdf'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('dpd'),
      enabled: z.boolean().default(true),
      url: url.default('https://dpdservices.dpd.com.pl/DPDPackageObjServicesService/DPDPackageObjServices'),
      login: z.string().min(1).max(100),
      masterFid: z.number().int().positive(),
      senderFid: z.number().int().positive().nullable().default(null),
      labelFormat: labelFormat.default('zpl'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('baselinker'),
      enabled: z.boolean().default(true),
      courierCode: z.string().min(1).max(64),
      accountId: z.number().int().nullable().default(null),
      fields: z
        .array(z.object({ id: z.string().max(64), value: z.string().max(500) }).strict())
        .max(50)
        .default([]),
      fieldIds: z
        .object({
          cod: z.string().max(64).nullable().default(null),
          insurance: z.string().max(64).nullable().default(null),
          pickupPoint: z.string().max(64).nullable().default(null),
        })
        .strict()
        .default({ cod: null, insurance: null, pickupPoint: null }),
      pickupFields: z
        .array(z.object({ id: z.string().max(64), value: z.string().max(500) }).strict())
        .max(50)
        .default([]),
    })
    .strict(),
  z
    .object({
      kind: z.literal('own'),
      enabled: z.boolean().default(true),
      name: z.string().min(1).max(60).default('Own transport'),
      labelFormat: labelFormat.exclude(['epl']).default('pdf'),
    })
    .strict(),
]);
export type CarrierAccount = z.output<typeof carrierAccountSchema>;

/** Where an account's secret goes: the address it was given for (a changed address needs the secret again). */
export function carrierEndpoint(account: CarrierAccount): string | null {
  return 'url' in account ? account.url : null;
}

/** Whether the carrier needs a secret at all (BaseLinker uses the shop's token; our own label none). */
export function carrierNeedsSecret(kind: CarrierAccountKind): boolean {
  return kind === 'inpost' || kind === 'poczta-polska' || kind === 'dpd';
}

/** A carrier account as the settings screen sees it: its settings, and whether a secret is stored (never the secret). */
export const carrierAccountViewSchema = z.object({ account: carrierAccountSchema, hasSecret: z.boolean() });
export type CarrierAccountView = z.infer<typeof carrierAccountViewSchema>;

const MANAGERS: readonly Role[] = ['manager', 'admin'];

interface CarrierMethodSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: readonly Role[];
  passive?: boolean;
}

function spec<I extends z.ZodType, O extends z.ZodType>(s: CarrierMethodSpec<I, O>): CarrierMethodSpec<I, O> {
  return s;
}
const kindInput = z.object({ kind: z.enum(CARRIER_ACCOUNT_KINDS) }).strict();

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(d)), 'not a day');

/** One carrier's end-of-day handover as done: the day's manifest, the carrier's own number, the parcels it locked. */
export const handoverViewSchema = z.object({
  carrier: z.enum(CARRIER_ACCOUNT_KINDS),
  manifestNumber: z.string(),
  carrierNumber: z.string().nullable(),
  parcels: z.array(z.object({ orderNumber: z.string(), parcelNo: z.number().int(), trackingNumber: z.string() })),
  documentId: z.number().int(),
  printJobId: z.number().int().nullable(),
  notPrinted: z.string().nullable(),
});
export type HandoverView = z.infer<typeof handoverViewSchema>;

/** The settings screen's calls for carrier accounts; the secret is sealed on the way in and never sent back out. */
export const CARRIER_METHODS = {
  'carriers.accounts.list': spec({ input: z.object({}).strict(), output: z.array(carrierAccountViewSchema), access: MANAGERS }),
  'carriers.accounts.set': spec({
    input: z.object({ account: carrierAccountSchema, secret: z.string().min(1).max(4000).nullable().optional() }).strict(),
    output: carrierAccountViewSchema,
    access: MANAGERS,
  }),
  'carriers.accounts.remove': spec({ input: kindInput, output: z.null(), access: MANAGERS }),
  /** A cheap authenticated call to the carrier; a refusal comes back as VALIDATION_FAILED with the carrier's sentence. */
  'carriers.accounts.test': spec({ input: kindInput, output: z.object({ account: z.string() }), access: MANAGERS }),
  /** Per carrier account, how many labelled parcels wait for the end-of-day handover. */
  'carriers.handover.waiting': spec({
    input: z.object({}).strict(),
    output: z.array(z.object({ kind: z.enum(CARRIER_ACCOUNT_KINDS), parcels: z.number().int() })),
    access: MANAGERS,
    passive: true,
  }),
  /** Closes the carrier's day (today when no date is given), keeps and prints the handover document, locks its parcels. */
  'carriers.handover': spec({
    input: z.object({ kind: z.enum(CARRIER_ACCOUNT_KINDS), date: day.optional() }).strict(),
    output: handoverViewSchema,
    access: MANAGERS,
  }),
} as const;
