/**
 * The returns desk's use cases: open a return, scan and grade what came back, override, decide,
 * close. Each step is saved with its journal entry (subject: the order, so the order's timeline
 * shows the parcel out and back) in one transaction; the deciding transaction also attributes
 * confirmed packing errors to the packer and writes the shop's outbox event.
 */
import { StationFailure, type ErrorCode } from '../../contract/errors';
import type { ReturnView } from '../../contract/returns';
import type { Order } from '../../domain/order';
import { isLocalDate, localDateOf } from '../../domain/returns/calendar';
import { awaitsRefund, decisionProblems, type Decision } from '../../domain/returns/decision';
import { complaintDeemedAccepted, metDeadline, returnDeadline } from '../../domain/returns/deadlines';
import { checkEligibility, type SentenceParams } from '../../domain/returns/eligibility';
import { countsAgainstPacker, dispositionAllowed, matchReturnedItem, suggestedDisposition } from '../../domain/returns/grading';
import { sentence, type SentenceKey } from '../../domain/returns/sentences';
import type { Condition, Disposition, ReturnType } from '../../domain/returns/types';
import type { CallContext } from '../context';
import { requireUser } from '../packing/desk';
import { approvingManager, type ManagerApproval } from '../packing/approval';
import { resolveScan } from '../packing/resolve';
import type { ReturnPush } from '../ports/backend';
import type { ReturnItemRecord, ReturnRecord, StoredEligibility } from '../ports/returns';
import type { ReturnsDeps } from './deps';
import { shippedOrder } from './shipped';
import { nameOf, returnView } from './views';

/** A refusal from the returns rules: its sentence key and params ride along, with the English sentence as the message. */
export function ruleFailure(code: ErrorCode, key: SentenceKey, params: SentenceParams): StationFailure {
  return new StationFailure(code, sentence(key, params, 'en'), { sentence: key, ...params });
}

export class ReturnsDesk {
  constructor(readonly deps: ReturnsDeps) {}

  zoneOf(stationId: string): string {
    return this.deps.store.stations.get(stationId)?.timeZone ?? 'Europe/Warsaw';
  }

  record(number: string): ReturnRecord {
    const record = this.deps.returns.byNumber(number);
    if (!record) throw new StationFailure('RETURN_NOT_FOUND', `There is no return ${number}.`, { number });
    return record;
  }

  private order(record: ReturnRecord): Order {
    const order = this.deps.store.orders.byId(record.orderId);
    if (!order) throw new StationFailure('ORDER_NOT_FOUND', `The order of return ${record.number} is no longer in the database.`);
    return order;
  }

  private open(number: string): ReturnRecord {
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
  private checked(record: ReturnRecord, order: Order, at: string): StoredEligibility {
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

  openReturn(
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
    const { store, returns, clock } = this.deps;
    const order = store.orders.byNumber(input.orderNumber);
    if (!order) throw new StationFailure('ORDER_NOT_FOUND', `No order matches "${input.orderNumber}".`, { code: input.orderNumber });
    const zone = this.zoneOf(call.stationId);
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
      const eligibility = this.checked(created, order, now.toISOString());
      this.journal(call, order, 'returns.opened', {
        returnNumber: created.number,
        returnType: input.type,
        identifiedBy: input.identifiedBy ?? null,
        declaredOn: input.declaredOn ?? null,
        deliveredOn: input.deliveredOn ?? null,
        deadline: { kind: deadline.kind, lastDay: deadline.lastDay, endsAt: deadline.endsAt },
      });
      this.journal(call, order, 'returns.eligibility', {
        returnNumber: created.number,
        eligible: eligibility.eligible,
        refusals: eligibility.refusals,
        warnings: eligibility.warnings,
      });
      return this.view(created, call);
    });
    this.changed(view.number, view.status);
    return view;
  }

