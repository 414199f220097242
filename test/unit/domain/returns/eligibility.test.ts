import { describe, expect, it } from 'vitest';
import { checkEligibility, returnWindow, type EligibilityFacts, type LineFacts } from '../../../../src/domain/returns/eligibility';
import { POLISH_LAW_RULES } from '../../../../src/domain/returns/rules';

const line = (over: Partial<LineFacts> = {}): LineFacts => ({
  lineId: 1,
  productId: 10,
  sku: 'MUG-01',
  name: 'Mug',
  shipped: 2,
  returnedBefore: 0,
  serialTracked: false,
  serials: [],
  serialsReturnedBefore: [],
  returnable: true,
  nonReturnableReason: null,
  ...over,
});

const facts = (over: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  type: 'withdrawal',
  rules: POLISH_LAW_RULES,
  orderNumber: 'PD-1',
  orderShipped: true,
  deliveredOn: '2026-11-03',
  shippedOn: '2026-11-02',
  declaredOn: '2026-11-10',
  zone: 'Europe/Warsaw',
  lines: [line()],
  items: [],
  ...over,
});

const keys = (result: { refusals: { key: string }[] }) => result.refusals.map((r) => r.key);

describe('the return window', () => {
  it('takes a withdrawal on the 14th day after delivery, and not on the 15th', () => {
    expect(checkEligibility(facts({ declaredOn: '2026-11-17' }))).toMatchObject({ eligible: true, refusals: [], warnings: [] });
    const late = checkEligibility(facts({ declaredOn: '2026-11-18' }));
    expect(late.eligible).toBe(false);
    expect(late.refusals).toEqual([
      {
        key: 'window_closed',
        params: { days: 14, countedFrom: 'delivery', startDay: '2026-11-03', lastDay: '2026-11-17', declaredOn: '2026-11-18' },
      },
    ]);
  });

  it('counts from the shipping day when the delivery day is unknown, and says so', () => {
    const result = checkEligibility(facts({ deliveredOn: null, declaredOn: '2026-11-17' }));
    expect(result.window).toMatchObject({ countedFrom: 'shipping', startDay: '2026-11-02', deadline: { lastDay: '2026-11-16' } });
    expect(keys(result)).toEqual(['window_closed']);
    expect(result.warnings).toEqual([{ key: 'window_from_shipping', params: { startDay: '2026-11-02' } }]);
  });

  it('crosses month ends: delivered on 31 January, the last day is 14 February', () => {
    expect(returnWindow(facts({ deliveredOn: '2026-01-31' }))?.deadline.lastDay).toBe('2026-02-14');
    expect(checkEligibility(facts({ deliveredOn: '2026-01-31', declaredOn: '2026-02-14' })).eligible).toBe(true);
    expect(checkEligibility(facts({ deliveredOn: '2026-01-31', declaredOn: '2026-02-15' })).eligible).toBe(false);
  });

  it('follows the shop’s own, longer window', () => {
    const rules = { ...POLISH_LAW_RULES, withdrawalDays: 30 };
    expect(checkEligibility(facts({ rules, declaredOn: '2026-12-03' })).eligible).toBe(true);
    expect(checkEligibility(facts({ rules, declaredOn: '2026-12-04' })).eligible).toBe(false);
  });

  it('gives complaints two years, exchanges their own window and refused parcels none', () => {
    expect(checkEligibility(facts({ type: 'complaint', declaredOn: '2028-11-02' })).eligible).toBe(true);
    expect(keys(checkEligibility(facts({ type: 'complaint', declaredOn: '2028-11-04' })))).toEqual(['window_closed']);
    expect(checkEligibility(facts({ type: 'exchange', rules: { ...POLISH_LAW_RULES, exchangeDays: 30 }, declaredOn: '2026-12-01' })).eligible).toBe(true);
    expect(checkEligibility(facts({ type: 'exchange', declaredOn: '2026-12-01' })).eligible).toBe(false);
    const refused = checkEligibility(facts({ type: 'refused', declaredOn: '2027-06-01' }));
    expect(refused).toMatchObject({ eligible: true, window: null, warnings: [] });
  });

  it('warns when there is no date to count from, and refuses an order that never left', () => {
    expect(checkEligibility(facts({ deliveredOn: null, shippedOn: null })).warnings).toEqual([{ key: 'window_unknown', params: { order: 'PD-1' } }]);
    expect(checkEligibility(facts({ orderShipped: false })).refusals).toEqual([{ key: 'order_not_shipped', params: { order: 'PD-1' } }]);
  });
});

