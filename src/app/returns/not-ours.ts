/**
 * Parcels that are not ours: recorded with the sender's details and held with a deadline, later
 * linked to an order or sent back or disposed of. Their journal entries have the parcel as subject
 * (a link is also told on the order's timeline).
 */
import { StationFailure } from '../../contract/errors';
import { localDateOf } from '../../domain/returns/calendar';
import { holdDeadline } from '../../domain/returns/deadlines';
import type { CallContext } from '../context';
import type { HandlerSlice } from '../handlers';
import type { Journal } from '../ports/journal';
import { requireUser } from '../packing/desk';
import type { NotOurParcelRecord, ReturnsRepository } from '../ports/returns';
import type { DeskDeps } from './deps';
import type { ReturnsDesk } from './desk';
import { notOursView } from './views';

export type NotOursMethods = 'returns.notOurs.record' | 'returns.notOurs.get' | 'returns.notOurs.link' | 'returns.notOurs.resolve';

export function parcel(returns: Pick<ReturnsRepository, 'notOursByNumber'>, number: string): NotOurParcelRecord {
  const found = returns.notOursByNumber(number);
  if (!found) throw new StationFailure('NOT_OURS_NOT_FOUND', `There is no parcel ${number}.`, { number });
  return found;
}

export function parcelEntry(journal: Pick<Journal, 'append'>, call: CallContext, record: NotOurParcelRecord, type: string, payload: Record<string, unknown>) {
  journal.append({ type, stationId: call.stationId, actorId: call.user?.id ?? null, subject: { kind: 'return', id: record.number }, payload });
}

export function notOursHandlers(deps: DeskDeps, desk: ReturnsDesk): HandlerSlice<NotOursMethods> {
  const { store, returns, clock, journal } = deps;
  return {
    'returns.notOurs.record': (input, call) => {
      const handlerId = requireUser(call);
      const zone = desk.zoneOf(call.stationId);
      const now = clock.now();
      const receivedOn = localDateOf(now, zone);
      const hold = holdDeadline(returns.rules(), receivedOn, zone);
      const record = store.transaction(() => {
        const created = returns.createNotOurs({
          stationId: call.stationId,
          handlerId,
          sender: { name: input.sender.name, address: input.sender.address ?? null, email: input.sender.email ?? null, phone: input.sender.phone ?? null },
          carrier: input.carrier ?? null,
          tracking: input.tracking ?? null,
          scanned: input.scanned ?? null,
          note: input.note ?? null,
          receivedAt: now.toISOString(),
          receivedOn,
          hold: { lastDay: hold.lastDay, endsAt: hold.endsAt },
        });
        parcelEntry(journal, call, created, 'returns.not_ours', {
          sender: created.sender,
          carrier: created.carrier,
          tracking: created.tracking,
          scanned: created.scanned,
          holdUntil: hold.lastDay,
        });
        return created;
      });
      deps.events.emit('returns.changed', { stationId: null, number: record.number, status: record.status });
      return notOursView(deps, record, zone);
    },
    'returns.notOurs.get': ({ number }, call) => notOursView(deps, parcel(returns, number), desk.zoneOf(call.stationId)),
    'returns.notOurs.link': ({ number, orderNumber }, call) => {
      const by = requireUser(call);
      const order = store.orders.byNumber(orderNumber);
      if (!order) throw new StationFailure('ORDER_NOT_FOUND', `No order matches "${orderNumber}".`, { code: orderNumber });
      const record = store.transaction(() => {
        const held = parcel(returns, number);
        const at = clock.now().toISOString();
        returns.resolveNotOurs(held.id, { status: 'linked', orderId: order.id, returnId: null, by, at, note: null });
        parcelEntry(journal, call, held, 'returns.not_ours.linked', { order: order.number });
        // The order's own timeline shows the parcel that came back for it.
        journal.append({
          type: 'returns.not_ours.linked',
          stationId: call.stationId,
          actorId: by,
          subject: { kind: 'order', id: order.number },
          payload: { parcel: held.number, sender: held.sender.name, tracking: held.tracking },
        });
        return returns.notOursById(held.id)!;
      });
      deps.events.emit('returns.changed', { stationId: null, number: record.number, status: record.status });
      return notOursView(deps, record, desk.zoneOf(call.stationId));
    },
    'returns.notOurs.resolve': ({ number, outcome, note }, call) => {
      const by = requireUser(call);
      const record = store.transaction(() => {
        const held = parcel(returns, number);
        returns.resolveNotOurs(held.id, { status: outcome, orderId: null, returnId: null, by, at: clock.now().toISOString(), note: note ?? null });
        parcelEntry(journal, call, held, `returns.not_ours.${outcome}`, { note: note ?? null });
        return returns.notOursById(held.id)!;
      });
      deps.events.emit('returns.changed', { stationId: null, number: record.number, status: record.status });
      return notOursView(deps, record, desk.zoneOf(call.stationId));
    },
  };
}