  scanItem(call: CallContext, input: { number: string; code: string; symbology: string | null; serial?: string | undefined; quantity: number }) {
    const userId = requireUser(call);
    const { store, returns, clock } = this.deps;
    const result = store.transaction(() => {
      const record = this.open(input.number);
      const order = this.order(record);
      const at = clock.now().toISOString();
      const resolved = resolveScan(store, input.code, input.symbology, clock.now());
      const product = resolved.kind === 'product' ? store.catalog.productById(resolved.productId) : store.catalog.productBySku(input.code.trim());
      const serial = input.serial ?? (resolved.kind === 'product' ? resolved.serial : null);
      const shipped = shippedOrder(this.deps, order, record.id);
      const soFar = returns.items(record.id).filter((i) => i.condition !== 'missing' && i.condition !== 'wrong_item');
      const match = matchReturnedItem(shipped.lines, soFar, { productId: product?.id ?? null, serial, quantity: input.quantity });
      if (match.kind === 'refused') throw ruleFailure('RETURN_ITEM_REFUSED', match.key, { ...match.params, order: order.number });
      const line = match.kind === 'matched' ? shipped.lines.find((l) => l.lineId === match.lineId)! : null;
      const condition: Condition | null = match.kind === 'wrong_item' ? 'wrong_item' : null;
      const item = returns.addItem(
        {
          returnId: record.id,
          lineId: line?.lineId ?? null,
          productId: product?.id ?? null,
          sku: line?.sku ?? product?.sku ?? null,
          name: line?.name ?? product?.name ?? null,
          scannedCode: input.code.slice(0, 200),
          serial,
          quantity: input.quantity,
          condition,
          disposition: condition ? suggestedDisposition(condition) : null,
          gradedBy: condition ? userId : null,
        },
        at,
      );
      this.journal(call, order, match.kind === 'matched' ? 'returns.item.scanned' : 'returns.item.graded', {
        returnNumber: record.number,
        itemId: item.id,
        raw: input.code.slice(0, 200),
        sku: item.sku,
        serial,
        quantity: input.quantity,
        ...(condition ? { condition, disposition: item.disposition, wrongItem: true } : { lineId: item.lineId }),
      });
      this.checked(record, order, at);
      return { outcome: match.kind, itemId: item.id, view: this.view(record, call) };
    });
    this.changed(result.view.number, result.view.status);
    return result;
  }

  missingItem(call: CallContext, input: { number: string; lineId: number; quantity: number }): ReturnView {
    const userId = requireUser(call);
    const { store, returns, clock } = this.deps;
    return store.transaction(() => {
      const record = this.open(input.number);
      const order = this.order(record);
      const line = order.lines.find((l) => l.id === input.lineId);
      if (!line) throw ruleFailure('RETURN_ITEM_REFUSED', 'line_not_on_order', { order: order.number, line: input.lineId });
      const at = clock.now().toISOString();
      const item = returns.addItem(
        {
          returnId: record.id,
          lineId: line.id,
          productId: line.productId,
          sku: line.sku,
          name: line.name,
          scannedCode: null,
          serial: null,
          quantity: input.quantity,
          condition: 'missing',
          disposition: null,
          gradedBy: userId,
        },
        at,
      );
      this.journal(call, order, 'returns.item.graded', {
        returnNumber: record.number,
        itemId: item.id,
        sku: line.sku,
        quantity: input.quantity,
        condition: 'missing',
      });
      this.checked(record, order, at);
      return this.view(record, call);
    });
  }

