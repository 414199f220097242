import { z } from 'zod';
import type { Role } from '../domain/user';
import { boxSchema } from './packing';
import { languageSchema, roleSchema, stationSchema } from './schemas';

/** Running the stations from their screens: people, box types and stations. Every change is journaled with who made it. */

export const adminUserSchema = z.object({ id: z.number().int(), name: z.string(), role: roleSchema, language: languageSchema.nullable(), active: z.boolean() });
export type AdminUserView = z.infer<typeof adminUserSchema>;

/** A PIN is typed on the station's keypad: 4 to 8 digits. */
const pinSchema = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits');
/** A badge code as a scanner types it: printable, no spaces. */
const badgeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{4,40}$/, 'a badge code is 4 to 40 letters, digits or dashes');

/** Where a badge card prints: the station's label printer (ID-1 card stock) or its A4 printer (the packing slips'). */
export const cardPrinterSchema = z.enum(['label', 'a4']);
export type CardPrinter = z.infer<typeof cardPrinterSchema>;

/**
 * A badge just issued: its code, said once and never stored, and the print job of its card (null
 * when no card was asked for). The card itself never comes back and is never kept.
 */
export const issuedBadgeSchema = z.object({ badge: z.string(), printJobId: z.number().int().nullable() });

export const adminBoxSchema = boxSchema.extend({ active: z.boolean() });

type Access = 'public' | readonly Role[];
const method = <I extends z.ZodType, O extends z.ZodType>(spec: { input: I; output: O; access: Access; passive?: boolean }) => spec;
const MANAGERS: readonly Role[] = ['manager', 'admin'];
const empty = z.object({}).strict();

export const ADMIN_METHODS = {
  /** Everyone who may log in, switched-off accounts too. */
  'admin.users': method({ input: empty, output: z.array(adminUserSchema), access: MANAGERS, passive: true }),
  /**
   * A new person with a PIN and a badge (the code given, or a new one); with `card`, its card goes
   * through the print queue to that printer. Only an administrator adds an administrator.
   */
  'admin.user.add': method({
    input: z
      .object({
        name: z.string().trim().min(2).max(80),
        role: roleSchema,
        language: languageSchema.nullable(),
        pin: pinSchema,
        badge: badgeSchema.optional(),
        card: cardPrinterSchema.nullable().default(null),
      })
      .strict(),
    output: issuedBadgeSchema.extend({ user: adminUserSchema }),
    access: MANAGERS,
  }),
  /** Name, role, language, or the account switched off (it logs out at once) or on. */
  'admin.user.update': method({
    input: z
      .object({
        userId: z.number().int(),
        name: z.string().trim().min(2).max(80).optional(),
        role: roleSchema.optional(),
        language: languageSchema.nullable().optional(),
        active: z.boolean().optional(),
      })
      .strict(),
    output: adminUserSchema,
    access: MANAGERS,
  }),
  'admin.user.pin': method({ input: z.object({ userId: z.number().int(), pin: pinSchema }).strict(), output: z.null(), access: MANAGERS }),
  /** A new badge for someone (a lost card): the old one stops working; its card goes through the print queue to `to`. */
  'admin.user.badge': method({
    input: z.object({ userId: z.number().int(), to: cardPrinterSchema }).strict(),
    output: issuedBadgeSchema,
    access: MANAGERS,
  }),
  'admin.boxes': method({ input: empty, output: z.array(adminBoxSchema), access: MANAGERS, passive: true }),
  /** Adds a box type or changes the one with this code; `active: false` withdraws it. */
  'admin.box.save': method({
    input: z
      .object({
        code: z.string().trim().min(1).max(40),
        name: z.string().trim().min(1).max(80),
        tareGrams: z.number().int().min(0).max(100_000),
        lengthMm: z.number().int().min(1).max(10_000),
        widthMm: z.number().int().min(1).max(10_000),
        heightMm: z.number().int().min(1).max(10_000),
        active: z.boolean().default(true),
      })
      .strict(),
    output: z.array(adminBoxSchema),
    access: MANAGERS,
  }),
  /**
   * The box type's label: scanning it at the packing table chooses the box. `a4`: an A4 PDF
   * (base64) to print anywhere; `printer`: on this station's label printer through the print
   * queue (ZPL or PDF, as the printer takes), kept like any document.
   */
  'admin.box.label': method({
    input: z.object({ code: z.string().trim().min(1).max(40), to: z.enum(['a4', 'printer']).default('a4') }).strict(),
    output: z.object({ card: z.string().nullable(), printJobId: z.number().int().nullable() }),
    access: MANAGERS,
  }),
  'admin.stations': method({ input: empty, output: z.array(stationSchema), access: MANAGERS, passive: true }),
  /** Any station's name, language, automatic logout and badge-only login. */
  'admin.station.save': method({
    input: z
      .object({
        stationId: z.string().min(1).max(40),
        name: z.string().trim().min(1).max(80).optional(),
        language: languageSchema.optional(),
        idleLogoutMinutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60)
          .optional(),
        badgeOnlyLogin: z.boolean().optional(),
      })
      .strict(),
    output: z.array(stationSchema),
    access: MANAGERS,
  }),
} as const;
