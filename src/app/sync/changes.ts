import type { Order } from '../../domain/order';
import type { Clock, Journal, Logger, OrderDetails, Store } from '../ports';
import type { RemoteOrder, SyncOrderLinks } from '../ports/backend';
import type { SyncFlagReason } from '../../contract/sync';
import { toNewOrder } from './pull';

export interface ChangeDeps {
  store: Store;
  links: SyncOrderLinks;
  journal: Journal;
  clock: Clock;
  logger: Logger;
  stationId: string;
}

export type ChangeKind = 'none' | 'cancelled' | 'held' | 'released' | 'lines' | 'details' | 'flagged';

/** Parts of an order's details the shop can change, as its journal entry names them. */
export type DetailPart = 'customer' | 'address' | 'carrier' | 'pickupPoint' | 'cod' | 'declaredValue' | 'note';

/** The parts that decide the label: changed after packing, the parcel may carry the wrong one. */
const ON_THE_LABEL: ReadonlySet<DetailPart> = new Set(['address', 'carrier', 'pickupPoint', 'cod']);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Which details the shop's record (`now`, read as a new order) says otherwise than the station's order, in the journal's words. */
export function changedDetails(order: Order, now: OrderDetails): DetailPart[] {
  const a = order.shipTo;
  const b = now.shipTo;
  const address = [a.name, a.company, a.street, a.city, a.postcode, a.country, a.phone, a.email];
  const parts: [DetailPart, boolean][] = [
    ['customer', order.customerName === now.customerName],
    ['address', same(address, [b.name, b.company, b.street, b.city, b.postcode, b.country, b.phone, b.email])],
    ['carrier', order.carrierCode === now.carrierCode && order.service === now.service],
    ['pickupPoint', same(order.delivery?.pickupPoint, now.delivery?.pickupPoint)],
    ['cod', same(order.delivery?.cod, now.delivery?.cod)],
    ['declaredValue', same(order.delivery?.declaredValue, now.delivery?.declaredValue)],
    ['note', (order.note ?? null) === (now.note ?? null)],
  ];
  return parts.filter(([, unchanged]) => !unchanged).map(([part]) => part);
}

function sameLines(a: { sku: string; quantity: number }[], b: { sku: string; quantity: number }[]): boolean {
  const key = (lines: { sku: string; quantity: number }[]) =>
    lines
      .map((l) => `${l.sku}\u0000${l.quantity}`)
      .sort()
      .join('\u0001');
  return key(a) === key(b);
}

/**
 * What the shop changed about an order the station already has. Cancelling an order that is
 * open at a station is enough to stop its completion (the core checks the status); an order
 * the shop cancels after it was packed can no longer be stopped here, so a manager is told.
 */
export function applyRemoteChange(deps: ChangeDeps, orderId: number, remote: RemoteOrder): ChangeKind {
  const order = deps.store.orders.byId(orderId);
  if (!order) return 'none';
  const packed = order.status === 'shipped' || order.status === 'partially_shipped';
  const record = (type: string, payload: Record<string, unknown>) =>
    deps.journal.append({ type, stationId: deps.stationId, actorId: null, subject: { kind: 'order', id: order.number }, payload });
  // A flag stays until a manager deals with the order; the next sync does not raise it again. It
  // keeps the reason's code: the screen says it in the manager's language.
  const flag = (code: SyncFlagReason): ChangeKind => {
    if (deps.links.isFlagged(orderId)) return 'none';
    deps.links.flag(orderId, code, deps.clock.now().toISOString());
    record('sync.flagged', { reason: code });
    deps.logger.warn('order flagged for a manager', { order: order.number, reason: code });
    return 'flagged';
  };

  // Where and how it ships follows the shop until the order is packed (the label is made at
  // completion, from the order as it is then); after, a change that decides the label is a manager's.
  const now = toNewOrder(remote);
  const details = changedDetails(order, now);
  let changed: ChangeKind = 'none';
  if (details.length > 0 && !packed) {
    deps.links.replaceDetails(orderId, now, deps.clock.now().toISOString());
    record('sync.details_changed', { parts: details });
    changed = 'details';
  } else if (details.some((part) => ON_THE_LABEL.has(part)) && remote.status !== 'cancelled') {
    return flag('details_changed_after_packing');
  }

  if (remote.status === 'cancelled') {
    if (order.status === 'cancelled') return changed;
    if (packed) return flag('cancelled_after_packing');
    deps.store.orders.setStatus(orderId, 'cancelled');
    record('sync.cancelled', { openAt: deps.store.orders.openAt(orderId) });
    return 'cancelled';
  }
  if (packed) return 'none';
  if (remote.status === 'shipped') return flag('shipped_elsewhere');
  if (remote.status === 'on_hold' && order.status === 'ready') {
    deps.store.orders.setStatus(orderId, 'on_hold');
    record('sync.held', {});
    return 'held';
  }
  if (remote.status === 'ready' && order.status === 'on_hold') {
    deps.store.orders.setStatus(orderId, 'ready');
    record('sync.released', {});
    return 'released';
  }
  if (!sameLines(order.lines, remote.lines)) {
    if (deps.links.packingStarted(orderId)) return flag('lines_changed_while_packing');
    deps.links.replaceLines(orderId, remote.lines);
    record('sync.lines_changed', { lines: remote.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })) });
    return 'lines';
  }
  return changed;
}
