import { StationFailure } from '../contract/errors';
import type { LoginSession } from '../contract/schemas';
import { normaliseBadge, type User } from '../domain/user';
import type { Core } from './context';
import type { HandlerSlice } from './handlers';
import { verifyPin } from './pin';
import type { LoginRecord, StationRecord } from './ports';
import { requireStation, toStationInfo, toUserSummary } from './station-info';

/** Wrong PINs allowed before that user's PIN login pauses, so a badge-less guesser is slowed down. */
const PIN_ATTEMPTS = 5;
const PIN_PAUSE_MS = 60_000;

export class Logins {
  private readonly failedPins = new Map<number, { count: number; until: number }>();

  constructor(private readonly core: Core) {}

  /** The login at a station, or null; an idle login is ended on the way (and announced). */
  current(stationId: string): { login: LoginRecord; user: User } | null {
    const { store } = this.core;
    const login = store.logins.current(stationId);
    if (!login) return null;
    const station = store.stations.get(stationId);
    if (station && this.isIdle(login, station)) {
      this.end(stationId, 'idle');
      return null;
    }
    const user = store.users.byId(login.userId);
    if (!user || !user.active) {
      this.end(stationId, 'logout');
      return null;
    }
    return { login, user };
  }

  session(stationId: string): LoginSession | null {
    const current = this.current(stationId);
    if (!current) return null;
    return this.toSession(current.login, current.user);
  }

  withBadge(stationId: string, badge: string): LoginSession {
    const user = this.core.store.users.byBadge(normaliseBadge(badge));
    if (!user) throw new StationFailure('BADGE_UNKNOWN', 'This badge is not known at this station.');
    return this.start(stationId, user);
  }

  withPin(stationId: string, userId: number, pin: string): LoginSession {
    const { store, clock } = this.core;
    const user = store.users.byId(userId);
    if (!user) throw new StationFailure('PIN_WRONG', 'Wrong name or PIN.');
    const failed = this.failedPins.get(userId);
    const now = clock.now().getTime();
    if (failed && failed.count >= PIN_ATTEMPTS && now < failed.until) {
      const seconds = Math.ceil((failed.until - now) / 1000);
      throw new StationFailure('PIN_WRONG', `Too many wrong PINs; try again in ${seconds} s.`, { seconds });
    }
    const hash = store.users.pinHash(userId);
    if (!hash || !verifyPin(pin, hash)) {
      const count = (failed && now < failed.until ? failed.count : 0) + 1;
      this.failedPins.set(userId, { count, until: now + PIN_PAUSE_MS });
      this.core.logger.warn('pin rejected', { userId, stationId, attempts: count });
      throw new StationFailure('PIN_WRONG', 'Wrong name or PIN.');
    }
    this.failedPins.delete(userId);
    return this.start(stationId, user);
  }

  touch(stationId: string): void {
    this.core.store.logins.touch(stationId, this.core.clock.now().toISOString());
  }

  end(stationId: string, reason: 'logout' | 'idle'): void {
    const login = this.core.store.logins.current(stationId);
    if (!login) return;
    this.core.store.logins.end(stationId);
    this.core.journal.append({ type: 'auth.logout', stationId, actorId: login.userId, subject: { kind: 'user', id: String(login.userId) }, payload: { reason } });
    this.core.logger.info('logout', { stationId, userId: login.userId, reason });
    this.core.events.emit('auth.changed', { stationId, session: null, reason });
  }

  /** Ends every login that has been idle longer than its station allows; hosts call this on a timer. */
  expireIdle(): void {
    for (const login of this.core.store.logins.all()) this.current(login.stationId);
  }

  private start(stationId: string, user: User): LoginSession {
    if (!user.active) throw new StationFailure('USER_INACTIVE', 'This user is no longer active.');
    const at = this.core.clock.now().toISOString();
    const login: LoginRecord = { stationId, userId: user.id, startedAt: at, lastActivityAt: at };
    this.core.store.logins.start(login);
    this.core.journal.append({ type: 'auth.login', stationId, actorId: user.id, subject: { kind: 'user', id: String(user.id) }, payload: { role: user.role } });
    this.core.logger.info('login', { stationId, userId: user.id, role: user.role });
    const session = this.toSession(login, user);
    this.core.events.emit('auth.changed', { stationId, session, reason: 'login' });
    return session;
  }

  private isIdle(login: LoginRecord, station: StationRecord): boolean {
    const idleMs = this.core.clock.now().getTime() - Date.parse(login.lastActivityAt);
    return idleMs > station.idleLogoutMinutes * 60_000;
  }

  private toSession(login: LoginRecord, user: User): LoginSession {
    const station = requireStation(this.core.store, login.stationId);
    return {
      user: toUserSummary(user),
      station: toStationInfo(station),
      startedAt: login.startedAt,
      lastActivityAt: login.lastActivityAt,
    };
  }
}

export function authHandlers(
  logins: Logins,
  core: Core,
): HandlerSlice<'auth.users' | 'auth.badge' | 'auth.pin' | 'auth.session' | 'auth.activity' | 'auth.logout'> {
  return {
    'auth.users': () => core.store.users.listActive().map(toUserSummary),
    'auth.badge': ({ badge }, call) => logins.withBadge(call.stationId, badge),
    'auth.pin': ({ userId, pin }, call) => logins.withPin(call.stationId, userId, pin),
    'auth.session': (_input, call) => logins.session(call.stationId),
    // The dispatcher already recorded the activity; this call exists so an idle-looking UI can say "still here".
    'auth.activity': () => null,
    'auth.logout': (_input, call) => {
      logins.end(call.stationId, 'logout');
      return null;
    },
  };
}
