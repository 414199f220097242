import type { BackendKind } from '../../contract/sync';
import { SyncFailure, type PullPage, type RemoteOrder, type ShopBackend } from '../ports/backend';
import type { CentralLink } from '../ports/central';

/** How many orders and products an attached station takes from central per page (one transaction each). */
export const CENTRAL_PAGE = 200;

/** Where an attached station keeps its place in central's order feed (a name of its own: a shop's cursor means nothing there). */
export const CENTRAL_ORDERS_CURSOR = 'central:orders';

function refuse(what: string): never {
  throw new SyncFailure('refused', `An attached station does not ${what} itself: central does it for the warehouse.`);
}

/**
 * Central's copy of the shop, read as a shop: what an attached station's pull (pull.ts, the same
 * writer as when it pulls the shop itself) fetches its orders from. `kind` is the shop central
 * pulls from, so orders are linked as they would be pulled directly and the events their packing
 * writes name the shop's own ids. Central's feed carries every change (central asks the shop about
 * open orders itself), so orders are not asked for again by id, and the products come with the
 * pages that name them or changed.
 */
export function centralOrderSource(central: Pick<CentralLink, 'orderChanges'>, kind: BackendKind): ShopBackend {
  return {
    kind,
    testConnection: () => refuse('test the shop connection'),
    async pullProducts() {
      return { items: [], cursor: null, more: false, total: 0 };
    },
    async pullOrders(cursor): Promise<PullPage<RemoteOrder>> {
      const answer = await central.orderChanges(cursor, CENTRAL_PAGE);
      if (!answer.reached)
        throw new SyncFailure('unreachable', `Central cannot be reached, so no new orders come in; the station packs the orders it has: ${answer.why}`);
      const { orders, products, cursor: next, more } = answer.value;
      return { items: orders, products, productsAreCurrent: true, cursor: next, more, total: null };
    },
    async ordersById() {
      return [];
    },
    hasShipment: () => refuse('send shipments to the shop'),
    pushShipment: () => refuse('send shipments to the shop'),
    pushNote: () => refuse('send notes to the shop'),
    hasReturn: () => refuse('send returns to the shop'),
    pushReturn: () => refuse('send returns to the shop'),
    fetchLabel: () => refuse('fetch labels from the shop'),
  };
}
