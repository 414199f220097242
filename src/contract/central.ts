import { z } from 'zod';
import type { Role } from '../domain/user';
import { BACKEND_KINDS } from './sync';
import { notePushSchema, returnPushSchema, shipmentPushSchema } from './outbox-messages';

/**
 * What stations and central say to each other over HTTP (issue 13); every request is signed
 * (src/platform/request-signature.ts). Bodies are JSON; answers are `{ ok, value | error }` like
 * the station's own contract, with the same error codes.
 */
const orderNumber = z.string().trim().min(1).max(100);

/** A station's shop-bound outbox event as it forwards it: its outbox id and the event, the payload checked against its type. */
const forwardedEvent = {
  eventId: z.number().int().positive(),
  orderNumber,
  idempotencyKey: z.string().min(1).max(500),
  createdAt: z.string().datetime({ offset: true }),
  /** Times the station itself tried it at the shop before it was attached: central then asks the shop before it sends. */
  shopAttempts: z.number().int().min(0).max(1_000_000),
};
const forwardedOutboxEvent = z.discriminatedUnion('type', [
  z.object({ ...forwardedEvent, type: z.literal('shipped'), payload: shipmentPushSchema }).strict(),
  z.object({ ...forwardedEvent, type: z.literal('note'), payload: notePushSchema }).strict(),
  z.object({ ...forwardedEvent, type: z.literal('returned'), payload: returnPushSchema }).strict(),
]);

/** The most events a station forwards in one request. */
export const MAX_FORWARDED_EVENTS = 200;

/** The most orders and products one page of /v1/orders/changes carries. */
export const MAX_ORDER_CHANGES = 500;

export const CENTRAL_ROUTES = {
  /** Open an order: claim it for the calling station. */
  claim: { method: 'POST', path: '/v1/claims', input: z.object({ orderNumber }), output: z.object({ orderNumber: z.string(), stationId: z.string() }) },
  /** The calling station packed the order: nobody opens it again. */
  complete: { method: 'POST', path: '/v1/claims/complete', input: z.object({ orderNumber }), output: z.object({ completed: z.boolean() }) },
  /** A manager at a station lets an order go, whichever station held it. */
  release: { method: 'POST', path: '/v1/claims/release', input: z.object({ orderNumber }), output: z.object({ releasedFrom: z.string().nullable() }) },
  /** The station's next orders, in its order, of which it wants `want` to keep packing without central; answered with what it holds. */
  leases: {
    method: 'PUT',
    path: '/v1/leases',
    input: z.object({ candidates: z.array(orderNumber).max(1000), want: z.number().int().min(0).max(1000) }),
    output: z.object({ leases: z.array(z.object({ orderNumber: z.string(), expiresAt: z.string() })) }),
  },
  /** Shop-bound outbox events the station hands to central, which delivers each to the shop once (by station and event id). */
  outbox: {
    method: 'POST',
    path: '/v1/outbox/events',
    input: z.object({ events: z.array(forwardedOutboxEvent).min(1).max(MAX_FORWARDED_EVENTS) }),
    output: z.object({
      receipts: z.array(z.object({ eventId: z.number(), centralId: z.number(), duplicate: z.boolean(), refused: z.string().optional() })),
    }),
  },
  /** The shop central pulls orders from for the warehouse, and how its last pull went (null: central has no shop). */
  orderShop: {
    method: 'POST',
    path: '/v1/orders/shop',
    input: z.object({}),
    output: z.object({
      shop: z
        .object({
          kind: z.enum(BACKEND_KINDS),
          lastRunAt: z.string().nullable(),
          lastSuccessAt: z.string().nullable(),
          lastError: z.string().nullable(),
        })
        .nullable(),
    }),
  },
  /**
   * What changed in central's copy of the shop's orders and products since the station's cursor
   * (null: everything), a page at a time: each order and product as the shop's backend read it.
   */
  orderChanges: {
    method: 'POST',
    path: '/v1/orders/changes',
    input: z.object({
      cursor: z
        .string()
        .regex(/^\d{1,19}$/)
        .nullable(),
      limit: z.number().int().min(1).max(MAX_ORDER_CHANGES),
    }),
    output: z.object({ orders: z.array(z.unknown()), products: z.array(z.unknown()), cursor: z.string(), more: z.boolean() }),
  },
} as const;

