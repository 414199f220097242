import { StationFailure } from '../../contract/errors';
import type { CentralStatus } from '../../contract/central';
import type { CommonPorts } from '../context';
import type { CentralLeaseBook, CentralLink, PackedOrderHandler } from '../ports';

export interface AttachmentDeps extends Pick<CommonPorts, 'store' | 'clock' | 'logger' | 'events'> {
  central: CentralLink;
  /** The leases and untold completions, in the station's database so they outlive a restart. */
  book: CentralLeaseBook;
  /** How many of its next orders the station keeps on lease for working offline. */
  leaseBatch: number;
}

/**
 * A station attached to central. Opening an order claims it at central first; while central
 * answers, the station keeps a lease on its next few orders, and when central cannot be reached
 * it packs those, and only those, until their leases end. The station's SQLite stays its working
 * copy: central only decides who holds an order.
 */
export class CentralAttachment {
  private online = true;

  constructor(private readonly deps: AttachmentDeps) {}

  status(): CentralStatus {
    const now = this.deps.clock.now();
    return {
      attached: true,
      online: this.online,
      leases: this.deps.book
        .leases()
        .filter((l) => l.expiresAt > now)
        .map((l) => ({ orderNumber: l.orderNumber, expiresAt: l.expiresAt.toISOString() })),
    };
  }

  /**
   * Lets `orderNumber` be opened at `stationId` or throws the refusal: held by another station
   * (ORDER_OPEN_ELSEWHERE, naming it), or central unreachable and the order not leased here
   * (ORDER_NOT_LEASED). An order already open at this host was claimed when it was opened.
   */
  async admitOpen(orderNumber: string, openHere: boolean): Promise<void> {
    const claimed = await this.deps.central.claim(orderNumber);
    if (claimed.reached) {
      this.setOnline(true);
      if (claimed.value.won) return;
      const station = claimed.value.heldBy;
      throw new StationFailure('ORDER_OPEN_ELSEWHERE', `The order is open at station ${station}.`, { order: orderNumber, station });
    }
    this.wentOffline(claimed.why);
    if (openHere) return;
    const leases = this.status().leases;
    if (leases.some((l) => l.orderNumber === orderNumber)) return;
    const held = leases.length;
    throw new StationFailure(
      'ORDER_NOT_LEASED',
      `Central cannot be reached, so this station packs only the ${held} order(s) it holds on lease; order ${orderNumber} is not one of them.`,
      { order: orderNumber, count: held },
    );
  }

  /** Tells central of completions it has not heard of, then renews the lease on the station's next orders. */
  async renew(stationId: string): Promise<void> {
    if (!(await this.tellCompletions())) return;
    // More candidates than wanted: another station may hold some of the first ones.
    const queue = this.deps.store.orders
      .queue({ stationId, search: '', limit: this.deps.leaseBatch * 4, offset: 0 })
      .orders.filter((o) => o.status === 'ready');
    // An order opened here while offline (a leased one) is claimed for good before its lease is let go.
    for (const o of queue.filter((q) => q.openAtStation === stationId)) {
      const claimed = await this.deps.central.claim(o.number);
      if (!claimed.reached) return this.wentOffline(claimed.why);
      if (!claimed.value.won)
        this.deps.logger.error('central: an order open here is held by another station', { orderNumber: o.number, heldBy: claimed.value.heldBy });
    }
    const candidates = queue.filter((o) => o.openAtStation === null).map((o) => o.number);
    const leased = await this.deps.central.lease(candidates, this.deps.leaseBatch);
    if (!leased.reached) return this.wentOffline(leased.why);
    this.deps.book.replace(leased.value);
    this.setOnline(true, true);
  }

  /** A manager lets an order go at central, whoever held it. */
  async release(orderNumber: string): Promise<string | null> {
    const released = await this.deps.central.release(orderNumber);
    if (!released.reached) {
      this.wentOffline(released.why);
      throw new StationFailure('CENTRAL_UNREACHABLE', 'Central cannot be reached; release the order again once it is back.', { order: orderNumber });
    }
    this.setOnline(true);
    this.deps.logger.info('central: order released', { orderNumber, releasedFrom: released.value });
    return released.value;
  }

  /** Completion records the order for central inside its transaction; renew() tells central after. */
  readonly onPacked: PackedOrderHandler = {
    name: 'central',
    onPacked: (order) => this.deps.book.packed(order.orderNumber, order.completedAt),
  };

  /** False when central could not be reached. */
  private async tellCompletions(): Promise<boolean> {
    for (const orderNumber of this.deps.book.untold()) {
      const told = await this.deps.central.complete(orderNumber);
      if (!told.reached) {
        this.wentOffline(told.why);
        return false;
      }
      if (!told.value) this.deps.logger.warn('central: packed an order another station holds', { orderNumber });
      this.deps.book.told(orderNumber);
    }
    return true;
  }

  private wentOffline(why: string): void {
    if (this.online) this.deps.logger.warn('central unreachable: packing leased orders only', { why, leases: this.status().leases.length });
    this.setOnline(false);
  }

  private setOnline(online: boolean, leasesChanged = false): void {
    if (online === this.online && !leasesChanged) return;
    if (online && !this.online) this.deps.logger.info('central reachable again');
    this.online = online;
    this.deps.events.emit('central.changed', { stationId: null, online, leases: this.status().leases.length });
  }
}