describe('what may come back', () => {
  it('counts units against what was shipped less earlier returns', () => {
    const lines = [line({ shipped: 3, returnedBefore: 1 })];
    const item = (quantity: number) => ({ lineId: 1, quantity, serial: null, condition: null });
    expect(checkEligibility(facts({ lines, items: [item(1), item(1)] })).eligible).toBe(true);
    const over = checkEligibility(facts({ lines, items: [item(2), item(1)] }));
    expect(over.refusals).toEqual([{ key: 'quantity_exceeds', params: { sku: 'MUG-01', name: 'Mug', requested: 3, shipped: 3, returnedBefore: 1, left: 2 } }]);
  });

  it('leaves wrong, foreign and missing items out of the count', () => {
    const items = [
      { lineId: 1, quantity: 2, serial: null, condition: 'opened' as const },
      { lineId: 1, quantity: 1, serial: null, condition: 'missing' as const },
      { lineId: 99, quantity: 1, serial: null, condition: 'wrong_item' as const },
      { lineId: 98, quantity: 1, serial: null, condition: 'not_ours' as const },
    ];
    expect(checkEligibility(facts({ items })).eligible).toBe(true);
    expect(keys(checkEligibility(facts({ items: [{ lineId: 99, quantity: 1, serial: null, condition: null }] })))).toEqual(['line_not_on_order']);
  });

  it('refuses custom-made goods on withdrawal, says why, and takes them on complaint and refusal', () => {
    const lines = [line({ returnable: false, nonReturnableReason: 'custom_made', sku: 'SIGN-1', name: 'Engraved sign' })];
    const items = [{ lineId: 1, quantity: 1, serial: null, condition: 'unopened' as const }];
    expect(checkEligibility(facts({ lines, items })).refusals).toEqual([
      { key: 'not_returnable', params: { sku: 'SIGN-1', name: 'Engraved sign', reason: 'custom_made' } },
    ]);
    expect(keys(checkEligibility(facts({ type: 'exchange', lines, items })))).toEqual(['not_returnable']);
    expect(checkEligibility(facts({ type: 'complaint', lines, items })).eligible).toBe(true);
    expect(checkEligibility(facts({ type: 'refused', lines, items })).eligible).toBe(true);
    const unstated = checkEligibility(facts({ lines: [line({ returnable: false })], items }));
    expect(unstated.refusals[0]?.params.reason).toBe('other');
  });

  it('takes a sealed hygiene product back unopened only, and warns before it is graded', () => {
    const lines = [line({ returnable: false, nonReturnableReason: 'hygiene', sku: 'BRUSH', name: 'Toothbrush' })];
    const item = (condition: 'unopened' | 'opened' | 'used' | null) => [{ lineId: 1, quantity: 1, serial: null, condition }];
    expect(checkEligibility(facts({ lines, items: item('unopened') }))).toMatchObject({ eligible: true, warnings: [] });
    expect(keys(checkEligibility(facts({ lines, items: item('opened') })))).toEqual(['hygiene_opened']);
    expect(keys(checkEligibility(facts({ lines, items: item('used') })))).toEqual(['hygiene_opened']);
    expect(checkEligibility(facts({ lines, items: item(null) }))).toMatchObject({
      eligible: true,
      warnings: [{ key: 'hygiene_unopened_only', params: { sku: 'BRUSH', name: 'Toothbrush' } }],
    });
  });

  it('takes a serial back only when it was shipped on this order and not returned already', () => {
    const lines = [
      line({ serialTracked: true, shipped: 2, returnedBefore: 1, serials: ['SN-1', 'SN-2'], serialsReturnedBefore: ['SN-1'], sku: 'PHONE', name: 'Phone' }),
    ];
    const item = (serial: string | null) => ({ lineId: 1, quantity: 1, serial, condition: null });
    expect(checkEligibility(facts({ lines, items: [item('SN-2')] })).eligible).toBe(true);
    expect(checkEligibility(facts({ lines, items: [item('SN-9')] })).refusals).toEqual([
      { key: 'serial_not_shipped', params: { sku: 'PHONE', name: 'Phone', serial: 'SN-9', order: 'PD-1' } },
    ]);
    expect(keys(checkEligibility(facts({ lines, items: [item('SN-1')] })))).toEqual(['serial_already_returned']);
    expect(keys(checkEligibility(facts({ lines, items: [item('SN-2'), item('SN-2')] })))).toEqual(['serial_already_returned', 'quantity_exceeds']);
    expect(keys(checkEligibility(facts({ lines, items: [item(null)] })))).toEqual(['serial_needed']);
  });

  it('lists every refusal at once, each once', () => {
    const lines = [line({ returnable: false, nonReturnableReason: 'custom_made', shipped: 1 })];
    const items = [
      { lineId: 1, quantity: 1, serial: null, condition: null },
      { lineId: 1, quantity: 1, serial: null, condition: null },
    ];
    expect(keys(checkEligibility(facts({ declaredOn: '2026-12-24', lines, items })))).toEqual(['window_closed', 'not_returnable', 'quantity_exceeds']);
  });
});