  gradeItem(
    call: CallContext,
    input: {
      number: string;
      itemId: number;
      condition?: Condition | undefined;
      disposition?: Disposition | null | undefined;
      reasonCode?: string | null | undefined;
      note?: string | null | undefined;
      packingErrorConfirmed?: boolean | undefined;
    },
  ): ReturnView {
    const userId = requireUser(call);
    const { store, returns, clock } = this.deps;
    const view = store.transaction(() => {
      const record = this.open(input.number);
      const order = this.order(record);
      const item = this.itemOf(record, input.itemId);
      const condition = input.condition ?? item.condition;
      let disposition = input.disposition !== undefined ? input.disposition : item.disposition;
      // A condition given without a disposition takes the suggested one, until the handler picks another.
      if (input.condition !== undefined && input.disposition === undefined && disposition === null) disposition = suggestedDisposition(input.condition);
      if (condition === 'missing') disposition = null;
      if (condition !== null && !dispositionAllowed(condition, disposition)) {
        throw new StationFailure('VALIDATION_FAILED', 'A missing item has nothing to restock, refurbish or scrap.', { condition });
      }
      if (input.reasonCode) {
        const reason = returns.reasonCodes().find((r) => r.code === input.reasonCode);
        if (!reason || !reason.active)
          throw new StationFailure('VALIDATION_FAILED', `There is no reason code ${input.reasonCode}.`, { reasonCode: input.reasonCode });
      }
      const at = clock.now().toISOString();
      const graded = returns.gradeItem(
        item.id,
        {
          condition,
          disposition,
          ...(input.reasonCode !== undefined ? { reasonCode: input.reasonCode } : {}),
          ...(input.note !== undefined ? { note: input.note } : {}),
          ...(input.packingErrorConfirmed !== undefined ? { packingErrorConfirmed: input.packingErrorConfirmed } : {}),
          gradedBy: userId,
        },
        at,
      );
      this.journal(call, order, 'returns.item.graded', {
        returnNumber: record.number,
        itemId: item.id,
        sku: item.sku,
        serial: item.serial,
        condition: graded.condition,
        reasonCode: graded.reasonCode,
        note: graded.note,
        packingErrorConfirmed: graded.packingErrorConfirmed,
      });
      if (graded.disposition !== item.disposition) {
        this.journal(call, order, 'returns.item.disposition', { returnNumber: record.number, itemId: item.id, sku: item.sku, disposition: graded.disposition });
      }
      this.checked(record, order, at);
      return this.view(record, call);
    });
    return view;
  }

  removeItem(call: CallContext, input: { number: string; itemId: number }): ReturnView {
    requireUser(call);
    const { store, returns, clock } = this.deps;
    return store.transaction(() => {
      const record = this.open(input.number);
      const order = this.order(record);
      const item = this.itemOf(record, input.itemId);
      returns.removeItem(item.id);
      this.journal(call, order, 'returns.item.removed', { returnNumber: record.number, itemId: item.id, sku: item.sku, serial: item.serial });
      this.checked(record, order, clock.now().toISOString());
      return this.view(record, call);
    });
  }

  private itemOf(record: ReturnRecord, itemId: number): ReturnItemRecord {
    const item = this.deps.returns.item(itemId);
    if (!item || item.returnId !== record.id)
      throw new StationFailure('RETURN_NOT_FOUND', `Return ${record.number} has no item ${itemId}.`, { number: record.number });
    return item;
  }

  async override(call: CallContext, input: { number: string; reason: string; manager?: ManagerApproval | undefined }): Promise<ReturnView> {
    requireUser(call);
    const self = call.user!;
    const manager =
      self.role === 'manager' || self.role === 'admin'
        ? self
        : input.manager
          ? await approvingManager(this.deps, this.deps.logins, call, input.manager)
          : (() => {
              throw new StationFailure('MANAGER_REQUIRED', 'Only a manager can approve this; scan a manager badge or enter a manager PIN.');
            })();
    const { store, returns, clock } = this.deps;
    return store.transaction(() => {
      const record = this.open(input.number);
      const order = this.order(record);
      returns.setOverride(record.id, { by: manager.id, reason: input.reason }, clock.now().toISOString());
      this.journal(call, order, 'returns.eligibility.overridden', {
        returnNumber: record.number,
        managerId: manager.id,
        manager: manager.name,
        reason: input.reason,
        refusals: record.eligibility.refusals,
      });
      return this.view(record, call);
    });
  }

