import { StationFailure } from '../../contract/errors';
import type { PackingView, ScanOutcomeView } from '../../contract/packing';
import { packRefusal, type Order } from '../../domain/order';
import { orderNumberInReturnCode } from '../../domain/returns/return-code';
import { startPacking, type PackingState, type Step } from '../../domain/packing';
import type { CallContext, CommonPorts } from '../context';
import { findOrder } from '../orders';
import type { JournalSubject, PackingRepository, PackingRules, PackingSessionRecord, ScalePort } from '../ports';
import type { Completion } from './complete';
import type { CentralAttachment } from '../central/attachment';
import { sessionLines } from './lines';
import { packingView, productLabel } from './view';

const REFUSALS = {
  cancelled: { code: 'ORDER_CANCELLED', message: 'This order was cancelled; do not pack it.' },
  shipped: { code: 'ORDER_SHIPPED', message: 'This order has already been shipped.' },
  on_hold: { code: 'ORDER_ON_HOLD', message: 'This order is on hold; put it aside for the manager.' },
  open_elsewhere: { code: 'ORDER_OPEN_ELSEWHERE', message: 'This order is open at another station.' },
} as const;

/** What packing uses: its sessions and rules, the station's scale, and what completing an order sets off. */
export interface PackingDeps extends Pick<CommonPorts, 'store' | 'journal' | 'clock' | 'logger' | 'events' | 'stationId'> {
  packing: PackingRepository;
  /** The scale of the station this process runs as; null at a station without one. */
  scale: ScalePort | null;
  /** Checks before, and handlers inside, every completion; declared by createStation. */
  completion: Completion;
  /** Central, when the station is attached: an order is claimed there before it opens here. */
  attachment?: CentralAttachment | null;
}

export interface ActiveSession {
  record: PackingSessionRecord;
  order: Order;
  call: Pick<CallContext, 'stationId'> & { userId: number };
}

/**
 * The station's open session and its packing rules as a caller already read them inside its
 * transaction (scan.submit reads each once per scan); absent, the desk reads them itself.
 */
export interface LoadedSession {
  session: PackingSessionRecord | null;
  rules: PackingRules;
}

/**
 * The station's packing sessions: opening, saving each step with its journal entry in one
 * transaction, and the view the screen shows. The rules themselves are in src/domain/packing.
 * Every step reads the station's session and rules once and hands them on (see LoadedSession).
 */
export class PackingDesk {
  constructor(readonly deps: PackingDeps) {}

  subject(order: { number: string }): JournalSubject {
    return { kind: 'order', id: order.number };
  }

  journal(active: ActiveSession, type: string, payload: Record<string, unknown>): void {
    this.deps.journal.append({
      type,
      stationId: active.call.stationId,
      actorId: active.call.userId,
      subject: this.subject(active.order),
      payload: { sessionId: active.record.id, ...payload },
    });
  }

  view(active: ActiveSession, rules: PackingRules = this.deps.packing.rules(active.call.stationId)): PackingView {
    return packingView(active.record, active.order, rules, (id) => this.deps.store.users.byId(id)?.name ?? `#${id}`);
  }

  /**
   * At an attached station, claims the order `code` names at central before it opens here (or,
   * offline, checks it is leased here). A code that names no packable order is left to open() to
   * refuse in its own words.
   */
  async admit(call: CallContext, code: string): Promise<void> {
    const { attachment, store, packing } = this.deps;
    if (!attachment || !call.user) return;
    // Refusals open() will give anyway are left to it, so no claim is made for an order that will not open here.
    const holding = packing.activeAt(call.stationId);
    if (holding && holding.userId !== call.user.id) return;
    let order: Order;
    try {
      refuseReturnSlip(this.deps, code);
      order = findOrder(this.deps, code);
    } catch {
      return;
    }
    const openAt = store.orders.openAt(order.id);
    if (packRefusal(order.status, openAt, call.stationId)) return;
    await attachment.admitOpen(order.number, openAt === call.stationId);
  }

