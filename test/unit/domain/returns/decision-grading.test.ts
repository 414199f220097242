import { describe, expect, it } from 'vitest';
import { awaitsRefund, decisionProblems, type Decision } from '../../../../src/domain/returns/decision';
import type { LineFacts } from '../../../../src/domain/returns/eligibility';
import { countsAgainstPacker, dispositionAllowed, matchReturnedItem, needsItemLabel, suggestedDisposition } from '../../../../src/domain/returns/grading';
import { DEFAULT_REASON_CODES, invalidRules, POLISH_LAW_RULES } from '../../../../src/domain/returns/rules';
import { CONDITIONS } from '../../../../src/domain/returns/types';

const decision = (over: Partial<Decision> = {}): Decision => ({ refund: null, outcome: null, reason: null, ...over });
const keys = (list: { key: string }[]) => list.map((p) => p.key);
const pln = (amountMinor: number) => ({ amountMinor, currency: 'PLN' });

describe('a decision', () => {
  it('refunds a withdrawal, with no complaint outcome', () => {
    expect(decisionProblems('withdrawal', decision({ refund: pln(4999) }), false)).toEqual([]);
    expect(decisionProblems('withdrawal', decision({ refund: pln(0) }), false)).toEqual([]);
    expect(keys(decisionProblems('withdrawal', decision({ outcome: 'repair' }), false))).toEqual(['outcome_not_for_type']);
    expect(keys(decisionProblems('refused', decision({ refund: pln(-1) }), false))).toEqual(['refund_negative']);
    expect(keys(decisionProblems('exchange', decision({ refund: pln(12.5) }), false))).toEqual(['refund_negative']);
  });

  it('answers a complaint with an outcome; a refund or price reduction with its amount, a rejection with its reason', () => {
    expect(keys(decisionProblems('complaint', decision(), false))).toEqual(['outcome_needed']);
    expect(decisionProblems('complaint', decision({ outcome: 'repair' }), false)).toEqual([]);
    expect(decisionProblems('complaint', decision({ outcome: 'replace' }), false)).toEqual([]);
    expect(decisionProblems('complaint', decision({ outcome: 'refund', refund: pln(100) }), false)).toEqual([]);
    expect(keys(decisionProblems('complaint', decision({ outcome: 'refund' }), false))).toEqual(['refund_needed']);
    expect(keys(decisionProblems('complaint', decision({ outcome: 'price_reduction', refund: pln(0) }), false))).toEqual(['refund_needed']);
    expect(keys(decisionProblems('complaint', decision({ outcome: 'repair', refund: pln(5) }), false))).toEqual(['refund_not_for_outcome']);
    expect(keys(decisionProblems('complaint', decision({ outcome: 'rejected', reason: '  ' }), false))).toEqual(['rejection_needs_reason']);
    expect(decisionProblems('complaint', decision({ outcome: 'rejected', reason: 'Wear and tear' }), false)).toEqual([]);
  });

  it('can no longer reject a complaint once its answer is late: it counts as accepted', () => {
    expect(keys(decisionProblems('complaint', decision({ outcome: 'rejected', reason: 'Wear' }), true))).toEqual(['complaint_deemed_accepted']);
    expect(decisionProblems('complaint', decision({ outcome: 'repair' }), true)).toEqual([]);
  });

  it('awaits a refund only when money is due', () => {
    expect(awaitsRefund(decision({ refund: pln(1) }))).toBe(true);
    expect(awaitsRefund(decision({ refund: pln(0) }))).toBe(false);
    expect(awaitsRefund(decision())).toBe(false);
  });
});

const lines: LineFacts[] = [
  {
    lineId: 1,
    productId: 10,
    sku: 'MUG',
    name: 'Mug',
    shipped: 2,
    returnedBefore: 1,
    serialTracked: false,
    serials: [],
    serialsReturnedBefore: [],
    returnable: true,
    nonReturnableReason: null,
  },
  {
    lineId: 2,
    productId: 10,
    sku: 'MUG',
    name: 'Mug',
    shipped: 1,
    returnedBefore: 0,
    serialTracked: false,
    serials: [],
    serialsReturnedBefore: [],
    returnable: true,
    nonReturnableReason: null,
  },
  {
    lineId: 3,
    productId: 20,
    sku: 'PHONE',
    name: 'Phone',
    shipped: 2,
    returnedBefore: 1,
    serialTracked: true,
    serials: ['SN-1', 'SN-2'],
    serialsReturnedBefore: ['SN-1'],
    returnable: true,
    nonReturnableReason: null,
  },
];

