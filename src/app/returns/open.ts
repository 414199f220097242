/** Opening a return on an identified order: its type, dates and deadline, checked against the rules at once. */
import { StationFailure } from '../../contract/errors';
import type { ReturnView } from '../../contract/returns-schemas';
import { isLocalDate, localDateOf } from '../../domain/returns/calendar';
import { returnDeadline } from '../../domain/returns/deadlines';
import type { ReturnType } from '../../domain/returns/types';
import type { CallContext } from '../context';
import { requireUser } from '../packing/desk';
import type { ReturnsDesk } from './desk';

export function openReturn(
  desk: ReturnsDesk,
  call: CallContext,
  input: {
    orderNumber: string;
    type: ReturnType;
    declaredOn?: string | undefined;
    deliveredOn?: string | undefined;
    identifiedBy?: string | undefined;
    note?: string | undefined;
  },
): ReturnView {
  const handlerId = requireUser(call);
  const { store, returns, clock } = desk.deps;
  const order = store.orders.byNumber(input.orderNumber);
  if (!order) throw new StationFailure('ORDER_NOT_FOUND', `No order matches "${input.orderNumber}".`, { code: input.orderNumber });
  const zone = desk.zoneOf(call.stationId);
  const now = clock.now();
  const receivedOn = localDateOf(now, zone);
  for (const [field, value] of [
    ['declaredOn', input.declaredOn],
    ['deliveredOn', input.deliveredOn],
  ] as const) {
    if (value !== undefined && (!isLocalDate(value) || value > receivedOn)) {
      throw new StationFailure('VALIDATION_FAILED', `${field} must be a real date no later than today (${receivedOn}).`, { field, value });
    }
  }
  const rules = returns.rules();
  const deadline = returnDeadline(input.type, rules, { receivedOn, declaredOn: input.declaredOn ?? null }, zone);
  const view = store.transaction(() => {
    const created = returns.create({
      orderId: order.id,
      type: input.type,
      stationId: call.stationId,
      handlerId,
      identifiedBy: input.identifiedBy ?? null,
      receivedAt: now.toISOString(),
      receivedOn,
      declaredOn: input.declaredOn ?? null,
      deliveredOn: input.deliveredOn ?? null,
      timeZone: zone,
      deadline: { kind: deadline.kind as 'refund' | 'answer' | 'settle', lastDay: deadline.lastDay, endsAt: deadline.endsAt },
      eligibility: { eligible: true, refusals: [], warnings: [], window: null },
      note: input.note ?? null,
    });
    const eligibility = desk.checked(created, order, now.toISOString());
    desk.journal(call, order, 'returns.opened', {
      returnNumber: created.number,
      returnType: input.type,
      identifiedBy: input.identifiedBy ?? null,
      declaredOn: input.declaredOn ?? null,
      deliveredOn: input.deliveredOn ?? null,
      deadline: { kind: deadline.kind, lastDay: deadline.lastDay, endsAt: deadline.endsAt },
    });
    desk.journal(call, order, 'returns.eligibility', {
      returnNumber: created.number,
      eligible: eligibility.eligible,
      refusals: eligibility.refusals,
      warnings: eligibility.warnings,
    });
    return desk.view(created, call);
  });
  desk.changed(view.number, view.status);
  return view;
}
