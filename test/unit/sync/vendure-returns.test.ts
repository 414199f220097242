import { describe, expect, it } from 'vitest';
import type { ReturnPush } from '../../../src/app/ports/backend';
import { noteText, restockLines, returnTag } from '../../../src/sync/vendure/returns';

type Line = ReturnPush['lines'][number];
const line = (sku: string, externalLineId: string, quantity: number, more: Partial<Line> = {}): Line => ({
  externalLineId,
  sku,
  quantity,
  condition: 'unopened',
  disposition: 'restock',
  reason: 'changed_mind',
  ...more,
});
const push = (lines: Line[]): ReturnPush => ({
  idempotencyKey: 'returned:R-7',
  externalOrderId: '5',
  orderNumber: 'PD-5',
  returnNumber: 'R-7',
  returnType: 'withdrawal',
  lines,
  refund: { amountMinor: 12345, currency: 'PLN', reason: 'Odstąpienie' },
  note: '',
});
const order = {
  lines: [
    { id: '11', quantity: 3, productVariant: { sku: 'MUG' } },
    { id: '12', quantity: 1, productVariant: { sku: 'TEA' } },
  ],
};

describe('a return at Vendure, before it is sent', () => {
  it('cancels restocked lines into stock, summed per order line and capped at what the line holds, and says what it left out', () => {
    const restock = restockLines(
      push([
        line('MUG', '11', 1),
        line('MUG', '11', 1, { condition: 'opened' }),
        line('TEA', '12', 2),
        line('LAMP', '', 1, { condition: 'wrong_item' }),
        line('PEN', '11', 1, { condition: 'missing' }),
        line('MUG', '11', 1, { disposition: 'scrap', condition: 'damaged' }),
      ]),
      order,
    );
    expect(restock.lines).toEqual([
      { orderLineId: '11', quantity: 2, sku: 'MUG' },
      { orderLineId: '12', quantity: 1, sku: 'TEA' },
    ]);
    expect(restock.skipped).toEqual([
      'LAMP ×1: not a line of this order in Vendure; restock it by hand',
      'PEN ×1: missing, nothing to restock',
      'TEA ×1: the Vendure order line had only 1 left; restock the rest by hand',
    ]);
  });

  it('takes what an earlier cancellation of this return restocked, not what the line holds after it', () => {
    const after = { lines: [{ id: '11', quantity: 0, productVariant: { sku: 'MUG' } }] };
    expect(restockLines(push([line('MUG', '11', 2)]), after, [{ orderLineId: '11', quantity: 2 }])).toEqual({
      lines: [{ orderLineId: '11', quantity: 2, sku: 'MUG' }],
      skipped: [],
    });
  });

  it('writes the return number first in the note, with the lines, the refund and the restock', () => {
    const p = push([line('MUG', '11', 1), line('TEA', '12', 1, { condition: 'wrong_item', disposition: 'to_customer', reason: '' })]);
    const text = noteText(p, { id: '3', total: 12345 }, restockLines(p, order));
    expect(returnTag(p)).toBe('[R-7]');
    expect(text.split('\n')).toEqual([
      'Packdesk return [R-7] (withdrawal) of order PD-5:',
      '- MUG ×1: unopened, restock (changed_mind)',
      '- TEA ×1: wrong item, to customer',
      'Refund: 123.45 PLN (Vendure refund 3): Odstąpienie',
      'Back in stock (order lines cancelled): MUG ×1',
    ]);
  });
});
