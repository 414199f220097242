import { StationFailure } from '../contract/errors';
import type { CurrentLogin, LoginView } from '../contract/schemas';
import { normaliseBadge, type User } from '../domain/user';
import type { CallContext, Client, CommonPorts } from './context';
import type { HandlerSlice } from './handlers';
import { verifyPin } from './pin';
import { CLIENT_POLICY, clientKey, PinAttempts, USER_POLICY, userKey, type AttemptPolicy } from './pin-attempts';
import type { LoginEndReason, LoginRecord, PackingRepository, StationRecord } from './ports';
import { requireStation, toStationInfo, toUserSummary } from './station-info';

const needsBadgeAndPin = (user: User): boolean => user.role === 'manager' || user.role === 'admin';

/** What logins use; of packing only whether a station has an order open (whose hands its scanner is in). */
export interface AuthDeps extends Pick<CommonPorts, 'store' | 'journal' | 'clock' | 'logger' | 'events'> {
  packing: Pick<PackingRepository, 'activeAt'>;
}

/**
 * Logins belong to clients: a browser (its cookie), an Electron window, or the station's console.
 * Each has its own idle clock; ending one leaves the others. PINs go through one attempt limiter.
 */
export class Logins {
  private readonly attempts: PinAttempts;
  /** Called after a login ended, so the order its person had open is put back; `by` is who ended it. */
  onEnded: (login: LoginRecord, reason: LoginEndReason, by: number | null) => void = () => {};

  constructor(private readonly core: AuthDeps) {
    this.attempts = new PinAttempts(() => core.clock.now().getTime());
  }

  /** The client's login at a station, or null; an idle or switched-off one is ended on the way. */
  current(client: Client, stationId: string): { login: LoginRecord; user: User } | null {
    const login = this.core.store.logins.live(client.key, stationId);
    return login ? this.stillValid(login) : null;
  }

  view(client: Client, stationId: string): CurrentLogin | null {
    const current = this.current(client, stationId);
    return current ? this.toView(current.login, current.user) : null;
  }

  /** A badge logs in; managers and admins, and everyone where the station asks for it, add their PIN. */
  async withBadge(client: Client, stationId: string, badge: string, pin: string | undefined): Promise<CurrentLogin> {
    requireLoginChannel(client);
    const station = requireStation(this.core.store, stationId);
    const user = this.core.store.users.byBadge(normaliseBadge(badge));
    if (!user) {
      this.core.logger.warn('unknown badge', { stationId });
      throw new StationFailure('BADGE_UNKNOWN', 'This badge is not known at this station.');
    }
    if (pin === undefined) {
      if (needsBadgeAndPin(user) || !station.badgeOnlyLogin) {
        throw new StationFailure('PIN_REQUIRED', `${user.name}: type your PIN.`, { userId: user.id, name: user.name, role: user.role });
      }
    } else {
      await this.checkPin(client, user, pin, { badgeShown: true });
    }
    return this.start(client, stationId, user);
  }

  /** Name and PIN, for those who may log in without a badge. */
  async withPin(client: Client, stationId: string, userId: number, pin: string): Promise<CurrentLogin> {
    requireLoginChannel(client);
    requireStation(this.core.store, stationId);
    const user = this.core.store.users.byId(userId);
    if (!user) throw new StationFailure('PIN_WRONG', 'Wrong name or PIN.');
    if (needsBadgeAndPin(user)) throw new StationFailure('BADGE_REQUIRED', 'Managers and administrators scan their badge, then type the PIN.');
    await this.checkPin(client, user, pin, { badgeShown: false });
    return this.start(client, stationId, user);
  }

  /**
   * Every PIN check of the station (logins, overrides, partial shipments). The attempt is counted
   * before the hash is derived, so parallel guesses cannot all slip in before the first fails. A
   * shown badge proves possession: then only the client is limited, so a stranger's guesses do not
   * keep the badge's owner out.
   */
  async checkPin(client: Client, user: User, pin: string, { badgeShown }: { badgeShown: boolean }): Promise<void> {
    const keys: [string, AttemptPolicy][] = [[clientKey(client.key), CLIENT_POLICY]];
    if (!badgeShown) keys.push([userKey(user.id), USER_POLICY]);
    this.attempts.check(keys);
    const attempts = this.attempts.failed(keys);
    const hash = this.core.store.users.pinHash(user.id);
    if (!hash || !(await verifyPin(pin, hash))) {
      this.core.logger.warn('pin rejected', { userId: user.id, attempts, badgeShown });
      throw new StationFailure('PIN_WRONG', 'Wrong name or PIN.');
    }
    this.attempts.succeeded(keys.map(([key]) => key));
  }

  /** A manager lets a user whose PIN was guessed at log in by name again. */
  unlock(userId: number, call: CallContext): void {
    if (!this.core.store.users.byId(userId)) throw new StationFailure('VALIDATION_FAILED', `There is no user ${userId}.`);
    this.attempts.forget(userKey(userId));
    this.core.journal.append({
      type: 'auth.unlocked',
      stationId: call.stationId,
      actorId: call.user?.id ?? null,
      subject: { kind: 'user', id: String(userId) },
      payload: {},
    });
  }

  touch(login: LoginRecord): void {
    this.core.store.logins.touch(login.id, this.core.clock.now().toISOString());
  }

