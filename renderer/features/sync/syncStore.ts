import { create } from 'zustand';
import type { StationError } from '../../../src/contract/errors';
import type { BackendSettings, SyncProgress, SyncRun, SyncStatus } from '../../../src/contract/sync';
import { call, subscribe } from '../../api/client';

interface SyncState {
  status: SyncStatus | null;
  settings: BackendSettings | null;
  /** Typed by the manager; sent once on save and then forgotten. */
  secret: string;
  progress: SyncProgress | null;
  lastRun: SyncRun | null;
  shopName: string | null;
  busy: boolean;
  saved: boolean;
  /** The last save deleted the stored secret because the address or shop system changed. */
  secretDropped: boolean;
  error: StationError | null;
  load(manager: boolean): Promise<void>;
  edit(settings: BackendSettings): void;
  setSecret(secret: string): void;
  save(): Promise<void>;
  test(): Promise<void>;
  syncNow(): Promise<void>;
  decide(eventId: number, decision: 'retry' | 'dismiss'): Promise<void>;
  /** Follows the core's sync events while the panel is open; returns the unsubscribe. */
  follow(): () => void;
  reset(): void;
}

const initial = {
  status: null,
  settings: null,
  secret: '',
  progress: null,
  lastRun: null,
  shopName: null,
  busy: false,
  saved: false,
  secretDropped: false,
  error: null,
};

/** The sync panel's state: what the core says about sync, and the manager's unsaved edits. */
export const useSyncStore = create<SyncState>()((set, get) => ({
  ...initial,
  async load(manager) {
    const status = await call('sync.status', {});
    if (status.ok) set({ status: status.value });
    if (!manager) return;
    const settings = await call('sync.settings.get', {});
    set(settings.ok ? { settings: settings.value } : { error: settings.error });
  },
  edit: (settings) => set({ settings, saved: false }),
  setSecret: (secret) => set({ secret, saved: false }),
  async save() {
    const { settings, secret } = get();
    if (!settings) return;
    set({ busy: true, error: null });
    const result = await call('sync.settings.set', { settings, ...(secret ? { secret } : {}) });
    if (!result.ok) return set({ busy: false, error: result.error });
    const { secretDropped, ...status } = result.value;
    set({ busy: false, status, secret: '', saved: true, secretDropped });
  },
  async test() {
    set({ busy: true, error: null, shopName: null });
    const result = await call('sync.test', {});
    set(result.ok ? { busy: false, shopName: result.value.shopName } : { busy: false, error: result.error });
  },
  async syncNow() {
    set({ busy: true, error: null, progress: null });
    const result = await call('sync.now', {});
    set(result.ok ? { busy: false, lastRun: result.value, progress: null } : { busy: false, error: result.error, progress: null });
    const status = await call('sync.status', {});
    if (status.ok) set({ status: status.value });
  },
  async decide(eventId, decision) {
    const result = await call(decision === 'retry' ? 'sync.parked.retry' : 'sync.parked.dismiss', { eventId });
    set(result.ok ? { status: result.value } : { error: result.error });
  },
  follow() {
    const offProgress = subscribe('sync.progress', (progress) => set({ progress }));
    const offChanged = subscribe('sync.changed', () => {
      void call('sync.status', {}).then((status) => status.ok && set({ status: status.value }));
    });
    return () => {
      offProgress();
      offChanged();
    };
  },
  reset: () => set({ ...initial }),
}));
