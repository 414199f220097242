import { create } from 'zustand';
import type { StationError } from '../../../src/contract/errors';
import type { LoginSession, UserSummary } from '../../../src/contract/schemas';
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
  withBadge(badge: string): Promise<LoginSession | null>;
  showPin(): Promise<void>;
  showBadge(): void;
  choose(user: UserSummary | null): void;
  withPin(pin: string): Promise<LoginSession | null>;
  clearError(): void;
  reset(): void;
}

const initial = { mode: 'badge' as Mode, users: [], chosenUser: null, busy: false, error: null, attempt: 0 };

export const useLoginStore = create<LoginState>()((set, get) => ({
  ...initial,

  async withBadge(badge) {
    const code = badge.trim();
    if (!code || get().busy) return null;
    set({ busy: true });
    const result = await call('auth.badge', { badge: code });
    if (!result.ok) {
      set((s) => ({ busy: false, error: result.error, attempt: s.attempt + 1 }));
      return null;
    }
    set({ ...initial });
    return result.value;
  },

  async showPin() {
    set({ mode: 'pin', chosenUser: null, error: null });
    const users = await call('auth.users', {});
    if (users.ok) set({ users: users.value });
    else set((s) => ({ error: users.error, attempt: s.attempt + 1 }));
  },

  showBadge() {
    set({ mode: 'badge', chosenUser: null, error: null });
  },

  choose(user) {
    set({ chosenUser: user, error: null });
  },

  async withPin(pin) {
    const user = get().chosenUser;
    if (!user || !pin || get().busy) return null;
    set({ busy: true });
    const result = await call('auth.pin', { userId: user.id, pin });
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
