import { create } from 'zustand';
import type { StationError } from '../../../src/contract/errors';
import type { CurrentLogin, UserSummary } from '../../../src/contract/schemas';
import { call } from '../../api/client';

type Mode = 'badge' | 'pin';

interface LoginState {
  mode: Mode;
  users: UserSummary[];
  chosenUser: UserSummary | null;
  busy: boolean;
  error: StationError | null;
  /** Increments on every failure, so the same error twice still sounds twice. */
  attempt: number;
  /** A badge that needs its owner's PIN too (managers, admins, stations that ask for it). */
  badge: string | null;
  /** A badge scan is on its way through the core's scan pipeline (renderer/scanner/scans.ts). */
  setBusy(busy: boolean): void;
  /** The core refused a badge. */
  failed(error: StationError): void;
  /** The badge was known and its owner must add the PIN: ask for it, keeping the badge. */
  needPin(badge: string, user: UserSummary): void;
  showPin(): Promise<void>;
  showBadge(): void;
  choose(user: UserSummary | null): void;
  withPin(pin: string): Promise<CurrentLogin | null>;
  clearError(): void;
  reset(): void;
}

const initial = { mode: 'badge' as Mode, users: [], chosenUser: null, busy: false, error: null, attempt: 0, badge: null };

export const useLoginStore = create<LoginState>()((set, get) => ({
  ...initial,

  setBusy(busy) {
    if (get().busy !== busy) set({ busy });
  },

  failed(error) {
    set((s) => ({ busy: false, error, attempt: s.attempt + 1 }));
  },

  needPin(badge, user) {
    set({ mode: 'pin', chosenUser: user, badge, busy: false, error: null });
  },

  async showPin() {
    set({ mode: 'pin', chosenUser: null, error: null, badge: null });
    const users = await call('auth.users', {});
    if (users.ok) set({ users: users.value });
    else set((s) => ({ error: users.error, attempt: s.attempt + 1 }));
  },

  showBadge() {
    set({ mode: 'badge', chosenUser: null, error: null, badge: null });
  },

  choose(user) {
    set({ chosenUser: user, error: null, badge: null });
  },

  async withPin(pin) {
    const { chosenUser: user, badge } = get();
    if (!user || !pin || get().busy) return null;
    set({ busy: true });
    const result = badge ? await call('auth.badge', { badge, pin }) : await call('auth.pin', { userId: user.id, pin });
    if (!result.ok) {
      set((s) => ({ busy: false, error: result.error, attempt: s.attempt + 1 }));
      return null;
    }
    set({ ...initial });
    return result.value;
  },

  clearError() {
    set({ error: null });
  },

  reset() {
    set({ ...initial });
  },
}));
