/**
 * Deciding and closing a return: a manager's override of a refusal, the decision (which attributes
 * confirmed packing errors and tells the shop in the same transaction), the deadline met or missed,
 * and closing.
 */
import { StationFailure } from '../../contract/errors';
import type { ReturnView } from '../../contract/returns-schemas';
import type { Order } from '../../domain/order';
import { awaitsRefund, decisionProblems, type Decision } from '../../domain/returns/decision';
import { complaintDeemedAccepted, metDeadline } from '../../domain/returns/deadlines';
import { countsAgainstPacker } from '../../domain/returns/grading';
import type { Logins } from '../auth';
import type { CallContext } from '../context';
import { requireUser } from '../packing/desk';
import { approvingManager, type ManagerApproval } from '../packing/approval';
import type { ReturnRecord } from '../ports/returns';
import { shippedOrder } from './shipped';
import { refundSuggestion } from './views';
import { ruleFailure, type ReturnsDesk } from './desk';
import { tellShop } from './shop-note';

export async function override(
  desk: ReturnsDesk,
  logins: Logins,
  call: CallContext,
  input: { number: string; reason: string; manager?: ManagerApproval | undefined },
): Promise<ReturnView> {
  requireUser(call);
  const self = call.user!;
  const manager =
    self.role === 'manager' || self.role === 'admin'
      ? self
      : input.manager
        ? await approvingManager(desk.deps, logins, call, input.manager)
        : (() => {
            throw new StationFailure('MANAGER_REQUIRED', 'Only a manager can approve this; scan a manager badge or enter a manager PIN.');
          })();
  const { store, returns, clock } = desk.deps;
  return store.transaction(() => {
    const record = desk.openRecord(input.number);
    const order = desk.order(record);
    returns.setOverride(record.id, { by: manager.id, reason: input.reason }, clock.now().toISOString());
    desk.journal(call, order, 'returns.eligibility.overridden', {
      returnNumber: record.number,
      managerId: manager.id,
      manager: manager.name,
      reason: input.reason,
      refusals: record.eligibility.refusals,
    });
    return desk.view(record, call);
  });
}

export function decide(desk: ReturnsDesk, call: CallContext, input: { number: string } & Decision): ReturnView {
  const userId = requireUser(call);
  const { store, returns, clock } = desk.deps;
  const view = store.transaction(() => {
    const record = desk.openRecord(input.number);
    for (const check of desk.deps.decideChecks ?? []) check(call, record.number);
    const order = desk.order(record);
    const now = clock.now();
    const at = now.toISOString();
    const items = returns.items(record.id);
    if (items.length === 0) throw ruleFailure('RETURN_DECISION_INVALID', 'items_needed', {});
    const ungraded = items.filter((i) => i.condition === null || (i.condition !== 'missing' && i.disposition === null)).length;
    if (ungraded > 0) throw ruleFailure('RETURN_DECISION_INVALID', 'items_ungraded', { count: ungraded });
    const decision: Decision = { refund: input.refund, outcome: input.outcome, reason: input.reason };
    const answerPassed = complaintDeemedAccepted(record.type, false, record.deadline, now);
    const problem = decisionProblems(record.type, decision, answerPassed)[0];
    if (problem) throw ruleFailure('RETURN_DECISION_INVALID', problem.key, problem.params);
    const eligibility = desk.checked(record, order, at);
    // A return the rules refuse pays nothing and is rejected, unless a manager overrode the refusal.
    const grants = awaitsRefund(decision) || (record.type === 'complaint' && decision.outcome !== 'rejected');
    if (!eligibility.eligible && record.override === null && grants) {
      const first = eligibility.refusals[0]!;
      throw ruleFailure('RETURN_NOT_ELIGIBLE', first.key, first.params);
    }
    returns.decide(record.id, { refund: decision.refund, outcome: decision.outcome, reason: decision.reason, by: userId, at });
    desk.journal(call, order, 'returns.decided', {
      returnNumber: record.number,
      returnType: record.type,
      outcome: decision.outcome,
      reason: decision.reason,
      eligible: eligibility.eligible,
      overridden: record.override !== null,
    });
    if (decision.refund) {
      // The desk suggests what the customer paid for the accepted items; the handler may change it, and the change is on record.
      const suggested = refundSuggestion(order, items);
      const changed = suggested !== null && (suggested.amountMinor !== decision.refund.amountMinor || suggested.currency !== decision.refund.currency);
      desk.journal(call, order, 'returns.refund_decided', { returnNumber: record.number, ...decision.refund, suggested, changed });
    }
    if (record.deadline.kind === 'answer') deadlineEntry(desk, call, order, record, now);
    attribute(desk, call, order, record, at);
    tellShop(desk, order, record, decision, at, call.stationId);
    return desk.view(record, call);
  });
  desk.changed(view.number, view.status);
  return view;
}

