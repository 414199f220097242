import crypto from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Client } from '../app/context';
import type { Station } from '../app/station';
import type { FakeScale } from '../devices/fake/fake-scale';
import type { FakeScanner } from '../devices/fake/fake-scanner';
import type { Result } from '../contract/errors';
import { checkBinding, loopbackNames } from './binding';
import { BODY_LIMIT, CALL_ID, refusals } from './call-errors';
import { CallLedger } from './call-ledger';
import { CallSockets, hostInstance } from './call-socket';
import { ClientCookies, clientFor } from './client-cookie';
import { EventStreams } from './events';
import { registerFakeScale, registerFakeScanner } from './fake-devices';
import { checkHost, checkOrigin, checkTarget, hasBody, type GuardPolicy } from './request-guard';
import { bearerToken, tokenMatches } from './token';
import { registerVideoRoutes } from './video-upload';

export interface HostOptions {
  station: Station;
  /** The station a browser is when it does not name one (`?station=` / x-packdesk-station). */
  defaultStationId: string;
  /** The built renderer (index.html and assets). */
  rendererDir: string;
  host: string;
  port: number;
  token?: string | undefined;
  /** Signs the browsers' client cookies; kept in the data folder so logins survive a restart. A random one when absent. */
  cookieSecret?: Buffer;
  /** Host names besides loopback and the bound address that browsers may use to reach the station. */
  allowedHosts?: readonly string[];
  /** Serve HTTPS with this certificate and key (PEM). */
  tls?: { cert: Buffer; key: Buffer } | undefined;
  /** The fake scale, when the station runs with one: exposed at POST /fake/scale. */
  fakeScale?: FakeScale | null;
  /** The simulated HID scanner, when the station runs with one: exposed at POST /fake/scan. */
  fakeScanner?: FakeScanner | null;
}

export interface RunningHost {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The browser this request comes from, as the core knows it; null for a token-only tool. */
    client: Client | null;
  }
}

/** Same policy as the Electron window: our own scripts only, camera blobs allowed for packing video. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "media-src 'self' blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const STATION_ID = /^[A-Za-z0-9_-]{1,40}$/;
/** Routes that act or read data; static files are public (the page says when it needs the token). */
const GUARDED = /^\/(api|events|video|evidence|fake)(\/|$)/;
const LOGIN_METHODS = new Set(['auth.badge', 'auth.pin', 'scan.submit']);

function httpStatus(result: Result<unknown>): number {
  if (result.ok) return 200;
  if (result.error.code === 'VALIDATION_FAILED') return 400;
  if (result.error.code === 'UNKNOWN_METHOD') return 404;
  return 200;
}