  /** Opens (or resumes) the packing session of the order a packer scanned or picked. */
  open(call: CallContext, code: string): PackingView {
    requireUser(call);
    const { store, packing, events } = this.deps;
    const view = store.transaction(() => this.openIn(call, code, { session: packing.activeAt(call.stationId), rules: packing.rules(call.stationId) }));
    events.emit('queue.changed', { stationId: null });
    return view;
  }

  /**
   * open() inside the caller's transaction, with the station's session and rules as read there.
   * The caller tells the queue (queue.changed) once its transaction has committed.
   */
  openIn(call: CallContext, code: string, loaded: LoadedSession): PackingView {
    const userId = requireUser(call);
    const { store, packing, clock } = this.deps;
    refuseReturnSlip(this.deps, code);
    const order = findOrder(this.deps, code);
    const openAt = store.orders.openAt(order.id);
    const refusal = packRefusal(order.status, openAt, call.stationId);
    if (refusal) {
      const { code: errorCode, message } = REFUSALS[refusal];
      throw new StationFailure(errorCode, message, { order: order.number, ...(openAt ? { station: openAt } : {}) });
    }
    const holding = loaded.session;
    if (holding && holding.userId !== userId) throw this.busy(holding);
    const at = clock.now().toISOString();
    // A station packs one order at a time: the one it had open goes back to the queue, progress kept.
    store.orders.unlockStation(call.stationId, order.id);
    if (openAt !== call.stationId) store.orders.lock(order.id, call.stationId, userId, at);
    let record = packing.openFor(order.id);
    let resumed = record !== null;
    if (record && (record.stationId !== call.stationId || record.userId !== userId)) {
      packing.reassign(record.id, call.stationId, userId, at);
      record = { ...record, stationId: call.stationId, userId };
    }
    if (!record) {
      record = packing.create({
        orderId: order.id,
        stationId: call.stationId,
        userId,
        state: startPacking(order.id, order.number, sessionLines(store, order)),
        openedAt: at,
      });
      resumed = false;
    }
    const active: ActiveSession = { record, order, call: { ...call, userId } };
    this.journal(active, resumed ? 'pack.resumed' : 'pack.opened', { units: record.state.units.length });
    return this.view(active, loaded.rules);
  }

  /**
   * The session open at the calling station, or PACKING_NOT_OPEN. The station's scanner and scale
   * are in the hands of whoever packs its open order: another person logged in there (another
   * browser, another window) cannot drive it. `session` is the station's session when the caller
   * has read it already.
   */
  active(call: CallContext, session?: PackingSessionRecord | null): ActiveSession {
    const userId = requireUser(call);
    const record = session === undefined ? this.deps.packing.activeAt(call.stationId) : session;
    if (!record) throw new StationFailure('PACKING_NOT_OPEN', 'No order is open at this station; scan an order first.');
    if (record.userId !== userId) throw this.busy(record);
    const order = this.deps.store.orders.byId(record.orderId);
    if (!order) throw new StationFailure('ORDER_NOT_FOUND', 'The open order is no longer in the database.');
    return { record, order, call: { ...call, userId } };
  }

  current(call: CallContext): PackingView | null {
    if (!call.user) return null;
    const record = this.deps.packing.activeAt(call.stationId);
    return record && record.userId === call.user.id ? this.view(this.active(call, record)) : null;
  }

  /** Puts the station's open order back in the queue, progress kept, when its packer's login ends. */
  putBackAfterLogout(stationId: string, userId: number, loginId: number): void {
    const record = this.deps.packing.activeAt(stationId);
    if (!record || record.userId !== userId) return;
    const order = this.deps.store.orders.byId(record.orderId);
    if (!order) return;
    this.deps.store.transaction(() => {
      this.deps.store.orders.unlock(order.id, stationId);
      this.journal({ record, order, call: { stationId, userId } }, 'pack.put_back', { units: record.state.units.length, reason: 'logout', loginId });
    });
    this.deps.events.emit('queue.changed', { stationId: null });
  }

  private busy(record: PackingSessionRecord): StationFailure {
    const packer = this.deps.store.users.byId(record.userId)?.name ?? `#${record.userId}`;
    const order = this.deps.store.orders.byId(record.orderId)?.number ?? String(record.orderId);
    return new StationFailure('STATION_BUSY', `${packer} is packing order ${order} at this station.`, { user: packer, order });
  }

