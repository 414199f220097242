import { create } from 'zustand';
import type { StationError } from '../../src/contract/errors';
import type { LoginSession, StationInfo } from '../../src/contract/schemas';
import type { Language } from '../../src/domain/user';
import { call } from '../api/client';

type Phase = 'starting' | 'failed' | 'ready';

interface SessionState {
  phase: Phase;
  startError: StationError | null;
  station: StationInfo | null;
  version: string;
  session: LoginSession | null;
  /** Set when the core ended the login for inactivity, so the login screen can say why. */
  idleLogout: boolean;
  /** What the screen shows in: the user's language, else a choice made at login, else the station's. */
  language: Language;
  start(): Promise<void>;
  loggedIn(session: LoginSession): void;
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
  session: null,
  idleLogout: false,
  language: 'en' as Language,
};

/** Who is at the station, as far as the screen knows; the core decides, this follows. */
export const useSessionStore = create<SessionState>()((set, get) => ({
  ...initial,

  async start() {
    set({ phase: 'starting', startError: null });
    const info = await call('station.info', {});
    if (!info.ok) return set({ phase: 'failed', startError: info.error });
    const current = await call('auth.session', {});
    if (!current.ok) return set({ phase: 'failed', startError: current.error });
    const { station, version } = info.value;
    const session = current.value;
    set({ phase: 'ready', station, version, session, language: session?.user.language ?? station.language });
  },

  loggedIn(session) {
    set({ session, station: session.station, idleLogout: false, language: session.user.language ?? get().language });
  },

  ended(reason) {
    const station = get().station;
    set({ session: null, idleLogout: reason === 'idle', language: station?.language ?? get().language });
  },

  async logout() {
    await call('auth.logout', {});
    get().ended('logout');
  },

  async chooseLanguage(language) {
    const session = get().session;
    set({ language });
    if (!session) return;
    // A logged-in user's choice is theirs: the core keeps it for their next login.
    const saved = await call('user.language', { language });
    if (saved.ok) set({ session: { ...session, user: saved.value } });
  },

  reset() {
    set({ ...initial });
  },
}));