export function refuse(reply: FastifyReply, status: number, code: 'UNAUTHORIZED' | 'REQUEST_REFUSED', message: string) {
  return reply.code(status).header('cache-control', 'no-store').send({ ok: false, error: { code, message } });
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  checkBinding(options.host, options.token);
  if (!fs.existsSync(`${options.rendererDir}/index.html`)) {
    throw new Error(`The renderer is not built (${options.rendererDir}/index.html is missing); run npm run build.`);
  }
  const tls = options.tls ?? null;
  // Event streams are long-lived; closing the host must not wait for browsers to hang up.
  const app = (tls
    ? Fastify({ logger: false, bodyLimit: BODY_LIMIT, forceCloseConnections: true, https: { cert: tls.cert, key: tls.key } })
    : Fastify({ logger: false, bodyLimit: BODY_LIMIT, forceCloseConnections: true })) as unknown as FastifyInstance;
  const cookies = new ClientCookies(options.cookieSecret ?? crypto.randomBytes(32), options.token, tls !== null);
  const policy: GuardPolicy = {
    hostNames: new Set([...loopbackNames(), ...hostNamesOf(options.host), ...(options.allowedHosts ?? []).map((h) => h.toLowerCase())]),
    port: () => (app.server.address() as AddressInfo).port,
    tls: tls !== null,
  };
  const stationOf = (value: unknown): string => (typeof value === 'string' && STATION_ID.test(value) ? value : options.defaultStationId);
  const streams = new EventStreams(options.station);
  // Calls that may arrive twice (over the call socket, then resent over HTTP) are done once.
  const ledger = new CallLedger();
  const instance = hostInstance();
  const sockets = new CallSockets({ station: options.station, cookies, policy, ledger, instance, hasToken: options.token !== undefined, stationOf });
  app.server.on('upgrade', (request, socket, head) => sockets.upgrade(request, socket, head));
  // Before the server closes: it would otherwise wait for every page's socket to hang up.
  app.addHook('preClose', async () => sockets.close());

  app.decorateRequest('client', null);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    const refusal =
      checkTarget(request.raw.url ?? '') ??
      checkHost(request.headers, policy) ??
      checkOrigin(request.method, request.headers, policy, hasBody(request.headers));
    if (refusal) return refuse(reply, refusal.status, 'REQUEST_REFUSED', refusal.reason);
    return identify(request, reply);
  });

  /** Who the request is: its cookie's client, or a new client once the token (if any) has been shown. */
  async function identify(request: FastifyRequest, reply: FastifyReply) {
    request.client = cookies.clientOf(request.headers.cookie);
    if (request.client) return;
    const path = (request.raw.url ?? '/').split('?')[0]!;
    const query = new URLSearchParams((request.raw.url ?? '').split('?')[1] ?? '');
    const offered = query.get('token');
    if (options.token && offered !== null && request.method === 'GET' && !GUARDED.test(path)) {
      // The page is opened once with ?token=; it is traded for a cookie and leaves the address at once.
      if (!tokenMatches(options.token, offered)) return;
      query.delete('token');
      const rest = query.toString();
      const value = cookies.mint();
      return reply
        .code(303)
        .header('set-cookie', cookies.header(value))
        .header('location', `${path}${rest ? `?${rest}` : ''}`)
        .send();
    }
    // Static files are public and never mint: a cross-site link to the page arrives without the
    // SameSite=Strict cookie, and a new one would overwrite the browser's login.
    if (!GUARDED.test(path)) return;
    if (options.token && !tokenMatches(options.token, bearerToken(request.headers.authorization))) {
      return refuse(reply, 401, 'UNAUTHORIZED', 'A valid token is required.');
    }
    const value = cookies.mint();
    reply.header('set-cookie', cookies.header(value));
    request.client = clientFor(value);
  }

  app.post<{ Params: { method: string } }>('/api/:method', { errorHandler: bodyRefused }, async (request, reply) => {
    const stationId = stationOf(request.headers['x-packdesk-station']);
    const client = request.client!;
    const started = performance.now();
    const dispatch = () => options.station.dispatch(request.params.method, request.body, { stationId, client });
    // A call resent after the call socket dropped: its id says whether it was already done.
    const callId = request.headers['x-packdesk-call'];
    let result: Result<unknown>;
    if (callId === undefined) result = await dispatch();
    else if (typeof callId !== 'string' || !CALL_ID.test(callId)) result = refusals.badCallId();
    else if (request.headers['x-packdesk-instance'] !== undefined && request.headers['x-packdesk-instance'] !== instance) result = refusals.unknownOutcome();
    else result = await ledger.run(callId, dispatch, () => refusals.unknownOutcome());
    // The core's own share of the round trip, for the page's scan timing (the wedge benchmark reads it).
    reply.header('server-timing', `core;dur=${(performance.now() - started).toFixed(2)}`);
    if (result.ok && LOGIN_METHODS.has(request.params.method) && isLogin(request.params.method, result.value)) renew(client, reply);
    return reply.code(httpStatus(result)).header('cache-control', 'no-store').send(result);
  });

  /** A login gets a fresh cookie: a value planted in this browser before the login is worth nothing after it. */
  function renew(client: Client, reply: FastifyReply): void {
    const value = cookies.mint();
    const renewed = clientFor(value);
    options.station.logins.rekey(client, renewed);
    streams.rekey(client, renewed);
    // Sockets opened with the replaced cookie do not follow the login: the page reconnects with the new one.
    sockets.closeClient(client);
    // Replaces a cookie minted for this very request, if any: the browser keeps only the renewed one.
    reply.removeHeader('set-cookie');
    reply.header('set-cookie', cookies.header(value));
  }

  if (options.fakeScale) registerFakeScale(app, options.fakeScale);
  if (options.fakeScanner) registerFakeScanner(app, options.fakeScanner);
  registerVideoRoutes(app, { station: options.station, stationOf });
  streams.register(app, (query) => stationOf((query as { station?: unknown } | undefined)?.station));
  await app.register(fastifyStatic, { root: options.rendererDir, index: 'index.html', cacheControl: false, dotfiles: 'deny' });

  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { url: `${tls ? 'https' : 'http'}://${shownHost}:${address.port}/`, app, close: () => app.close() };
}

/** A body the route could not read (too large, not JSON) is answered with a result, as the call socket answers the same message. */
function bodyRefused(error: { statusCode?: number; code?: string }, _request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode ?? 500;
  const result: Result<never> =
    error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
      ? refusals.tooLarge()
      : error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError
        ? refusals.notJson()
        : status < 500
          ? { ok: false, error: { code: 'REQUEST_REFUSED', message: 'The station refused this request.' } }
          : { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong in the station.' } };
  return reply
    .code(status >= 400 ? status : 500)
    .header('cache-control', 'no-store')
    .send(result);
}

function isLogin(method: string, value: unknown): boolean {
  return method !== 'scan.submit' || (typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'login');
}

/** The bound address as a browser would name it, unless it is a wildcard. */
function hostNamesOf(host: string): string[] {
  if (host === '0.0.0.0' || host === '::' || host === '') return [];
  return [host.includes(':') && !host.startsWith('[') ? `[${host}]` : host.toLowerCase()];
}
