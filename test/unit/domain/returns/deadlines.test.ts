import { describe, expect, it } from 'vitest';
import { complaintDeemedAccepted, deadlineState, holdDeadline, metDeadline, returnDeadline } from '../../../../src/domain/returns/deadlines';
import { POLISH_LAW_RULES } from '../../../../src/domain/returns/rules';

const WARSAW = 'Europe/Warsaw';

describe('the deadline an open return counts down to', () => {
  it('is the refund, 14 days after the customer withdrew', () => {
    expect(returnDeadline('withdrawal', POLISH_LAW_RULES, { receivedOn: '2026-11-20', declaredOn: '2026-11-12' }, WARSAW)).toEqual({
      kind: 'refund',
      days: 14,
      from: '2026-11-12',
      lastDay: '2026-11-26',
      endsAt: '2026-11-26T23:00:00.000Z',
    });
    // No statement date: counted from the day the parcel came in.
    expect(returnDeadline('withdrawal', POLISH_LAW_RULES, { receivedOn: '2026-11-20', declaredOn: null }, WARSAW).lastDay).toBe('2026-12-04');
  });

  it('is the answer to a complaint, 14 days after the shop received it, across the clocks going back', () => {
    expect(returnDeadline('complaint', POLISH_LAW_RULES, { receivedOn: '2026-10-20', declaredOn: null }, WARSAW)).toMatchObject({
      kind: 'answer',
      lastDay: '2026-11-03',
      endsAt: '2026-11-03T23:00:00.000Z',
    });
  });

  it('settles refused parcels and exchanges by the shop’s own periods', () => {
    const rules = { ...POLISH_LAW_RULES, refusedSettleDays: 7, exchangeSettleDays: 3 };
    expect(returnDeadline('refused', rules, { receivedOn: '2026-02-25', declaredOn: '2026-02-01' }, WARSAW)).toMatchObject({
      kind: 'settle',
      lastDay: '2026-03-04',
    });
    expect(returnDeadline('exchange', rules, { receivedOn: '2026-02-27', declaredOn: null }, WARSAW)).toMatchObject({ kind: 'settle', lastDay: '2026-03-02' });
  });

  it('holds a parcel that is not ours for the configured days', () => {
    expect(holdDeadline({ ...POLISH_LAW_RULES, notOursHoldDays: 30 }, '2026-03-10', WARSAW)).toMatchObject({
      kind: 'hold',
      lastDay: '2026-04-09',
      endsAt: '2026-04-09T22:00:00.000Z',
    });
  });

  it('counts down in station days, and is overdue from the next local midnight', () => {
    const deadline = returnDeadline('complaint', POLISH_LAW_RULES, { receivedOn: '2026-11-03', declaredOn: null }, WARSAW);
    expect(deadlineState(deadline, new Date('2026-11-15T12:00:00Z'), WARSAW)).toEqual({ overdue: false, daysLeft: 2 });
    expect(deadlineState(deadline, new Date('2026-11-17T22:59:00Z'), WARSAW)).toEqual({ overdue: false, daysLeft: 0 });
    expect(deadlineState(deadline, new Date('2026-11-17T23:00:00Z'), WARSAW)).toEqual({ overdue: true, daysLeft: -1 });
    expect(metDeadline(deadline, new Date('2026-11-17T22:59:00Z'))).toBe(true);
    expect(metDeadline(deadline, new Date('2026-11-18T08:00:00Z'))).toBe(false);
  });

  it('counts an unanswered complaint past its deadline as accepted, and nothing else', () => {
    const deadline = returnDeadline('complaint', POLISH_LAW_RULES, { receivedOn: '2026-11-03', declaredOn: null }, WARSAW);
    const late = new Date('2026-11-18T08:00:00Z');
    expect(complaintDeemedAccepted('complaint', false, deadline, late)).toBe(true);
    expect(complaintDeemedAccepted('complaint', true, deadline, late)).toBe(false);
    expect(complaintDeemedAccepted('complaint', false, deadline, new Date('2026-11-10T08:00:00Z'))).toBe(false);
    expect(complaintDeemedAccepted('withdrawal', false, deadline, late)).toBe(false);
  });
});
