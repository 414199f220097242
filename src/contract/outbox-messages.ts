import { z } from 'zod';

/**
 * What each shop-bound outbox event type carries (see ShipmentPush, NotePush and ReturnPush in
 * app/ports/backend), checked wherever a payload is read back or arrives: the station's outbox
 * table and central's, and central's route that takes a station's events. Fields a newer station
 * added are kept (loose objects), so an event reaches the shop exactly as it was written.
 */
export const shipmentPushSchema = z.looseObject({
  idempotencyKey: z.string(),
  externalOrderId: z.string(),
  orderNumber: z.string(),
  carrierCode: z.string(),
  trackingNumbers: z.array(z.string()),
  partial: z.boolean(),
  lines: z.array(z.looseObject({ externalLineId: z.string(), sku: z.string(), quantity: z.number() })),
  parcels: z.array(z.looseObject({ no: z.number(), weightGrams: z.number().nullable(), boxCode: z.string().nullable() })),
  labelFromShop: z.boolean().optional(),
});

export const notePushSchema = z.looseObject({ idempotencyKey: z.string(), externalOrderId: z.string(), note: z.string() });

export const returnPushSchema = z.looseObject({
  idempotencyKey: z.string(),
  externalOrderId: z.string(),
  orderNumber: z.string(),
  returnNumber: z.string(),
  returnType: z.enum(['withdrawal', 'complaint', 'refused', 'exchange']),
  lines: z.array(
    z.looseObject({
      externalLineId: z.string(),
      sku: z.string(),
      quantity: z.number(),
      condition: z.enum(['unopened', 'opened', 'used', 'damaged', 'wrong_item', 'missing', 'not_ours']),
      disposition: z.enum(['restock', 'refurbish', 'scrap', 'to_customer', 'to_supplier']),
      reason: z.string(),
    }),
  ),
  refund: z.looseObject({ amountMinor: z.number().int(), currency: z.string(), reason: z.string() }).nullable(),
  note: z.string(),
});

export const OUTBOX_TYPES = ['shipped', 'note', 'returned'] as const;
export type OutboxMessageType = (typeof OUTBOX_TYPES)[number];

export type ReadOutboxMessage =
  | { type: 'shipped'; payload: z.output<typeof shipmentPushSchema> }
  | { type: 'note'; payload: z.output<typeof notePushSchema> }
  | { type: 'returned'; payload: z.output<typeof returnPushSchema> }
  | { type: 'unreadable'; storedType: OutboxMessageType; payload: null; problem: string };

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`)
    .join('; ');
}

/** A payload (parsed JSON) checked against its event type: the typed message, or why it cannot be sent. */
export function readOutboxPayload(type: OutboxMessageType, json: unknown): ReadOutboxMessage {
  const unreadable = (problem: string): ReadOutboxMessage => ({ type: 'unreadable', storedType: type, payload: null, problem });
  if (type === 'note') {
    const note = notePushSchema.safeParse(json);
    return note.success ? { type, payload: note.data } : unreadable(describeIssues(note.error));
  }
  if (type === 'returned') {
    const returned = returnPushSchema.safeParse(json);
    return returned.success ? { type, payload: returned.data } : unreadable(describeIssues(returned.error));
  }
  const shipment = shipmentPushSchema.safeParse(json);
  return shipment.success ? { type, payload: shipment.data } : unreadable(describeIssues(shipment.error));
}

/** The stored payload text checked against its event type. */
export function readOutboxMessage(type: OutboxMessageType, payload: string): ReadOutboxMessage {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch (error) {
    return { type: 'unreadable', storedType: type, payload: null, problem: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  return readOutboxPayload(type, json);
}
