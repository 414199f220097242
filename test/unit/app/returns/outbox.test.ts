import { describe, expect, it } from 'vitest';
import type { NewOutboxEvent, OutboxRepository, ReturnPush, SyncOrderLinks } from '../../../../src/app/ports/backend';
import { CODES } from '../../../support/station-fixture';
import { DESK, ok, shippedAndAtTheDesk } from './fixture';

/** PD-300001 came from the shop (external 9001, lines L-1 and L-2), Anna packed it, Rita takes it back at the Polish returns desk ST-03. */
async function fromTheShop() {
  const added: NewOutboxEvent[] = [];
  let failNext = false;
  let links: SyncOrderLinks | null = null;
  const { fx, call } = await shippedAndAtTheDesk({
    orderNumber: 'PD-300001',
    externalId: '9001',
    shop: (outbox: OutboxRepository, l) => {
      links = l;
      return {
        ...outbox,
        add(event) {
          if (failNext) {
            failNext = false;
            throw new Error('the disk refused the outbox row');
          }
          added.push(event);
          outbox.add(event);
        },
      };
    },
    beforePacking: (station) => {
      const order = station.store.orders.byNumber('PD-300001')!;
      const lineIds = order.lines.map((l) => l.id);
      links!.link(
        order.id,
        'vendure',
        '9001',
        [
          { orderLineId: lineIds[0]!, externalLineId: 'L-1' },
          { orderLineId: lineIds[1]!, externalLineId: 'L-2' },
        ],
        '2026-11-19T12:00:00Z',
      );
    },
  });
  return { fx, call, added, failOnce: () => (failNext = true) };
}

const returnedEvents = (added: NewOutboxEvent[]) => added.filter((e) => e.type === 'returned');

describe('a decided return tells the shop through the outbox', () => {
  it('writes exactly one returned event with the lines, conditions, dispositions, reasons, the refund in grosze and a Polish note', async () => {
    const { fx, call, added } = await fromTheShop();
    expect(added.map((e) => e.type)).toEqual(['shipped']);
    const { number } = await ok(call('returns.open', { orderNumber: 'PD-300001', type: 'withdrawal' }, DESK));
    const mug = await ok(call('returns.item.scan', { number, code: CODES.mug, quantity: 2 }, DESK));
    await ok(call('returns.item.grade', { number, itemId: mug.itemId, condition: 'opened', disposition: 'restock', reasonCode: 'changed_mind' }, DESK));
    const phone = await ok(call('returns.item.scan', { number, code: CODES.phone, serial: 'SN-500' }, DESK));
    await ok(call('returns.item.grade', { number, itemId: phone.itemId, condition: 'damaged', disposition: 'scrap', reasonCode: 'damaged_in_transit' }, DESK));
    const wrong = await ok(call('returns.item.scan', { number, code: CODES.stranger }, DESK));
    await ok(call('returns.item.grade', { number, itemId: wrong.itemId, reasonCode: 'wrong_item_sent' }, DESK));
    expect(returnedEvents(added)).toEqual([]);

    await ok(call('returns.decide', { number, refund: { amountMinor: 12999, currency: 'PLN' }, reason: 'Klient odstąpił' }, DESK));
    const events = returnedEvents(added);
    expect(events).toHaveLength(1);
    const push = events[0]!.payload as ReturnPush;
    expect(events[0]).toMatchObject({ orderNumber: 'PD-300001', idempotencyKey: `returned:vendure:9001:${number}` });
    expect(push).toEqual({
      idempotencyKey: `returned:vendure:9001:${number}`,
      externalOrderId: '9001',
      orderNumber: 'PD-300001',
      returnNumber: number,
      returnType: 'withdrawal',
      lines: [
        { externalLineId: 'L-1', sku: 'MUG-01', quantity: 2, condition: 'opened', disposition: 'restock', reason: 'changed_mind' },
        { externalLineId: 'L-2', sku: 'PHONE-01', quantity: 1, condition: 'damaged', disposition: 'scrap', reason: 'damaged_in_transit' },
      ],
      refund: { amountMinor: 12999, currency: 'PLN', reason: 'Klient odstąpił' },
      note: `Zwrot ${number} (odstąpienie od umowy); Klient odstąpił`,
    });
    // Closing, reprinting and reading it again write nothing more for the shop.
    await ok(call('returns.close', { number }, DESK));
    await ok(call('returns.get', { number }, DESK));
    expect(returnedEvents(added)).toHaveLength(1);
    expect(fx.journal.bySubject({ kind: 'order', id: 'PD-300001' }).filter((e) => e.type === 'returns.decided')).toHaveLength(1);
  });

  it('writes the event in the deciding transaction: when it cannot be written, the return stays open and nothing is journaled', async () => {
    const { fx, call, added, failOnce } = await fromTheShop();
    const { number } = await ok(call('returns.open', { orderNumber: 'PD-300001', type: 'withdrawal' }, DESK));
    const mug = await ok(call('returns.item.scan', { number, code: CODES.mug }, DESK));
    await ok(call('returns.item.grade', { number, itemId: mug.itemId, condition: 'unopened', disposition: 'restock' }, DESK));
    const seq = fx.journal.lastSeq();
    failOnce();
    expect(await call('returns.decide', { number, refund: { amountMinor: 100, currency: 'PLN' } }, DESK)).toMatchObject({ ok: false });
    expect(await ok(call('returns.get', { number }, DESK))).toMatchObject({ status: 'open' });
    expect(fx.journal.lastSeq()).toBe(seq);
    expect(returnedEvents(added)).toEqual([]);
    await ok(call('returns.decide', { number, refund: { amountMinor: 100, currency: 'PLN' } }, DESK));
    expect(returnedEvents(added)).toHaveLength(1);
  });

  it('writes none for a parcel that is not ours', async () => {
    const { call, added } = await fromTheShop();
    const before = added.length;
    await ok(call('returns.notOurs.record', { sender: { name: 'Obcy Sklep' }, carrier: 'dpd', tracking: 'DPD123' }, DESK));
    expect(added.length).toBe(before);
  });
});