describe('matching a scanned item to what was shipped', () => {
  it('fills the lines of a product in turn, then refuses more than left', () => {
    const one = { productId: 10, serial: null, quantity: 1 };
    expect(matchReturnedItem(lines, [], one)).toEqual({ kind: 'matched', lineId: 1 });
    expect(matchReturnedItem(lines, [{ lineId: 1, quantity: 1, serial: null }], one)).toEqual({ kind: 'matched', lineId: 2 });
    const full = [
      { lineId: 1, quantity: 1, serial: null },
      { lineId: 2, quantity: 1, serial: null },
    ];
    expect(matchReturnedItem(lines, full, one)).toEqual({ kind: 'refused', key: 'too_many', params: { sku: 'MUG', name: 'Mug', requested: 1, left: 0 } });
    expect(matchReturnedItem(lines, [], { ...one, quantity: 3 })).toMatchObject({ kind: 'refused', key: 'too_many', params: { left: 2 } });
  });

  it('records an item we did not ship on this order, or do not know, as a wrong item', () => {
    expect(matchReturnedItem(lines, [], { productId: 99, serial: null, quantity: 1 })).toEqual({ kind: 'wrong_item' });
    expect(matchReturnedItem(lines, [], { productId: null, serial: null, quantity: 1 })).toEqual({ kind: 'wrong_item' });
  });

  it('takes a serial shipped on this order once, and refuses one never shipped, one returned before, or none', () => {
    const phone = (serial: string | null) => ({ productId: 20, serial, quantity: 1 });
    expect(matchReturnedItem(lines, [], phone('SN-2'))).toEqual({ kind: 'matched', lineId: 3 });
    expect(matchReturnedItem(lines, [], phone('SN-7'))).toEqual({
      kind: 'refused',
      key: 'serial_not_shipped',
      params: { sku: 'PHONE', name: 'Phone', serial: 'SN-7' },
    });
    expect(matchReturnedItem(lines, [], phone('SN-1'))).toMatchObject({ kind: 'refused', key: 'serial_already_returned' });
    expect(matchReturnedItem(lines, [{ lineId: 3, quantity: 1, serial: 'SN-2' }], phone('SN-2'))).toMatchObject({ key: 'serial_already_returned' });
    expect(matchReturnedItem(lines, [], phone(null))).toMatchObject({ kind: 'refused', key: 'serial_needed' });
    expect(matchReturnedItem(lines, [], { productId: 20, serial: 'SN-2', quantity: 2 })).toMatchObject({ key: 'too_many' });
  });
});

describe('conditions, dispositions and the packer', () => {
  it('suggests a disposition for every condition, none for a missing item, which takes none', () => {
    expect(CONDITIONS.map((c) => [c, suggestedDisposition(c)])).toEqual([
      ['unopened', 'restock'],
      ['opened', 'restock'],
      ['used', 'refurbish'],
      ['damaged', 'refurbish'],
      ['wrong_item', 'to_customer'],
      ['missing', null],
      ['not_ours', 'to_customer'],
    ]);
    expect(dispositionAllowed('missing', null)).toBe(true);
    expect(dispositionAllowed('missing', 'scrap')).toBe(false);
    expect(dispositionAllowed('damaged', 'scrap')).toBe(true);
    expect(needsItemLabel('refurbish')).toBe(true);
    expect(needsItemLabel('scrap')).toBe(true);
    expect(needsItemLabel('restock')).toBe(false);
    expect(needsItemLabel(null)).toBe(false);
  });

  it('counts an item against the packer only for a packing-error reason the handler confirmed', () => {
    const byCode = new Map(DEFAULT_REASON_CODES.map((r) => [r.code, r]));
    expect(DEFAULT_REASON_CODES.filter((r) => r.packingError).map((r) => r.code)).toEqual(['wrong_item_sent', 'missing_item', 'damaged_poor_packing']);
    expect(countsAgainstPacker(byCode.get('wrong_item_sent')!, true)).toBe(true);
    expect(countsAgainstPacker(byCode.get('wrong_item_sent')!, false)).toBe(false);
    expect(countsAgainstPacker(byCode.get('changed_mind')!, true)).toBe(false);
    expect(countsAgainstPacker(null, true)).toBe(false);
  });

  it('keeps a shop’s rules at or above the law where the law sets them', () => {
    expect(invalidRules(POLISH_LAW_RULES)).toEqual([]);
    expect(invalidRules({ ...POLISH_LAW_RULES, withdrawalDays: 30, notOursHoldDays: 60 })).toEqual([]);
    expect(invalidRules({ ...POLISH_LAW_RULES, withdrawalDays: 7, refundDays: 21, complaintAnswerDays: 30, notOursHoldDays: 0.5 })).toEqual([
      'withdrawalDays',
      'refundDays',
      'complaintAnswerDays',
      'notOursHoldDays',
    ]);
  });
});
