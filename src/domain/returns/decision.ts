/**
 * What a handler decides when a return is graded: a refund (withdrawal, refused parcel, and a
 * price difference on an exchange) or the answer to a complaint. Checked here, refused with a
 * sentence key like eligibility.
 */
import type { ComplaintOutcome, Condition, ReturnType } from './types';
import type { SentenceParams } from './eligibility';

export interface Decision {
  /** Minor units (grosze); null for none. */
  refund: { amountMinor: number; currency: string } | null;
  /** Complaints only. */
  outcome: ComplaintOutcome | null;
  /** Why: required for a rejected complaint, kept with every decision. */
  reason: string | null;
}

export const DECISION_PROBLEMS = [
  'outcome_needed',
  'outcome_not_for_type',
  'rejection_needs_reason',
  'refund_needed',
  'refund_not_for_outcome',
  'complaint_deemed_accepted',
  'refund_negative',
  'items_needed',
  'items_ungraded',
] as const;
export type DecisionProblemKey = (typeof DECISION_PROBLEMS)[number];

export interface DecisionProblem {
  key: DecisionProblemKey;
  params: SentenceParams;
}

/** Outcomes of a complaint that pay money back: they need an amount. */
const PAYING_OUTCOMES: readonly ComplaintOutcome[] = ['refund', 'price_reduction'];

/** The problems with a decision, or none. `answerPassed`: the complaint's answer deadline has passed (it counts as accepted). */
export function decisionProblems(type: ReturnType, decision: Decision, answerPassed: boolean): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  const amount = decision.refund?.amountMinor ?? null;
  if (amount !== null && (!Number.isInteger(amount) || amount < 0)) problems.push({ key: 'refund_negative', params: { amount } });
  if (type !== 'complaint') {
    if (decision.outcome !== null) problems.push({ key: 'outcome_not_for_type', params: { type, outcome: decision.outcome } });
    return problems;
  }
  if (decision.outcome === null) return [...problems, { key: 'outcome_needed', params: {} }];
  if (decision.outcome === 'rejected') {
    if (answerPassed) problems.push({ key: 'complaint_deemed_accepted', params: {} });
    if (!decision.reason?.trim()) problems.push({ key: 'rejection_needs_reason', params: {} });
  }
  const paying = PAYING_OUTCOMES.includes(decision.outcome);
  if (paying && (amount === null || amount === 0)) problems.push({ key: 'refund_needed', params: { outcome: decision.outcome } });
  if (!paying && amount !== null && amount > 0) problems.push({ key: 'refund_not_for_outcome', params: { outcome: decision.outcome } });
  return problems;
}

/** Whether a decision leaves a refund to be paid (the return then waits for it before it closes). */
export function awaitsRefund(decision: Decision): boolean {
  return decision.refund !== null && decision.refund.amountMinor > 0;
}

/** A line's unit price as the shop said it, in minor units. */
export interface LinePrice {
  minor: number;
  currency: string;
}

/**
 * The refund the desk suggests: what the customer paid for the accepted items (scanned against a
 * line of the order; not missing, not a wrong item). Null when nothing is accepted yet, when a
 * line's price is unknown, or when prices are in different currencies: the handler types it then.
 */
export function suggestedRefund(
  items: readonly { lineId: number | null; quantity: number; condition: Condition | null }[],
  priceOf: (lineId: number) => LinePrice | null | undefined,
): { amountMinor: number; currency: string } | null {
  const accepted = items.filter((i) => i.lineId !== null && i.condition !== 'missing' && i.condition !== 'wrong_item');
  if (accepted.length === 0) return null;
  let amountMinor = 0;
  let currency: string | null = null;
  for (const item of accepted) {
    const price = priceOf(item.lineId!);
    if (!price || (currency !== null && price.currency !== currency)) return null;
    currency = price.currency;
    amountMinor += price.minor * item.quantity;
  }
  return { amountMinor, currency: currency! };
}
