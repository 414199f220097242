import type { Result } from '../../src/contract/errors';
import type { MethodName } from '../../src/contract/methods';
import { isResult, type HttpTransport } from './http';
import type { Transport } from './transport';

/** What the page needs of a WebSocket (the browser's, or a test's). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
}

export interface CallSocketOptions {
  /** ws(s)://<host>/calls?station=… (src/host/call-socket.ts). */
  url: string;
  open: (url: string) => WebSocketLike;
  /** 128 random bits or more, base64url: the call's id, by which the host does it at most once. */
  randomId: () => string;
  onCoreTiming?: (method: string, ms: number) => void;
  setTimer?: (fn: () => void, ms: number) => void;
}

/** Logins go over HTTP, whose answer renews the browser's cookie; the socket cannot. */
const HTTP_ONLY: ReadonlySet<string> = new Set(['auth.badge', 'auth.pin']);
/** Large inputs (photos, imports) go over HTTP: the socket is for the quick calls of the packing table. */
const SOCKET_MAX_CHARS = 64 * 1024;
/** The host closed the socket because a login renewed the cookie (src/host/call-socket.ts). */
const CLOSE_RENEWED = 4001;
const RETRY_FIRST_MS = 250;
const RENEWED_DELAY_MS = 100;
const RETRY_MAX_MS = 30_000;
const OPEN = 1;

interface Waiting {
  method: MethodName;
  input: unknown;
  resolve: (result: Result<unknown> | Promise<Result<unknown>>) => void;
}

/**
 * Browser mode's calls over one long-lived WebSocket, with HTTP behind it: each POST costs
 * Chromium a new request (several ms on loopback, the largest part of a scan's round trip), a
 * socket message a fraction of that. The UI never sees which channel a call took:
 *
 * - until the socket is open (and whenever it is down), calls go over HTTP as before; it is
 *   opened after the first HTTP call has answered, so that the browser has its cookie;
 * - calls the socket cannot make (logins, which renew the cookie) and large inputs go over HTTP;
 *   a call the host sends back ("over HTTP": a scan that turned out to be a badge) is made there;
 * - a call whose answer the socket did not bring (it dropped) is resent over HTTP with the same
 *   id, and the host answers a call it already did with that answer: a scan is never lost and
 *   never counted twice;
 * - the socket reconnects by itself, from 250 ms up to every 30 s, and after a login's answer
 *   when that login renewed the cookie.
 */
export function callSocketTransport(http: HttpTransport, options: CallSocketOptions): Transport {
  const setTimer = options.setTimer ?? ((fn, ms) => void setTimeout(fn, ms));
  const waiting = new Map<string, Waiting>();
  const httpCalls = new Set<Promise<unknown>>();
  let socket: WebSocketLike | null = null;
  /** This run of the host, from its hello: the socket takes calls only once it is known. */
  let instance: string | null = null;
  let retryMs = RETRY_FIRST_MS;
  let reconnectDue = false;
  let started = false;

  const overHttp = (method: MethodName, input: unknown, resend?: { id: string; instance: string | null }): Promise<Result<unknown>> => {
    const answer = http.invoke(method, input, resend);
    httpCalls.add(answer);
    const done = (): void => void httpCalls.delete(answer);
    answer.then(done, done);
    return answer;
  };

  const connect = async (): Promise<void> => {
    reconnectDue = false;
    // The answer of a login on its way renews the cookie: the socket must open with the new one.
    await Promise.allSettled([...httpCalls]);
    if (socket) return;
    let opened: WebSocketLike;
    try {
      opened = options.open(options.url);
    } catch {
      return retry(false);
    }
    socket = opened;
    opened.onmessage = (event) => receive(opened, event.data);
    opened.onclose = (event) => dropped(opened, event.code);
    opened.onerror = () => {};
  };

  const retry = (renewed: boolean): void => {
    if (reconnectDue) return;
    reconnectDue = true;
    // After a renewal, a moment more: another tab's login answer may still be setting the cookie.
    const delay = renewed ? RENEWED_DELAY_MS : retryMs;
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
    setTimer(() => void connect(), delay);
  };

  const receive = (from: WebSocketLike, data: unknown): void => {
    if (from !== socket) return;
    let message: { hello?: { instance?: unknown }; id?: unknown; result?: unknown; core?: unknown; http?: unknown };
    try {
      message = JSON.parse(String(data)) as typeof message;
    } catch {
      return;
    }
    if (message.hello) {
      instance = typeof message.hello.instance === 'string' ? message.hello.instance : null;
      retryMs = RETRY_FIRST_MS;
      return;
    }
    const call = typeof message.id === 'string' ? waiting.get(message.id) : undefined;
    if (!call) return;
    waiting.delete(message.id as string);
    // Not done by the host (a login): made over HTTP, where its answer can renew the cookie.
    if (message.http === true) return call.resolve(overHttp(call.method, call.input));
    if (!isResult(message.result)) {
      return call.resolve({ ok: false, error: { code: 'INTERNAL', message: 'The station answered the call without a result.' } });
    }
    if (typeof message.core === 'number') options.onCoreTiming?.(call.method, message.core);
    call.resolve(message.result);
  };

  const dropped = (from: WebSocketLike, code: number): void => {
    if (from !== socket) return;
    const lastInstance = instance;
    socket = null;
    instance = null;
    // Whether the host read these cannot be known here: it can, by their ids.
    for (const [id, call] of waiting) call.resolve(overHttp(call.method, call.input, { id, instance: lastInstance }));
    waiting.clear();
    retry(code === CLOSE_RENEWED);
  };

  return {
    invoke(method, input) {
      if (!started) {
        started = true;
        const first = overHttp(method, input);
        void connect();
        return first;
      }
      const body = JSON.stringify(input ?? {});
      const open = socket;
      if (HTTP_ONLY.has(method) || body.length > SOCKET_MAX_CHARS || !open || open.readyState !== OPEN || instance === null) {
        return overHttp(method, input);
      }
      const id = options.randomId();
      return new Promise((resolve) => {
        waiting.set(id, { method, input, resolve });
        try {
          open.send(`{"id":${JSON.stringify(id)},"method":${JSON.stringify(method)},"input":${body}}`);
        } catch {
          // Not sent: nothing for the host to have done twice.
          waiting.delete(id);
          resolve(overHttp(method, input));
        }
      });
    },
    subscribe: (event, listener) => http.subscribe(event, listener),
    mediaUrl: (kind, id, recordedAt) => http.mediaUrl(kind, id, recordedAt),
  };
}

/** The call socket's address for a page at `location`. */
export function callSocketUrl(location: Pick<Location, 'protocol' | 'host'>, station: string | null): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/calls${station ? `?station=${encodeURIComponent(station)}` : ''}`;
}

/** 128 random bits, base64url: a call id. */
export function randomCallId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
