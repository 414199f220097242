import { describe, expect, it } from 'vitest';
import { DESK, gradedReturn, ok } from './fixture';

const refundEntries = (fx: Awaited<ReturnType<typeof gradedReturn>>['fx']) =>
  fx.journal.bySubject({ kind: 'order', id: 'PD-200001' }).filter((e) => e.type === 'returns.refund_decided');

describe('the refund the desk suggests', () => {
  it('is what the customer paid for the accepted items, from the order’s line prices', async () => {
    const { call, number } = await gradedReturn({ prices: true });
    const view = await ok(call('returns.get', { number }, DESK));
    expect(view.suggestedRefund).toEqual({ amountMinor: 4999 + 129900, currency: 'PLN' });
  });

  it('is journaled as changed when the handler decides another amount, and as kept when not', async () => {
    const changed = await gradedReturn({ prices: true });
    await ok(changed.call('returns.decide', { number: changed.number, refund: { amountMinor: 100000, currency: 'PLN' } }, DESK));
    expect(refundEntries(changed.fx).map((e) => e.payload)).toEqual([
      { returnNumber: changed.number, amountMinor: 100000, currency: 'PLN', suggested: { amountMinor: 134899, currency: 'PLN' }, changed: true },
    ]);
    const timeline = await ok(changed.call('review.timeline', { orderNumber: 'PD-200001', language: 'en' }, DESK));
    expect(timeline.entries.map((e) => e.text)).toContain(`Return ${changed.number}: refund 1000.00 PLN (changed from the suggested 1348.99 PLN).`);
  });

  it('is kept when the handler decides the suggested amount', async () => {
    const kept = await gradedReturn({ prices: true });
    await ok(kept.call('returns.decide', { number: kept.number, refund: { amountMinor: 134899, currency: 'PLN' } }, DESK));
    expect(refundEntries(kept.fx).map((e) => e.payload.changed)).toEqual([false]);
  });

  it('is none for an order the shop sent without prices: the handler types the amount', async () => {
    const { call, number } = await gradedReturn();
    expect((await ok(call('returns.get', { number }, DESK))).suggestedRefund).toBeNull();
  });
});
