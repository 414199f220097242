import { create } from 'zustand';
import type { StationError } from '../../../src/contract/errors';
import type { OrderDetail } from '../../../src/contract/schemas';
import { call } from '../../api/client';

interface PackState {
  order: OrderDetail | null;
  /** The code being opened, shown while the core answers. */
  opening: string | null;
  /** Why the last code could not be opened; must be acknowledged before anything else. */
  refusal: { code: string; error: StationError } | null;
  open(code: string): Promise<boolean>;
  close(): Promise<void>;
  acknowledge(): void;
  reset(): void;
}

const initial = { order: null, opening: null, refusal: null };

/** The order open at this station (the packing screen grows here). */
export const usePackStore = create<PackState>()((set, get) => ({
  ...initial,

  async open(code) {
    const trimmed = code.trim();
    if (!trimmed || get().opening || get().refusal) return false;
    set({ opening: trimmed });
    const result = await call('orders.open', { code: trimmed });
    if (!result.ok) {
      set({ opening: null, refusal: { code: trimmed, error: result.error } });
      return false;
    }
    set({ opening: null, order: result.value });
    return true;
  },

  async close() {
    const order = get().order;
    if (!order) return;
    set({ order: null });
    await call('orders.close', { orderId: order.id });
  },

  acknowledge() {
    set({ refusal: null });
  },

  reset() {
    set({ ...initial });
  },
}));
