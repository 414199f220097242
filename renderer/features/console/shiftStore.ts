import { create } from 'zustand';
import type { StationError } from '../../../src/contract/errors';
import type { EndOfDayView, ShiftView } from '../../../src/contract/shift';
import { call } from '../../api/client';

interface ShiftState {
  view: ShiftView | null;
  loading: boolean;
  error: StationError | null;
  /** The order being released, to disable its button meanwhile. */
  releasing: string | null;
  endOfDay: EndOfDayView | null;
  load(): Promise<void>;
  loadEndOfDay(): Promise<void>;
  release(orderNumber: string): Promise<void>;
  reset(): void;
}

const initial = { view: null, loading: false, error: null, releasing: null, endOfDay: null };

/** The shift at a glance and the end of the day as last read; `shift.changed` events make the panels read them again. */
export const useShiftStore = create<ShiftState>()((set) => ({
  ...initial,
  async load() {
    set({ loading: true });
    const view = await call('shift.view', {});
    if (!view.ok) return set({ loading: false, error: view.error });
    set({ loading: false, view: view.value, error: null });
  },
  async loadEndOfDay() {
    const day = await call('shift.endOfDay', {});
    if (!day.ok) return set({ error: day.error });
    set({ endOfDay: day.value, error: null });
  },
  async release(orderNumber) {
    set({ releasing: orderNumber, error: null });
    const view = await call('shift.release', { orderNumber });
    if (!view.ok) return set({ releasing: null, error: view.error });
    set({ releasing: null, view: view.value });
  },
  reset: () => set({ ...initial }),
}));
