import { create } from 'zustand';
import type { StationError } from '../../../src/contract/errors';
import { call } from '../../api/client';

interface SettingsState {
  visible: boolean;
  backingUp: boolean;
  backup: { file: string; bytes: number } | null;
  error: StationError | null;
  show(): void;
  hide(): void;
  backupNow(): Promise<void>;
  reset(): void;
}

const initial = { visible: false, backingUp: false, backup: null, error: null };

/** The managers' station panel: for now the station's facts and an on-demand backup. */
export const useSettingsStore = create<SettingsState>()((set) => ({
  ...initial,
  show: () => set({ visible: true, backup: null, error: null }),
  hide: () => set({ visible: false }),
  async backupNow() {
    set({ backingUp: true, backup: null, error: null });
    const result = await call('admin.backup', {});
    set(result.ok ? { backingUp: false, backup: result.value } : { backingUp: false, error: result.error });
  },
  reset: () => set({ ...initial }),
}));