/** Confirmed packing errors count against the packing session that shipped the line, and its packer. */
function attribute(desk: ReturnsDesk, call: CallContext, order: Order, record: ReturnRecord, at: string): void {
  const { returns, store } = desk.deps;
  const reasons = new Map(returns.reasonCodes().map((r) => [r.code, r]));
  const shipped = shippedOrder(desk.deps, order, record.id);
  const sessions = returns.shipments(order.id);
  for (const item of returns.items(record.id)) {
    const reason = item.reasonCode ? (reasons.get(item.reasonCode) ?? null) : null;
    if (!countsAgainstPacker(reason, item.packingErrorConfirmed)) continue;
    const session = [...sessions].reverse().find((s) => item.lineId === null || s.state.units.some((u) => u.lineId === item.lineId)) ?? sessions.at(-1);
    const packerId = session?.packerId ?? shipped.shipments.at(-1)?.packerId ?? null;
    if (packerId === null) continue;
    returns.attribute(item.id, { sessionId: session?.sessionId ?? null, packerId, at });
    desk.journal(call, order, 'returns.packing_error', {
      returnNumber: record.number,
      itemId: item.id,
      sku: item.sku,
      reasonCode: item.reasonCode,
      sessionId: session?.sessionId ?? null,
      packerId,
      packer: store.users.byId(packerId)?.name ?? null,
    });
  }
}

/**
 * A deadline that passed while nobody touched the return is journaled as missed, with no actor,
 * once per return: the station's timer runs this (and `returns.list` before it reads), so the
 * miss is on record when it happens, not when someone next looks. Answered complaints are done
 * with their deadline. The screens hear of each; returns how many were journaled.
 */
export function sweepMissedDeadlines(desk: ReturnsDesk, stationId: string): number {
  const { store, returns, clock, journal } = desk.deps;
  const now = clock.now();
  const journaled = store.transaction(() => {
    const missed: ReturnRecord[] = [];
    for (const record of returns.listOpen({ limit: 1000, dueBefore: now.toISOString() })) {
      if (record.deadline.kind === 'answer' && record.status !== 'open') continue;
      const order = store.orders.byId(record.orderId);
      if (!order || missedJournaled(desk, order, record)) continue;
      journal.append({
        type: 'returns.deadline_missed',
        stationId,
        actorId: null,
        subject: { kind: 'order', id: order.number },
        payload: { returnNumber: record.number, kind: record.deadline.kind, lastDay: record.deadline.lastDay, unattended: true },
      });
      missed.push(record);
    }
    return missed;
  });
  for (const record of journaled) desk.changed(record.number, record.status);
  return journaled.length;
}

function missedJournaled(desk: ReturnsDesk, order: Order, record: ReturnRecord): boolean {
  return desk.deps.journal
    .bySubject({ kind: 'order', id: order.number })
    .some((e) => e.type === 'returns.deadline_missed' && (e.payload as { returnNumber?: unknown }).returnNumber === record.number);
}

function deadlineEntry(desk: ReturnsDesk, call: CallContext, order: Order, record: ReturnRecord, now: Date): void {
  const met = metDeadline(record.deadline, now);
  // Already journaled as missed while it lay untouched: once is the record.
  if (!met && missedJournaled(desk, order, record)) return;
  desk.journal(call, order, met ? 'returns.deadline_met' : 'returns.deadline_missed', {
    returnNumber: record.number,
    kind: record.deadline.kind,
    lastDay: record.deadline.lastDay,
  });
}

export function close(desk: ReturnsDesk, call: CallContext, number: string): ReturnView {
  const userId = requireUser(call);
  const { store, returns, clock } = desk.deps;
  const view = store.transaction(() => {
    const record = desk.record(number);
    if (record.status !== 'decided') {
      throw new StationFailure('RETURN_WRONG_STATE', `Return ${record.number} must be decided before it is closed.`, { state: record.status, number });
    }
    const order = desk.order(record);
    const now = clock.now();
    returns.close(record.id, userId, now.toISOString());
    desk.journal(call, order, 'returns.closed', {
      returnNumber: record.number,
      refund: record.refund,
      dispositions: returns.items(record.id).map((i) => ({ itemId: i.id, sku: i.sku, quantity: i.quantity, disposition: i.disposition })),
    });
    if (record.deadline.kind !== 'answer') deadlineEntry(desk, call, order, record, now);
    return desk.view(record, call);
  });
  desk.changed(view.number, view.status);
  return view;
}
