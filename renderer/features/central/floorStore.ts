import { create } from 'zustand';
import type { CentralFloorView } from '../../../src/contract/central';
import type { StationError } from '../../../src/contract/errors';
import { call } from '../../api/client';

interface FloorState {
  floor: CentralFloorView | null;
  error: StationError | null;
  /** The event last sent again, and whether central still had it parked. */
  requeued: { id: number; requeued: boolean } | null;
  load(): Promise<void>;
  requeue(centralId: number): Promise<void>;
  reset(): void;
}

const initial = { floor: null, error: null, requeued: null };

/** Central's replication alarms and parked shop events, as the stations tab last read them. */
export const useFloorStore = create<FloorState>()((set, get) => ({
  ...initial,
  async load() {
    const result = await call('central.floor', {});
    set(result.ok ? { floor: result.value, error: null } : { error: result.error });
  },
  async requeue(centralId) {
    set({ error: null, requeued: null });
    const result = await call('central.requeue', { centralId });
    if (!result.ok) return set({ error: result.error });
    set({ requeued: { id: centralId, requeued: result.value.requeued } });
    await get().load();
  },
  reset: () => set(initial),
}));
