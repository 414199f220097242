import type { ShopBackend } from '../../src/app/ports/backend';

const NOTHING = async () => ({ items: [], cursor: null, more: false, total: 0 });

/**
 * A shop backend that has nothing and accepts everything, with `answers` in place of the methods a
 * test cares about: the shop a station talks to in tests that are about the station's side.
 */
export function shopBackend(answers: Partial<ShopBackend> = {}): ShopBackend {
  return {
    kind: 'file',
    testConnection: async () => ({ shopName: 'test shop' }),
    pullProducts: NOTHING,
    pullOrders: NOTHING,
    ordersById: async () => [],
    hasShipment: async () => false,
    pushShipment: async () => ({ remoteRef: 'x' }),
    pushNote: async () => undefined,
    hasReturn: async () => false,
    pushReturn: async () => ({ remoteRef: 'x' }),
    fetchLabel: async () => null,
    ...answers,
  };
}
