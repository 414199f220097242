/**
 * What the returns desk's flows share: finding a return and its order, refusing changes to a
 * decided one, journaling a step on the order (so the order's timeline shows the parcel out and
 * back), re-checking the rules, and the view. The flows themselves: open.ts (a return on an
 * identified order), items.ts (scan and grade what came back), decide.ts (override, decide,
 * deadlines, close), shop-note.ts (what the shop hears), not-ours.ts (parcels that are not ours).
 * Each step is saved with its journal entry in one transaction.
 */
import { StationFailure, type ErrorCode } from '../../contract/errors';
import type { ReturnView } from '../../contract/returns-schemas';
import type { Order } from '../../domain/order';
import { localDateOf } from '../../domain/returns/calendar';
import { checkEligibility, type SentenceParams } from '../../domain/returns/eligibility';
import { sentence, type SentenceKey } from '../../domain/returns/sentences';
import type { CallContext } from '../context';
import type { ReturnRecord, StoredEligibility } from '../ports/returns';
import type { DeskDeps } from './deps';
import { shippedOrder } from './shipped';
import { returnView } from './views';

/** A refusal from the returns rules: its sentence key and params ride along, with the English sentence as the message. */
export function ruleFailure(code: ErrorCode, key: SentenceKey, params: SentenceParams): StationFailure {
  return new StationFailure(code, sentence(key, params, 'en'), { sentence: key, ...params });
}

export class ReturnsDesk {
  constructor(readonly deps: DeskDeps) {}

  zoneOf(stationId: string): string {
    return this.deps.store.stations.get(stationId)?.timeZone ?? 'Europe/Warsaw';
  }

  record(number: string): ReturnRecord {
    const record = this.deps.returns.byNumber(number);
    if (!record) throw new StationFailure('RETURN_NOT_FOUND', `There is no return ${number}.`, { number });
    return record;
  }

  order(record: ReturnRecord): Order {
    const order = this.deps.store.orders.byId(record.orderId);
    if (!order) throw new StationFailure('ORDER_NOT_FOUND', `The order of return ${record.number} is no longer in the database.`);
    return order;
  }

  openRecord(number: string): ReturnRecord {
    const record = this.record(number);
    if (record.status !== 'open') {
      throw new StationFailure('RETURN_WRONG_STATE', `Return ${record.number} has been decided; it can no longer change.`, { state: record.status, number });
    }
    return record;
  }

  journal(call: CallContext, order: Pick<Order, 'number'>, type: string, payload: Record<string, unknown>): void {
    this.deps.journal.append({ type, stationId: call.stationId, actorId: call.user?.id ?? null, subject: { kind: 'order', id: order.number }, payload });
  }

  view(record: ReturnRecord, call: CallContext): ReturnView {
    return returnView(this.deps, this.deps.returns.byId(record.id) ?? record, call.user);
  }

  changed(number: string, status: string): void {
    this.deps.events.emit('returns.changed', { stationId: null, number, status });
  }

  /** Checks the return against the rules with what it holds now, and keeps the result. */
  checked(record: ReturnRecord, order: Order, at: string): StoredEligibility {
    const shipped = shippedOrder(this.deps, order, record.id);
    const items = this.deps.returns.items(record.id);
    const eligibility = checkEligibility({
      type: record.type,
      rules: this.deps.returns.rules(),
      orderNumber: order.number,
      orderShipped: shipped.shipped,
      deliveredOn: record.deliveredOn,
      shippedOn: shippedOn(shipped.shipments, record.timeZone),
      declaredOn: record.declaredOn ?? record.receivedOn,
      zone: record.timeZone,
      lines: shipped.lines,
      items: items.filter((i) => i.lineId !== null).map((i) => ({ lineId: i.lineId!, quantity: i.quantity, serial: i.serial, condition: i.condition })),
    });
    this.deps.returns.setEligibility(record.id, eligibility, at);
    return eligibility;
  }
}

function shippedOn(shipments: { shippedAt: string | null }[], zone: string): string | null {
  const first = shipments.map((s) => s.shippedAt).filter((at): at is string => at !== null)[0];
  return first ? localDateOf(first, zone) : null;
}
