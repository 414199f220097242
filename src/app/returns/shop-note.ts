/** What the shop hears of a decided return: one outbox event, with a note in the station's language. */
import type { Order } from '../../domain/order';
import type { Decision } from '../../domain/returns/decision';
import type { ReturnPush } from '../ports/backend';
import type { ReturnRecord } from '../ports/returns';
import type { ReturnsDesk } from './desk';
/** The shop hears of the decision in the same transaction, once (the return number is its key); orders not from a shop tell no one. */
export function tellShop(desk: ReturnsDesk, order: Order, record: ReturnRecord, decision: Decision, at: string, stationId: string): void {
  const shop = desk.deps.shop;
  const link = shop?.links.externalId(order.id);
  if (!shop || !link) return;
  const lineIds = shop.links.externalLines(order.id);
  const items = desk.deps.returns.items(record.id);
  const push: ReturnPush = {
    idempotencyKey: `returned:${link.backend}:${link.externalId}:${record.number}`,
    externalOrderId: link.externalId,
    orderNumber: order.number,
    returnNumber: record.number,
    returnType: record.type,
    lines: items.flatMap((item) =>
      item.lineId !== null && item.condition !== null && item.condition !== 'wrong_item' && item.disposition !== null
        ? [
            {
              externalLineId: lineIds.get(item.lineId) ?? '',
              sku: item.sku ?? '',
              quantity: item.quantity,
              condition: item.condition,
              disposition: item.disposition,
              reason: item.reasonCode ?? '',
            },
          ]
        : [],
    ),
    refund: decision.refund && decision.refund.amountMinor > 0 ? { ...decision.refund, reason: decision.reason ?? record.type } : null,
    note: shopNote(desk.deps.store.stations.get(stationId)?.language ?? 'en', record, decision),
  };
  shop.outbox.add({ type: 'returned', orderId: order.id, orderNumber: order.number, idempotencyKey: push.idempotencyKey, payload: push, createdAt: at });
}

/** The note the shop keeps with the order, in the deciding station's language (the shop's staff read it, not us). */
const NOTE_WORDS = {
  en: {
    return: 'Return',
    outcome: 'outcome',
    types: { withdrawal: 'withdrawal', complaint: 'complaint', refused: 'refused or undeliverable parcel', exchange: 'exchange' },
    outcomes: { repair: 'repair', replace: 'replacement', price_reduction: 'price reduction', refund: 'refund', rejected: 'rejected' },
  },
  pl: {
    return: 'Zwrot',
    outcome: 'rozstrzygnięcie',
    types: { withdrawal: 'odstąpienie od umowy', complaint: 'reklamacja', refused: 'przesyłka nieodebrana lub niedoręczona', exchange: 'wymiana' },
    outcomes: { repair: 'naprawa', replace: 'wymiana', price_reduction: 'obniżenie ceny', refund: 'zwrot pieniędzy', rejected: 'odrzucona' },
  },
} as const;

export function shopNote(language: string, record: Pick<ReturnRecord, 'number' | 'type'>, decision: Decision): string {
  const words = language === 'pl' ? NOTE_WORDS.pl : NOTE_WORDS.en;
  return [
    `${words.return} ${record.number} (${words.types[record.type]})`,
    decision.outcome ? `${words.outcome}: ${words.outcomes[decision.outcome]}` : null,
    decision.reason,
  ]
    .filter(Boolean)
    .join('; ');
}