  /**
   * Runs one change of the session's state and saves it with its journal entry, atomically. The
   * session and rules are read once (or taken from `loaded`) and serve the change and the view.
   */
  change(
    call: CallContext,
    type: string,
    apply: (active: ActiveSession, rules: PackingRules) => { state: PackingState; payload: Record<string, unknown> },
    loaded?: LoadedSession,
  ): PackingView {
    return this.deps.store.transaction(() => {
      const active = this.active(call, loaded?.session);
      const rules = loaded?.rules ?? this.deps.packing.rules(call.stationId);
      const { state, payload } = apply(active, rules);
      this.deps.packing.save(active.record.id, state, this.deps.clock.now().toISOString());
      const next = { ...active, record: { ...active.record, state } };
      this.journal(next, type, payload);
      return this.view(next, rules);
    });
  }

  /**
   * Name and SKU of a product an outcome names: from the order, or, for an item that is not in
   * the order (a wrong item), from the catalogue, so the packer hears what they picked up.
   */
  private label(state: PackingState, productId: number): { sku: string; name: string } | null {
    const product = productLabel(state, productId) ?? this.deps.store.catalog.productById(productId);
    return product ? { sku: product.sku, name: product.name } : null;
  }

  /** A scan-like step: the outcome is journaled with the raw data, before the verdict reaches the screen. */
  step(
    call: CallContext,
    type: string,
    run: (active: ActiveSession, rules: PackingRules) => Step,
    raw: Record<string, unknown>,
    loaded?: LoadedSession,
  ): { outcome: ScanOutcomeView; view: PackingView } {
    let outcome: ScanOutcomeView | null = null;
    const view = this.change(
      call,
      type,
      (active, rules) => {
        const step = run(active, rules);
        const label = step.outcome.productId === null ? null : this.label(step.state, step.outcome.productId);
        const { verdict, units, codeUnits, lineNeeds, code } = step.outcome;
        outcome = {
          verdict,
          sku: label?.sku ?? null,
          name: label?.name ?? null,
          units,
          ...(codeUnits !== undefined ? { codeUnits } : {}),
          ...(lineNeeds !== undefined ? { lineNeeds } : {}),
          ...(code !== undefined ? { code: shownCode(code) } : {}),
        };
        const unit = step.outcome.units > 0 ? step.state.units.at(-1) : undefined;
        return {
          state: step.state,
          payload: {
            ...raw,
            verdict: step.outcome.verdict,
            lineId: step.outcome.lineId,
            sku: outcome.sku,
            units: step.outcome.units,
            ...(unit ? { serial: unit.serial, lot: unit.lot, expiry: unit.expiry, parcel: unit.parcelNo } : {}),
          },
        };
      },
      loaded,
    );
    return { outcome: outcome!, view };
  }
}

/** A code as the banner shows it: whole unless it is longer than anyone reads off a screen. */
const SHOWN_CODE_LENGTH = 64;

function shownCode(code: string): string {
  return code.length <= SHOWN_CODE_LENGTH ? code : `${code.slice(0, SHOWN_CODE_LENGTH)}…`;
}

/**
 * A packing slip's return code (RET-…) scanned at a packing station: the parcel came back and
 * belongs at the returns desk, which is said instead of "already shipped". An order whose own
 * number or reference happens to read so is opened as usual.
 */
function refuseReturnSlip(deps: Pick<PackingDeps, 'store'>, code: string): void {
  const number = orderNumberInReturnCode(code);
  if (number === null || deps.store.orders.byNumber(code) || deps.store.orders.byReference(code)) return;
  const order = deps.store.orders.byNumber(number)?.number ?? number;
  throw new StationFailure('RETURN_SLIP_AT_PACKING', `This is the return code of order ${order}: the parcel is a return. Take it to the returns desk.`, {
    order,
  });
}

export function requireUser(call: CallContext): number {
  if (!call.user) throw new StationFailure('NOT_LOGGED_IN', 'Log in first.');
  return call.user.id;
}