  decide(call: CallContext, input: { number: string } & Decision): ReturnView {
    const userId = requireUser(call);
    const { store, returns, clock } = this.deps;
    const view = store.transaction(() => {
      const record = this.open(input.number);
      const order = this.order(record);
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
      const eligibility = this.checked(record, order, at);
      // A return the rules refuse pays nothing and is rejected, unless a manager overrode the refusal.
      const grants = awaitsRefund(decision) || (record.type === 'complaint' && decision.outcome !== 'rejected');
      if (!eligibility.eligible && record.override === null && grants) {
        const first = eligibility.refusals[0]!;
        throw ruleFailure('RETURN_NOT_ELIGIBLE', first.key, first.params);
      }
      returns.decide(record.id, { refund: decision.refund, outcome: decision.outcome, reason: decision.reason, by: userId, at });
      this.journal(call, order, 'returns.decided', {
        returnNumber: record.number,
        returnType: record.type,
        outcome: decision.outcome,
        reason: decision.reason,
        eligible: eligibility.eligible,
        overridden: record.override !== null,
      });
      if (decision.refund) this.journal(call, order, 'returns.refund_decided', { returnNumber: record.number, ...decision.refund });
      if (record.deadline.kind === 'answer') this.deadlineEntry(call, order, record, now);
      this.attribute(call, order, record, at);
      this.tellShop(order, record, decision, at, call.stationId);
      return this.view(record, call);
    });
    this.changed(view.number, view.status);
    return view;
  }