export type CentralRoute = keyof typeof CENTRAL_ROUTES;
export type CentralInput<R extends CentralRoute> = z.infer<(typeof CENTRAL_ROUTES)[R]['input']>;
export type CentralOutput<R extends CentralRoute> = z.infer<(typeof CENTRAL_ROUTES)[R]['output']>;

interface CentralMethodSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: readonly Role[];
  passive?: boolean;
}

function spec<I extends z.ZodType, O extends z.ZodType>(s: CentralMethodSpec<I, O>): CentralMethodSpec<I, O> {
  return s;
}

const MANAGERS: readonly Role[] = ['manager', 'admin'];
const ANY_ROLE: readonly Role[] = ['packer', 'manager', 'admin', 'returns'];

/**
 * Where a console screen's answer comes from: `station` this station's own (not attached),
 * `central` every station's through central, `station-only` this station's own because central
 * cannot be reached (the screen says so).
 */
export const readFromSchema = z.enum(['station', 'central', 'station-only']);
export type ReadFrom = z.output<typeof readFromSchema>;

const parkedCentralEventSchema = z.object({
  centralId: z.number().int(),
  stationId: z.string(),
  eventId: z.number().int(),
  type: z.enum(['shipped', 'note', 'returned']),
  orderNumber: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
});

/** Central's side of the floor for the stations tab: replication alarms and the shop events central parked. */
export const centralFloorSchema = z.object({
  readFrom: readFromSchema,
  /** Why central could not be reached, when it could not (English, for the tooltip and the log). */
  unreachable: z.string().nullable(),
  alarms: z.array(
    z.object({
      id: z.number().int(),
      stationId: z.string(),
      seq: z.number().int(),
      fault: z.enum(['gap', 'fork', 'rewritten', 'broken-chain', 'forged-checkpoint', 'foreign-key', 'malformed']),
      message: z.string(),
      firstAt: z.string(),
      lastAt: z.string(),
      times: z.number().int(),
    }),
  ),
  parked: z.array(parkedCentralEventSchema),
  counts: z.object({ queued: z.number().int(), parked: z.number().int(), sent: z.number().int() }),
});
export type CentralFloorView = z.output<typeof centralFloorSchema>;

export const centralStatusSchema = z.object({
  /** Whether this station is attached to a central at all (`packdesk serve --central URL`). */
  attached: z.boolean(),
  /** Whether central answered the last time the station asked; false: the station works offline. */
  online: z.boolean(),
  /** The orders this station may pack while central cannot be reached. */
  leases: z.array(z.object({ orderNumber: z.string(), expiresAt: z.string() })),
});
export type CentralStatus = z.output<typeof centralStatusSchema>;

/** The station's slice of the contract about central, spread into METHODS. */
export const CENTRAL_METHODS = {
  'central.status': spec({ input: z.object({}).strict(), output: centralStatusSchema, access: ANY_ROLE, passive: true }),
  /** A manager lets an order go at central (an open order of a station that is gone, a lease). */
  'central.release': spec({
    input: z.object({ orderNumber }).strict(),
    output: z.object({ releasedFrom: z.string().nullable() }),
    access: MANAGERS,
  }),
  /** Central's replication alarms and parked shop events, for the stations tab (empty when not attached). */
  'central.floor': spec({ input: z.object({}).strict(), output: centralFloorSchema, access: MANAGERS, passive: true }),
  /** A manager sends an event central parked to the shop again (journaled at this station). */
  'central.requeue': spec({
    input: z.object({ centralId: z.number().int().positive() }).strict(),
    output: z.object({ requeued: z.boolean() }),
    access: MANAGERS,
  }),
} as const;
