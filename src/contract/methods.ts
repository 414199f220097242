import { z } from 'zod';
import type { Role } from '../domain/user';
import {
  languageSchema,
  orderDetailSchema,
  orderSummarySchema,
  sessionSchema,
  stationSchema,
  userSummarySchema,
} from './schemas';

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
const empty = z.object({}).strict();

/** Every call the UI can make. Both transports dispatch through this map; nothing else names a channel. */
export const METHODS = {
  'station.info': method({
    input: empty,
    output: z.object({ station: stationSchema, version: z.string() }),
    access: 'public',
    passive: true,
  }),
  'auth.users': method({ input: empty, output: z.array(userSummarySchema), access: 'public', passive: true }),
  'auth.badge': method({
    input: z.object({ badge: z.string().min(1).max(200) }).strict(),
    output: sessionSchema,
    access: 'public',
  }),
  'auth.pin': method({
    input: z.object({ userId: z.number().int(), pin: z.string().min(1).max(64) }).strict(),
    output: sessionSchema,
    access: 'public',
  }),
  'auth.session': method({ input: empty, output: sessionSchema.nullable(), access: 'public', passive: true }),
  'auth.activity': method({ input: empty, output: z.null(), access: ANY_ROLE }),
  'auth.logout': method({ input: empty, output: z.null(), access: 'public' }),
  'settings.update': method({
    input: z
      .object({
        language: languageSchema.optional(),
        idleLogoutMinutes: z.number().int().min(1).max(24 * 60).optional(),
        name: z.string().min(1).max(80).optional(),
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
    output: z.object({ orders: z.array(orderSummarySchema), total: z.number().int() }),
    access: ANY_ROLE,
    passive: true,
  }),
  'orders.get': method({
    input: z.object({ orderId: z.number().int() }).strict(),
    output: orderDetailSchema,
    access: ANY_ROLE,
  }),
  'orders.open': method({
    input: z.object({ code: z.string().min(1).max(200) }).strict(),
    output: orderDetailSchema,
    access: ['packer', 'manager', 'admin'],
  }),
  'orders.close': method({
    input: z.object({ orderId: z.number().int() }).strict(),
    output: z.null(),
    access: ANY_ROLE,
  }),
  'admin.backup': method({
    input: empty,
    output: z.object({ file: z.string(), bytes: z.number().int() }),
    access: MANAGERS,
  }),
} as const;

export type Methods = typeof METHODS;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(METHODS, name);
}
