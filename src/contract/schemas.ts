import { z } from 'zod';
import { LANGUAGES, ROLES } from '../domain/user';
import { ORDER_STATUSES } from '../domain/order';

export const languageSchema = z.enum(LANGUAGES);
export const roleSchema = z.enum(ROLES);

export const userSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: roleSchema,
  language: languageSchema.nullable(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const stationSchema = z.object({
  id: z.string(),
  name: z.string(),
  language: languageSchema,
  idleLogoutMinutes: z.number().int(),
  badgeOnlyLogin: z.boolean(),
  /** A packing desk or a returns desk: the screen's home there. */
  kind: z.enum(['packing', 'returns']),
  /** The station calendar's time zone (IANA), in which deadlines in days are counted. */
  timeZone: z.string(),
});
export type StationInfo = z.infer<typeof stationSchema>;

export const currentLoginSchema = z.object({
  /** This login's id: a client tells its own login's events from others'. */
  id: z.number().int(),
  user: userSummarySchema,
  station: stationSchema,
  startedAt: z.string(),
  lastActivityAt: z.string(),
});
export type CurrentLogin = z.infer<typeof currentLoginSchema>;

export const orderStatusSchema = z.enum(ORDER_STATUSES);

export const orderSummarySchema = z.object({
  id: z.number().int(),
  number: z.string(),
  status: orderStatusSchema,
  customerName: z.string(),
  city: z.string(),
  country: z.string(),
  carrierCode: z.string().nullable(),
  lineCount: z.number().int(),
  itemCount: z.number().int(),
  createdAt: z.string(),
  openAtStation: z.string().nullable(),
});
export type OrderSummary = z.infer<typeof orderSummarySchema>;

export const addressSchema = z.object({
  name: z.string(),
  company: z.string().nullable(),
  street: z.string(),
  city: z.string(),
  postcode: z.string(),
  country: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

export const orderLineSchema = z.object({
  id: z.number().int(),
  productId: z.number().int(),
  sku: z.string(),
  name: z.string(),
  quantity: z.number().int(),
});

export const orderDetailSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  externalId: z.string().nullable(),
  status: orderStatusSchema,
  customerName: z.string(),
  shipTo: addressSchema,
  carrierCode: z.string().nullable(),
  service: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  lines: z.array(orderLineSchema),
});
export type OrderDetail = z.infer<typeof orderDetailSchema>;

/** A live login as a manager sees it: who, where, since when, idle for how long. */
export const loginViewSchema = z.object({
  id: z.number().int(),
  user: userSummarySchema,
  stationId: z.string(),
  startedAt: z.string(),
  lastActivityAt: z.string(),
  /** The caller's own login. */
  own: z.boolean(),
});
export type LoginView = z.infer<typeof loginViewSchema>;