  /** Confirmed packing errors count against the packing session that shipped the line, and its packer. */
  private attribute(call: CallContext, order: Order, record: ReturnRecord, at: string): void {
    const { returns, store } = this.deps;
    const reasons = new Map(returns.reasonCodes().map((r) => [r.code, r]));
    const shipped = shippedOrder(this.deps, order, record.id);
    const sessions = returns.shipments(order.id);
    for (const item of returns.items(record.id)) {
      const reason = item.reasonCode ? (reasons.get(item.reasonCode) ?? null) : null;
      if (!countsAgainstPacker(reason, item.packingErrorConfirmed)) continue;
      const session = [...sessions].reverse().find((s) => item.lineId === null || s.state.units.some((u) => u.lineId === item.lineId)) ?? sessions.at(-1);
      const packerId = session?.packerId ?? shipped.shipments.at(-1)?.packerId ?? null;
      if (packerId === null) continue;
      returns.attribute(item.id, { sessionId: session?.sessionId ?? null, packerId, at });
      this.journal(call, order, 'returns.packing_error', {
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
   * A deadline that passed while nobody touched the return is journaled as missed when the station
   * next looks (`returns.list` calls this): once per return, with no actor. Answered complaints are
   * done with their deadline. Returns how many were journaled.
   */
  sweepMissedDeadlines(stationId: string): number {
    const { store, returns, clock, journal } = this.deps;
    const now = clock.now();
    return store.transaction(() => {
      let journaled = 0;
      for (const record of returns.listOpen({ limit: 1000, dueBefore: now.toISOString() })) {
        if (record.deadline.kind === 'answer' && record.status !== 'open') continue;
        const order = store.orders.byId(record.orderId);
        if (!order || this.missedJournaled(order, record)) continue;
        journal.append({
          type: 'returns.deadline_missed',
          stationId,
          actorId: null,
          subject: { kind: 'order', id: order.number },
          payload: { returnNumber: record.number, kind: record.deadline.kind, lastDay: record.deadline.lastDay, unattended: true },
        });
        journaled++;
      }
      return journaled;
    });
  }

  private missedJournaled(order: Order, record: ReturnRecord): boolean {
    return this.deps.journal
      .bySubject({ kind: 'order', id: order.number })
      .some((e) => e.type === 'returns.deadline_missed' && (e.payload as { returnNumber?: unknown }).returnNumber === record.number);
  }

  private deadlineEntry(call: CallContext, order: Order, record: ReturnRecord, now: Date): void {
    const met = metDeadline(record.deadline, now);
    // Already journaled as missed while it lay untouched: once is the record.
    if (!met && this.missedJournaled(order, record)) return;
    this.journal(call, order, met ? 'returns.deadline_met' : 'returns.deadline_missed', {
      returnNumber: record.number,
      kind: record.deadline.kind,
      lastDay: record.deadline.lastDay,
    });
  }

  /** The shop hears of the decision in the same transaction, once (the return number is its key); orders not from a shop tell no one. */
  private tellShop(order: Order, record: ReturnRecord, decision: Decision, at: string, stationId: string): void {
    const shop = this.deps.shop;
    const link = shop?.links.externalId(order.id);
    if (!shop || !link) return;
    const lineIds = shop.links.externalLines(order.id);
    const items = this.deps.returns.items(record.id);
    const push: ReturnPush = {
      idempotencyKey: `returned:${link.backend}:${link.externalId}:${record.number}`,
      externalOrderId: link.externalId,
      orderNumber: order.number,
      returnNumber: record.number,
      returnType: record.type,
      lines: items.flatMap((item) =>
        item.lineId !== null && item.condition !== null && item.condition !== 'wrong_item' && item.disposition !== null
          ? [
              {
                externalLineId: lineIds.get(item.lineId) ?? '',
                sku: item.sku ?? '',
                quantity: item.quantity,
                condition: item.condition,
                disposition: item.disposition,
                reason: item.reasonCode ?? '',
              },
            ]
          : [],
      ),
      refund: decision.refund && decision.refund.amountMinor > 0 ? { ...decision.refund, reason: decision.reason ?? record.type } : null,
      note: shopNote(this.deps.store.stations.get(stationId)?.language ?? 'en', record, decision),
    };
    shop.outbox.add({ type: 'returned', orderId: order.id, orderNumber: order.number, idempotencyKey: push.idempotencyKey, payload: push, createdAt: at });
  }

  close(call: CallContext, number: string): ReturnView {
    const userId = requireUser(call);
    const { store, returns, clock } = this.deps;
    const view = store.transaction(() => {
      const record = this.record(number);
      if (record.status !== 'decided') {
        throw new StationFailure('RETURN_WRONG_STATE', `Return ${record.number} must be decided before it is closed.`, { state: record.status, number });
      }
      const order = this.order(record);
      const now = clock.now();
      returns.close(record.id, userId, now.toISOString());
      this.journal(call, order, 'returns.closed', {
        returnNumber: record.number,
        refund: record.refund,
        dispositions: returns.items(record.id).map((i) => ({ itemId: i.id, sku: i.sku, quantity: i.quantity, disposition: i.disposition })),
      });
      if (record.deadline.kind !== 'answer') this.deadlineEntry(call, order, record, now);
      return this.view(record, call);
    });
    this.changed(view.number, view.status);
    return view;
  }

  handlerName(id: number): string {
    return nameOf(this.deps, id);
  }
}

function shippedOn(shipments: { shippedAt: string | null }[], zone: string): string | null {
  const first = shipments.map((s) => s.shippedAt).filter((at): at is string => at !== null)[0];
  return first ? localDateOf(first, zone) : null;
}

/** The note the shop keeps with the order, in the deciding station's language (the shop's staff read it, not us). */
const NOTE_WORDS = {
  en: {
    return: 'Return',
    outcome: 'outcome',
    types: { withdrawal: 'withdrawal', complaint: 'complaint', refused: 'refused or undeliverable parcel', exchange: 'exchange' },
    outcomes: { repair: 'repair', replace: 'replacement', price_reduction: 'price reduction', refund: 'refund', rejected: 'rejected' },
  },
  pl: {
    return: 'Zwrot',
    outcome: 'rozstrzygnięcie',
    types: { withdrawal: 'odstąpienie od umowy', complaint: 'reklamacja', refused: 'przesyłka nieodebrana lub niedoręczona', exchange: 'wymiana' },
    outcomes: { repair: 'naprawa', replace: 'wymiana', price_reduction: 'obniżenie ceny', refund: 'zwrot pieniędzy', rejected: 'odrzucona' },
  },
} as const;

export function shopNote(language: string, record: Pick<ReturnRecord, 'number' | 'type'>, decision: Decision): string {
  const words = language === 'pl' ? NOTE_WORDS.pl : NOTE_WORDS.en;
  return [
    `${words.return} ${record.number} (${words.types[record.type]})`,
    decision.outcome ? `${words.outcome}: ${words.outcomes[decision.outcome]}` : null,
    decision.reason,
  ]
    .filter(Boolean)
    .join('; ');
}
