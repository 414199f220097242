/**
 * The deadline an open return counts down to, by type: the refund of a withdrawal, the answer to
 * a complaint (unanswered, it counts as accepted), the settling of a refused parcel or an
 * exchange, and how long a parcel that is not ours is held.
 */
import { daysLeft, deadlineAfter, isPast, type Deadline } from './calendar';
import type { ReturnRules } from './rules';
import type { LocalDate, ReturnType } from './types';

export const DEADLINE_KINDS = ['refund', 'answer', 'settle', 'hold'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface ReturnDeadline extends Deadline {
  kind: DeadlineKind;
  days: number;
  /** The day the period is counted from. */
  from: LocalDate;
}

/**
 * The deadline of a return. A withdrawal's refund is due `refundDays` after the customer withdrew
 * (declaredOn); a complaint is answered `complaintAnswerDays` after the shop received it (the
 * statement's date when it came earlier, e.g. by e-mail, else the day the parcel arrived).
 */
export function returnDeadline(
  type: ReturnType,
  rules: ReturnRules,
  dates: { receivedOn: LocalDate; declaredOn: LocalDate | null },
  zone: string,
): ReturnDeadline {
  const declared = dates.declaredOn ?? dates.receivedOn;
  const of = (kind: DeadlineKind, from: LocalDate, days: number): ReturnDeadline => ({ kind, days, from, ...deadlineAfter(from, days, zone) });
  switch (type) {
    case 'withdrawal':
      return of('refund', declared, rules.refundDays);
    case 'complaint':
      return of('answer', declared, rules.complaintAnswerDays);
    case 'refused':
      return of('settle', dates.receivedOn, rules.refusedSettleDays);
    case 'exchange':
      return of('settle', dates.receivedOn, rules.exchangeSettleDays);
  }
}

/** How long a parcel that is not ours is held, from the day it came in. */
export function holdDeadline(rules: ReturnRules, receivedOn: LocalDate, zone: string): ReturnDeadline {
  return { kind: 'hold', days: rules.notOursHoldDays, from: receivedOn, ...deadlineAfter(receivedOn, rules.notOursHoldDays, zone) };
}

export interface DeadlineState {
  overdue: boolean;
  /** Calendar days to the last day: 0 on it, negative once past. */
  daysLeft: number;
}

export function deadlineState(deadline: Deadline, now: Date, zone: string): DeadlineState {
  return { overdue: isPast(deadline, now), daysLeft: daysLeft(deadline, now, zone) };
}

/** Whether a step done at `at` met the deadline. */
export function metDeadline(deadline: Deadline, at: Date): boolean {
  return !isPast(deadline, at);
}

/** An unanswered complaint past its answer deadline counts as accepted (ustawa o prawach konsumenta, art. 7a). */
export function complaintDeemedAccepted(type: ReturnType, answered: boolean, deadline: Deadline, now: Date): boolean {
  return type === 'complaint' && !answered && isPast(deadline, now);
}
