import { create } from 'zustand';
import type { StationError } from '../../src/contract/errors';
import type { CurrentLogin, StationInfo } from '../../src/contract/schemas';
import type { Language } from '../../src/domain/user';
import { call } from '../api/client';

type Phase = 'starting' | 'failed' | 'ready';

interface StationState {
  phase: Phase;
  startError: StationError | null;
  station: StationInfo | null;
  version: string;
  login: CurrentLogin | null;
  /** Set when the core ended the login for inactivity, so the login screen can say why. */
  idleLogout: boolean;
  /** What the screen shows in: the user's language, else a choice made at login, else the station's. */
  language: Language;
  start(): Promise<void>;
  loggedIn(login: CurrentLogin): void;
  ended(reason: 'logout' | 'idle'): void;
  logout(): Promise<void>;
  chooseLanguage(language: Language): Promise<void>;
  reset(): void;
}

const initial = {
  phase: 'starting' as Phase,
  startError: null,
  station: null,
  version: '',
  login: null,
  idleLogout: false,
  language: 'en' as Language,
};

/** Who is at the station, as far as the screen knows; the core decides, this follows. */
export const useStationStore = create<StationState>()((set, get) => ({
  ...initial,

  async start() {
    set({ phase: 'starting', startError: null });
    const info = await call('station.info', {});
    if (!info.ok) return set({ phase: 'failed', startError: info.error });
    const current = await call('auth.current', {});
    if (!current.ok) return set({ phase: 'failed', startError: current.error });
    const { station, version } = info.value;
    const login = current.value;
    set({ phase: 'ready', station, version, login, language: login?.user.language ?? station.language });
  },

  loggedIn(login) {
    set({ login, station: login.station, idleLogout: false, language: login.user.language ?? get().language });
  },

  ended(reason) {
    const station = get().station;
    set({ login: null, idleLogout: reason === 'idle', language: station?.language ?? get().language });
  },

  async logout() {
    await call('auth.logout', {});
    get().ended('logout');
  },

  async chooseLanguage(language) {
    const login = get().login;
    set({ language });
    if (!login) return;
    // A logged-in user's choice is theirs: the core keeps it for their next login.
    const saved = await call('user.language', { language });
    if (saved.ok) set({ login: { ...login, user: saved.value } });
  },

  reset() {
    set({ ...initial });
  },
}));