  end(login: LoginRecord, reason: LoginEndReason, by: number | null = login.userId): void {
    const ended = this.core.store.transaction(() => {
      if (!this.core.store.logins.end(login.id, this.core.clock.now().toISOString(), reason)) return false;
      this.core.journal.append({
        type: 'auth.logout',
        stationId: login.stationId,
        actorId: by,
        subject: { kind: 'user', id: String(login.userId) },
        payload: { reason, loginId: login.id },
      });
      return true;
    });
    if (!ended) return;
    this.core.logger.info('logout', { stationId: login.stationId, userId: login.userId, loginId: login.id, reason });
    this.onEnded(login, reason, by);
    this.core.events.emit('auth.changed', { stationId: login.stationId, loginId: login.id, login: null, reason });
  }

  /** A manager ends someone's login, at any station. */
  endById(loginId: number, call: CallContext): void {
    const login = this.core.store.logins.byId(loginId);
    if (!login || login.endedAt) throw new StationFailure('LOGIN_NOT_FOUND', 'That login has already ended.', { loginId });
    this.end(login, 'ended_by_manager', call.user?.id ?? null);
  }

  list(call: CallContext): LoginView[] {
    const { store } = this.core;
    return store.logins
      .allLive()
      .map((login) => this.stillValid(login))
      .filter((current) => current !== null)
      .map(({ login, user }) => ({
        id: login.id,
        user: toUserSummary(user),
        stationId: login.stationId,
        startedAt: login.startedAt,
        lastActivityAt: login.lastActivityAt,
        own: login.id === call.login?.id,
      }));
  }

  /**
   * Whose hands the station's scanner and scale are in: the person packing its open order, else
   * whoever logged in there last. Null when nobody is logged in at the station.
   */
  holderAt(stationId: string): LoginRecord | null {
    const live = this.core.store.logins.liveAt(stationId).filter((login) => this.stillValid(login));
    const packing = this.core.packing.activeAt(stationId);
    return (packing && live.find((login) => login.userId === packing.userId)) || live[0] || null;
  }

  /** Ends every login idle for longer than its station allows; hosts call this on a timer. */
  expireIdle(): void {
    for (const login of this.core.store.logins.allLive()) this.stillValid(login);
  }

  private start(client: Client, stationId: string, user: User): CurrentLogin {
    if (!user.active) throw new StationFailure('USER_INACTIVE', 'This user is no longer active.');
    const previous = this.core.store.logins.live(client.key, stationId);
    if (previous) this.end(previous, 'replaced', user.id);
    const login = this.core.store.transaction(() => {
      const started = this.core.store.logins.start({ clientKey: client.key, stationId, userId: user.id, startedAt: this.core.clock.now().toISOString() });
      this.core.journal.append({
        type: 'auth.login',
        stationId,
        actorId: user.id,
        subject: { kind: 'user', id: String(user.id) },
        payload: { role: user.role, loginId: started.id },
      });
      return started;
    });
    this.core.logger.info('login', { stationId, userId: user.id, role: user.role, loginId: login.id });
    const view = this.toView(login, user);
    this.core.events.emit('auth.changed', { stationId, loginId: login.id, login: view, reason: 'login' });
    return view;
  }

  private stillValid(login: LoginRecord): { login: LoginRecord; user: User } | null {
    const station = this.core.store.stations.get(login.stationId);
    if (station && this.isIdle(login, station)) {
      this.end(login, 'idle');
      return null;
    }
    const user = this.core.store.users.byId(login.userId);
    if (!user || !user.active) {
      this.end(login, 'user_inactive', null);
      return null;
    }
    return { login, user };
  }

  private isIdle(login: LoginRecord, station: StationRecord): boolean {
    const idleMs = this.core.clock.now().getTime() - Date.parse(login.lastActivityAt);
    return idleMs > station.idleLogoutMinutes * 60_000;
  }

  private toView(login: LoginRecord, user: User): CurrentLogin {
    const station = requireStation(this.core.store, login.stationId);
    return { id: login.id, user: toUserSummary(user), station: toStationInfo(station), startedAt: login.startedAt, lastActivityAt: login.lastActivityAt };
  }
}

type AuthMethod =
  'auth.users' | 'auth.badge' | 'auth.pin' | 'auth.current' | 'auth.activity' | 'auth.logout' | 'auth.logins' | 'auth.logins.end' | 'auth.unlock';

export function authHandlers(logins: Logins, core: Pick<AuthDeps, 'store'>): HandlerSlice<AuthMethod> {
  return {
    'auth.users': () => core.store.users.listActive().map(toUserSummary),
    'auth.badge': ({ badge, pin }, call) => logins.withBadge(call.client, call.stationId, badge, pin),
    'auth.pin': ({ userId, pin }, call) => logins.withPin(call.client, call.stationId, userId, pin),
    'auth.current': (_input, call) => logins.view(call.client, call.stationId),
    // The dispatcher already recorded the activity; this call exists so an idle-looking UI can say "still here".
    'auth.activity': () => null,
    'auth.logout': (_input, call) => {
      if (call.login) logins.end(call.login, 'logout');
      return null;
    },
    'auth.logins': (_input, call) => logins.list(call),
    'auth.logins.end': ({ loginId }, call) => {
      logins.endById(loginId, call);
      return null;
    },
    'auth.unlock': ({ userId }, call) => {
      logins.unlock(userId, call);
      return null;
    },
  };
}

/**
 * A login must renew the browser's cookie, which only an HTTP answer can do: a channel that
 * cannot (the call socket) is refused before the badge or PIN is even looked at, so the same
 * call can be made again over HTTP with nothing counted twice.
 */
function requireLoginChannel(client: Client): void {
  if (client.logsIn === false) {
    throw new StationFailure('REQUEST_REFUSED', 'Logins are made over HTTP, which renews the browser cookie, not over the call socket.', { channel: 'socket' });
  }
}
