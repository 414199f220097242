import type { Clock, Journal, Logger, Store } from '../ports';
import type { RemoteOrder, SyncOrderLinks } from '../ports/backend';

export interface ChangeDeps {
  store: Store;
  links: SyncOrderLinks;
  journal: Journal;
  clock: Clock;
  logger: Logger;
  stationId: string;
}

export type ChangeKind = 'none' | 'cancelled' | 'held' | 'released' | 'lines' | 'flagged';

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
  // A flag stays until a manager deals with the order; the next sync does not raise it again.
  const flag = (reason: string, code: string): ChangeKind => {
    if (deps.links.isFlagged(orderId)) return 'none';
    deps.links.flag(orderId, reason, deps.clock.now().toISOString());
    record('sync.flagged', { reason: code });
    deps.logger.warn('order flagged for a manager', { order: order.number, reason: code });
    return 'flagged';
  };

  if (remote.status === 'cancelled') {
    if (order.status === 'cancelled') return 'none';
    if (packed) return flag('The shop cancelled this order after it was packed; stop the parcel or arrange a return.', 'cancelled_after_packing');
    deps.store.orders.setStatus(orderId, 'cancelled');
    record('sync.cancelled', { openAt: deps.store.orders.openAt(orderId) });
    return 'cancelled';
  }
  if (packed) return 'none';
  if (remote.status === 'shipped') return flag('The shop says this order has already shipped, but the station has not packed it.', 'shipped_elsewhere');
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
    if (deps.links.packingStarted(orderId)) return flag('The shop changed the lines of this order while it was being packed.', 'lines_changed_while_packing');
    deps.links.replaceLines(orderId, remote.lines);
    record('sync.lines_changed', { lines: remote.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })) });
    return 'lines';
  }
  return 'none';
}
