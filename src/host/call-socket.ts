import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Client } from '../app/context';
import type { Station } from '../app/station';
import type { Result } from '../contract/errors';
import { BODY_LIMIT, CALL_ID, refusals } from './call-errors';
import type { CallLedger } from './call-ledger';
import type { ClientCookies } from './client-cookie';
import { checkHost, checkOrigin, checkTarget, type GuardPolicy } from './request-guard';

/** Where a page opens its call socket: `ws(s)://<station>/calls?station=<id>`. */
export const CALLS_PATH = '/calls';
/** Close code telling the page its cookie was renewed (a login): reconnect once that login's answer is in. */
export const CLOSE_RENEWED = 4001;
/** A message is refused with a result up to this size, and the socket closed beyond it. */
const MAX_MESSAGE = 2 * BODY_LIMIT;
const PING_MS = 30_000;

interface OpenSocket {
  ws: WebSocket;
  client: Client;
  stationId: string;
  alive: boolean;
}

export interface CallSocketOptions {
  station: Station;
  cookies: ClientCookies;
  policy: GuardPolicy;
  ledger: CallLedger;
  /** This run of the host, told to each page so that a resend after a restart is not done twice. */
  instance: string;
  hasToken: boolean;
  stationOf: (value: unknown) => string;
}

/**
 * The browser host's call socket: one WebSocket per page carrying contract calls, where each
 * POST /api/<method> costs the browser a new request (several ms in Chromium on loopback, most
 * of a scan's round trip). It is a second door to the same dispatch, with the same guarantees:
 *
 * - the upgrade passes the same gate as every HTTP request (request target, Host, Origin — and
 *   here an Origin is required, since a WebSocket is not held back by CORS) and must carry a
 *   valid client cookie, which only HTTP mints (after the token, when the host has one);
 * - a message is limited to 1 MiB as an HTTP body is, and malformed, oversized or id-less
 *   messages get the same results HTTP gives;
 * - the socket cannot renew the cookie, so it never makes a login: the core refuses one there
 *   before anything changes, and the page sends that call over HTTP; a login over HTTP closes
 *   the sockets of the cookie it replaced (they do not follow the login, so a cookie planted
 *   before it is worth nothing after it);
 * - every call carries an id, and the ledger answers a resend (the page's fallback to HTTP when
 *   the socket drops before the answer) with the first answer, so nothing is done twice.
 */
