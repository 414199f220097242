import { create } from 'zustand';
import { call, subscribe } from '../../api/client';

interface CentralState {
  /** Attached to central and central did not answer last time: the station packs its leased orders only. */
  offline: boolean;
  leases: number;
  load(): Promise<void>;
  /** Follows central.changed while logged in; returns the unsubscribe. */
  follow(): () => void;
  reset(): void;
}

const initial = { offline: false, leases: 0 };

export const useCentralStore = create<CentralState>((set) => ({
  ...initial,
  async load() {
    const status = await call('central.status', {});
    if (status.ok) set({ offline: status.value.attached && !status.value.online, leases: status.value.leases.length });
  },
  follow() {
    return subscribe('central.changed', (event) => set({ offline: !event.online, leases: event.leases }));
  },
  reset: () => set({ ...initial }),
}));
