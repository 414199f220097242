import type { User } from '../domain/user';
import type { Clock, Journal, Logger, LoginRecord, Store } from './ports';
import type { EventStream } from './events';

/**
 * The other end of a call: one browser, one Electron window, or the station's own console (the
 * CLI, the HID scanner's fallback, tests). `key` is the host's opaque name for it — derived from a
 * browser's cookie, never the cookie itself — and logins belong to it, not to the station.
 */
export interface Client {
  key: string;
  /**
   * False for a channel that cannot renew the caller's credential at a login (the browser
   * host's call socket, which cannot set the cookie): logins are refused there before anything
   * changes, and the page makes them over HTTP.
   */
  logsIn?: boolean;
}

/** The console of a station: in-process callers that name no client of their own. */
export function consoleClient(stationId: string): Client {
  return { key: `console:${stationId}` };
}

/** Who is calling: the station and client the call comes from, and the login of that client there, if any. */
export interface CallContext {
  stationId: string;
  client: Client;
  login: LoginRecord | null;
  user: User | null;
}

/**
 * What the features share: the database, the journal, time, the log and the event stream.
 * No feature gets the whole of StationPorts: each names what it uses as its own Deps (AuthDeps,
 * PackingDeps, DocumentsDeps, SyncDeps, VideoDeps, ReviewDeps), a Pick of these plus its own
 * ports, and createStation hands each exactly that.
 */
export interface CommonPorts {
  store: Store;
  journal: Journal;
  clock: Clock;
  logger: Logger;
  events: EventStream;
  /** The station this process runs as when a caller does not name one. */
  stationId: string;
}
