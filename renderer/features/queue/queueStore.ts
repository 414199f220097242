import { create } from 'zustand';
import type { StationError } from '../../../src/contract/errors';
import type { UnprintedLabelView } from '../../../src/contract/printing';
import type { OrderSummary } from '../../../src/contract/schemas';
import { call } from '../../api/client';

export const QUEUE_PAGE_SIZE = 15;

interface QueueState {
  search: string;
  offset: number;
  orders: OrderSummary[];
  total: number;
  /** Orders this station shipped whose label has not printed: shown above the queue until it does. */
  labelsNotPrinted: UnprintedLabelView[];
  selected: number;
  /** The packer chose a row (arrows, click) since the search last changed. */
  chosen: boolean;
  loading: boolean;
  loaded: boolean;
  error: StationError | null;
  setSearch(search: string): void;
  load(): Promise<void>;
  page(direction: 1 | -1): Promise<void>;
  select(index: number): void;
  reset(): void;
}

const initial = { search: '', offset: 0, orders: [], total: 0, labelsNotPrinted: [], selected: 0, chosen: false, loading: false, loaded: false, error: null };

/** The packer's home list; the core filters and pages, the screen only asks. */
export const useQueueStore = create<QueueState>()((set, get) => {
  // Only the newest request may write its answer: a slow old search must not overwrite a new one.
  let requestId = 0;
  return {
    ...initial,

    setSearch(search) {
      set({ search, offset: 0, selected: 0, chosen: false });
    },

    async load() {
      const id = ++requestId;
      const { search, offset } = get();
      set({ loading: true });
      const trimmed = search.trim();
      const result = await call('queue.list', { limit: QUEUE_PAGE_SIZE, offset, ...(trimmed ? { search: trimmed } : {}) });
      if (id !== requestId) return;
      if (!result.ok) return set({ loading: false, error: result.error });
      const { orders, total, labelsNotPrinted } = result.value;
      set((s) => ({
        loading: false,
        loaded: true,
        error: null,
        orders,
        total,
        labelsNotPrinted,
        selected: Math.min(s.selected, Math.max(0, orders.length - 1)),
      }));
    },

    async page(direction) {
      const { offset, total } = get();
      const next = offset + direction * QUEUE_PAGE_SIZE;
      if (next < 0 || next >= total) return;
      set({ offset: next, selected: 0 });
      await get().load();
    },

    select(index) {
      const count = get().orders.length;
      if (count === 0) return;
      set({ selected: Math.max(0, Math.min(count - 1, index)), chosen: true });
    },

    reset() {
      requestId++;
      set({ ...initial });
    },
  };
});
