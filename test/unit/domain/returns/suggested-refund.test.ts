import { describe, expect, it } from 'vitest';
import { suggestedRefund } from '../../../../src/domain/returns/decision';

const prices = new Map([
  [1, { minor: 4999, currency: 'PLN' }],
  [2, { minor: 129900, currency: 'PLN' }],
  [3, { minor: 1000, currency: 'EUR' }],
]);
const priceOf = (lineId: number) => prices.get(lineId) ?? null;

describe('the suggested refund', () => {
  it('is what the customer paid for the accepted items: not a missing one, not a wrong item', () => {
    expect(
      suggestedRefund(
        [
          { lineId: 1, quantity: 2, condition: 'damaged' },
          { lineId: 2, quantity: 1, condition: null },
          { lineId: 1, quantity: 1, condition: 'missing' },
          { lineId: null, quantity: 1, condition: 'wrong_item' },
        ],
        priceOf,
      ),
    ).toEqual({ amountMinor: 2 * 4999 + 129900, currency: 'PLN' });
  });

  it('is none when nothing is accepted, a price is unknown, or the currencies differ', () => {
    expect(suggestedRefund([], priceOf)).toBeNull();
    expect(suggestedRefund([{ lineId: 1, quantity: 1, condition: 'missing' }], priceOf)).toBeNull();
    expect(suggestedRefund([{ lineId: 9, quantity: 1, condition: 'opened' }], priceOf)).toBeNull();
    expect(
      suggestedRefund(
        [
          { lineId: 1, quantity: 1, condition: 'opened' },
          { lineId: 3, quantity: 1, condition: 'opened' },
        ],
        priceOf,
      ),
    ).toBeNull();
  });
});