export class CallSockets {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE, perMessageDeflate: false, clientTracking: false });
  private readonly open = new Set<OpenSocket>();
  private readonly pinger: NodeJS.Timeout;

  constructor(private readonly options: CallSocketOptions) {
    this.pinger = setInterval(() => this.ping(), PING_MS);
    this.pinger.unref();
  }

  /** Hands a `upgrade` event of the HTTP server to the gate, then to the socket. */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const refusal = this.refusalOf(request);
    if (refusal) return refuseUpgrade(socket, refusal.status, refusal.result);
    const client = this.options.cookies.clientOf(request.headers.cookie)!;
    const stationId = this.options.stationOf(new URLSearchParams((request.url ?? '').split('?')[1] ?? '').get('station'));
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, client, stationId));
  }

  /** A login renewed this client's cookie: its sockets end, and the page reconnects with the new one. */
  closeClient(client: Client): void {
    for (const open of this.open) if (open.client.key === client.key) open.ws.close(CLOSE_RENEWED, 'cookie renewed');
  }

  get count(): number {
    return this.open.size;
  }

  close(): void {
    clearInterval(this.pinger);
    for (const open of this.open) open.ws.terminate();
    this.open.clear();
    this.wss.close();
  }

  private refusalOf(request: IncomingMessage): { status: number; result: Result<never> } | null {
    const refused = (status: number, reason: string) => ({
      status,
      result: { ok: false as const, error: { code: 'REQUEST_REFUSED' as const, message: reason } },
    });
    const rawUrl = request.url ?? '';
    const gate = checkTarget(rawUrl) ?? checkHost(request.headers, this.options.policy) ?? checkOrigin('GET', request.headers, this.options.policy, false);
    if (gate) return refused(gate.status, gate.reason);
    if (rawUrl.split('?')[0] !== CALLS_PATH) return refused(404, 'That path is not one this station serves.');
    if (request.headers.origin === undefined) return refused(403, 'A call socket needs a same-origin request (Origin header).');
    if (!this.options.cookies.clientOf(request.headers.cookie)) {
      const message = this.options.hasToken ? 'A valid token is required.' : 'Open the station page first.';
      return { status: 401, result: { ok: false, error: { code: 'UNAUTHORIZED', message } } };
    }
    return null;
  }

  private accept(ws: WebSocket, client: Client, stationId: string): void {
    const open: OpenSocket = { ws, client, stationId, alive: true };
    this.open.add(open);
    ws.on('pong', () => (open.alive = true));
    ws.on('message', (data, isBinary) => this.receive(open, data, isBinary));
    ws.on('close', () => this.open.delete(open));
    ws.on('error', () => ws.terminate());
    ws.send(JSON.stringify({ hello: { instance: this.options.instance } }));
  }

  private receive(open: OpenSocket, data: RawData, isBinary: boolean): void {
    const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    const text = isBinary ? null : bytes.toString('utf8');
    // The id is read before anything else, so even a refused message is answered to its call.
    const id = text === null ? null : (/^\{"id":"([A-Za-z0-9_-]{22,64})"/.exec(text)?.[1] ?? null);
    if (bytes.length > BODY_LIMIT) return send(open.ws, { id, result: refusals.tooLarge() });
    let message: unknown;
    try {
      if (text === null) throw new Error('binary');
      message = JSON.parse(text);
    } catch {
      return send(open.ws, { id, result: refusals.notJson() });
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) return send(open.ws, { id, result: refusals.notJson() });
    const call = message as { id?: unknown; method?: unknown; input?: unknown };
    if (typeof call.id !== 'string' || !CALL_ID.test(call.id)) return send(open.ws, { id: null, result: refusals.badCallId() });
    const callId = call.id;
    const method = typeof call.method === 'string' ? call.method : '';
    // The socket's client cannot log in (its cookie could not be renewed): the core refuses a login here.
    const client: Client = { key: open.client.key, logsIn: false };
    const started = performance.now();
    void this.options.ledger
      .run(
        callId,
        () => this.options.station.dispatch(method, call.input, { stationId: open.stationId, client }),
        () => refusals.unknownOutcome(),
      )
      .then((result) => {
        if (isSocketLoginRefusal(result)) {
          // Nothing was done: the page sends this very call over HTTP, where a login renews the cookie.
          this.options.ledger.forget(callId);
          return send(open.ws, { id: callId, http: true });
        }
        send(open.ws, { id: callId, result, core: Math.round((performance.now() - started) * 100) / 100 });
      });
  }

  private ping(): void {
    for (const open of this.open) {
      if (!open.alive) {
        open.ws.terminate();
        continue;
      }
      open.alive = false;
      open.ws.ping();
    }
  }
}

/** The core's refusal of a login on a channel that cannot renew the cookie (Logins, `logsIn: false`). */
export function isSocketLoginRefusal(result: Result<unknown>): boolean {
  return !result.ok && result.error.code === 'REQUEST_REFUSED' && result.error.params?.channel === 'socket';
}

/** A random id for this run of the host. */
export function hostInstance(): string {
  return crypto.randomBytes(16).toString('base64url');
}

function send(ws: WebSocket, message: unknown): void {
  // A socket closed before its answer: the page resends the call over HTTP and the ledger answers it.
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

function refuseUpgrade(socket: Duplex, status: number, result: Result<never>): void {
  const body = JSON.stringify(result);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      'Cache-Control: no-store\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
