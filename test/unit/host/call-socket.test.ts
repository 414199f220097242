import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Result } from '../../../src/contract/errors';
import { httpTransport } from '../../../renderer/api/http';
import { callSocketTransport, randomCallId, type WebSocketLike } from '../../../renderer/api/socket';
import { BrowserLike } from '../../support/host-client';
import { guardedStation, type GuardedStation } from '../../security/support';

const TOKEN = 'station-token-0123456789';
const MUG = '05901234123457';
let s: GuardedStation | null = null;
const open: WebSocket[] = [];

afterEach(async () => {
  for (const ws of open.splice(0)) ws.terminate();
  await s?.close();
  s = null;
});

function wsUrl(station = 'ST-01'): string {
  return `${s!.url.replace(/^http/, 'ws')}calls?station=${station}`;
}

/** Opens the call socket as a page would (its cookie and Origin) or as an attacker (any headers); resolves on hello or refusal. */
function connect(headers: Record<string, string>, url = wsUrl()): Promise<{ ws: WebSocket; status: number; body: unknown; messages: unknown[] }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    open.push(ws);
    const messages: unknown[] = [];
    ws.on('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ ws, status: response.statusCode ?? 0, body: JSON.parse(body), messages }));
    });
    ws.on('message', (data) => {
      messages.push(JSON.parse(String(data)));
      if (messages.length === 1) resolve({ ws, status: 101, body: null, messages });
    });
    ws.on('error', (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error);
    });
  });
}

/** The next message on a socket that is not its hello. */
function answer(ws: WebSocket): Promise<{ id: string | null; result?: Result<unknown>; http?: boolean; core?: number }> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
}

async function loggedIn(badge = 'PD-P-0001', station = 'ST-01'): Promise<BrowserLike> {
  const browser = new BrowserLike(s!.url, station);
  expect((await browser.result('auth.badge', { badge })).ok).toBe(true);
  return browser;
}

const pageHeaders = (browser: BrowserLike) => ({ cookie: browser.cookie!, origin: browser.origin });

describe('the call socket refuses what the HTTP path refuses, with the same answers', () => {
  it('without a cookie: 401 UNAUTHORIZED, as an API call without the token', async () => {
    s = await guardedStation({ token: TOKEN });
    const http = await new BrowserLike(s.url).call('station.info', {});
    const socket = await connect({ origin: new URL(s.url).origin });
    expect(socket.status).toBe(401);
    expect(http.status).toBe(401);
    expect(socket.body).toEqual(await http.json());
    // A forged cookie is no better.
    const forged = await connect({ origin: new URL(s.url).origin, cookie: 'packdesk_client=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.xyz' });
    expect(forged.status).toBe(401);
  });

  it('from another Origin, or none: 403, and a foreign Host: 421', async () => {
    s = await guardedStation();
    const browser = await loggedIn();
    const other = await connect({ cookie: browser.cookie!, origin: 'http://evil.example' });
    expect(other.status).toBe(403);
    const http = await browser.call('auth.current', {}, { origin: 'http://evil.example' });
    expect(http.status).toBe(403);
    expect(other.body).toEqual(await http.json());
    expect((await connect({ cookie: browser.cookie!, origin: 'null' })).status).toBe(403);
    expect((await connect({ cookie: browser.cookie! })).status).toBe(403);
    expect((await connect({ ...pageHeaders(browser), 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await connect({ ...pageHeaders(browser), host: `evil.example:${s.port}` })).status).toBe(421);
    expect((await connect(pageHeaders(browser), `${s.url.replace(/^http/, 'ws')}api/scan.submit`)).status).toBe(404);
    expect((await connect(pageHeaders(browser), `${s.url.replace(/^http/, 'ws')}c%61lls`)).status).toBe(400);
  });

  it('an oversized message and malformed JSON get the results an HTTP body would', async () => {
    s = await guardedStation();
    const browser = await loggedIn();
    const { ws } = await connect(pageHeaders(browser));
    const before = s.journalLength();
    const id = randomCallId();
    const big = JSON.stringify({ id, method: 'scan.submit', input: { data: 'x'.repeat(1024 * 1024 + 10), source: 'wedge' } });
    ws.send(big);
    const tooLarge = await answer(ws);
    const httpTooLarge = await browser.call('scan.submit', { data: 'x'.repeat(1024 * 1024 + 10), source: 'wedge' });
    expect(httpTooLarge.status).toBe(413);
    expect(tooLarge).toEqual({ id, result: await httpTooLarge.json() });
    expect(tooLarge.result).toMatchObject({ ok: false, error: { code: 'REQUEST_REFUSED' } });

    ws.send('{"id": "not json');
    const notJson = await answer(ws);
    const httpNotJson = await browser.request('api/scan.submit', {
      method: 'POST',
      body: '{"data": "not json',
      headers: { 'content-type': 'application/json', origin: browser.origin },
    });
    expect(httpNotJson.status).toBe(400);
    expect(notJson).toEqual({ id: null, result: await httpNotJson.json() });
    expect(notJson.result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });

    ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect((await answer(ws)).result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    ws.send(JSON.stringify({ id: 'short', method: 'auth.current', input: {} }));
    expect((await answer(ws)).result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    // A call without its input is not `{}`, as a POST without a body is not.
    const noInput = randomCallId();
    ws.send(JSON.stringify({ id: noInput, method: 'pack.current' }));
    expect(await answer(ws)).toMatchObject({ id: noInput, result: { ok: false, error: { code: 'VALIDATION_FAILED' } } });
    expect(s.journalLength()).toBe(before);
    // Beyond twice the limit the socket is closed outright.
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(JSON.stringify({ id, method: 'scan.submit', input: { data: 'x'.repeat(3 * 1024 * 1024), source: 'wedge' } }));
    expect(await closed).toBe(1009);
  });
});

describe('calls over the socket', () => {
  it('reach the same dispatch as HTTP: the same station, client and login, the same results and journal', async () => {
    s = await guardedStation();
    const anna = await loggedIn('PD-P-0001', 'ST-02');
    expect((await anna.result('pack.open', { code: 'PD-100001' })).ok).toBe(true);
    const { ws, messages } = await connect(pageHeaders(anna), wsUrl('ST-02'));
    expect(messages[0]).toMatchObject({ hello: { instance: expect.any(String) } });

    const before = s.journalLength();
    const id = randomCallId();
    ws.send(JSON.stringify({ id, method: 'scan.submit', input: { data: MUG, source: 'wedge' } }));
    const scanned = await answer(ws);
    expect(scanned).toMatchObject({ id, core: expect.any(Number), result: { ok: true, value: { kind: 'scanned', view: { lines: [{ packed: 1 }] } } } });
    expect(s.journalLength()).toBe(before + 1);
    // The same call over HTTP gives the same shape, and is counted as the next unit.
    expect(await anna.result('scan.submit', { data: MUG, source: 'wedge' })).toMatchObject({
      ok: true,
      value: { kind: 'scanned', view: { lines: [{ packed: 2 }] } },
    });

    // Errors come back as HTTP gives them: an unknown method, an invalid input, a call for a role it lacks.
    const cases: Array<[string, unknown]> = [
      ['no.such', {}],
      ['pack.quantity', { quantity: 0 }],
      ['auth.unlock', { userId: 1 }],
    ];
    for (const [method, input] of cases) {
      const callId = randomCallId();
      ws.send(JSON.stringify({ id: callId, method, input }));
      expect((await answer(ws)).result).toEqual(await anna.result(method, input));
    }

    // Another browser's socket is another client: not logged in, whoever is logged in at the station.
    const stranger = new BrowserLike(s.url, 'ST-02');
    await stranger.result('station.info');
    const theirs = await connect(pageHeaders(stranger), wsUrl('ST-02'));
    theirs.ws.send(JSON.stringify({ id: randomCallId(), method: 'pack.current', input: {} }));
    expect((await answer(theirs.ws)).result).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
  });

  it('never logs in: a badge scan is sent back to HTTP with nothing done, and a login there closes the old cookie’s sockets', async () => {
    s = await guardedStation();
    const browser = new BrowserLike(s.url, 'ST-01');
    await browser.result('station.info');
    const oldCookie = browser.cookie!;
    const { ws } = await connect(pageHeaders(browser));
    const before = s.journalLength();
    const id = randomCallId();
    ws.send(JSON.stringify({ id, method: 'scan.submit', input: { data: 'PD-P-0001', source: 'wedge' } }));
    expect(await answer(ws)).toEqual({ id, http: true });
    ws.send(JSON.stringify({ id: randomCallId(), method: 'auth.badge', input: { badge: 'PD-P-0001' } }));
    expect((await answer(ws)).http).toBe(true);
    expect(s.journalLength()).toBe(before);
    expect((await browser.result('auth.current')).value).toBeNull();

    // The same call, resent over HTTP with its id, logs in there and renews the cookie.
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    const login = await browser.call('scan.submit', { data: 'PD-P-0001', source: 'wedge' }, { 'x-packdesk-call': id });
    expect(await login.json()).toMatchObject({ ok: true, value: { kind: 'login' } });
    expect(browser.cookie).not.toBe(oldCookie);
    expect(await closed).toBe(4001);
    // The planted (old) cookie gets a socket, but no login.
    const planted = await connect({ cookie: oldCookie, origin: browser.origin });
    planted.ws.send(JSON.stringify({ id: randomCallId(), method: 'pack.current', input: {} }));
    expect((await answer(planted.ws)).result).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
    const renewed = await connect(pageHeaders(browser));
    renewed.ws.send(JSON.stringify({ id: randomCallId(), method: 'auth.current', input: {} }));
    expect((await answer(renewed.ws)).result).toMatchObject({ ok: true, value: { user: { name: 'Anna Kowalska' } } });
  });

  it('are done once: a resend over HTTP with the same id gets the first answer, and one after a restart is not done', async () => {
    s = await guardedStation();
    const anna = await loggedIn();
    await anna.result('pack.open', { code: 'PD-100001' });
    const { ws, messages } = await connect(pageHeaders(anna));
    const instance = (messages[0] as { hello: { instance: string } }).hello.instance;
    const id = randomCallId();
    ws.send(JSON.stringify({ id, method: 'scan.submit', input: { data: MUG, source: 'wedge' } }));
    const first = await answer(ws);
    const after = s.journalLength();
    const resent = await anna.call('scan.submit', { data: MUG, source: 'wedge' }, { 'x-packdesk-call': id, 'x-packdesk-instance': instance });
    expect(await resent.json()).toEqual(first.result);
    ws.send(JSON.stringify({ id, method: 'scan.submit', input: { data: MUG, source: 'wedge' } }));
    expect((await answer(ws)).result).toEqual(first.result);
    expect(s.journalLength()).toBe(after);

    const elsewhere = await anna.result('scan.submit', { data: MUG, source: 'wedge' });
    expect(elsewhere).toMatchObject({ ok: true, value: { view: { lines: [{ packed: 2 }] } } });
    const restarted = await anna.call(
      'scan.submit',
      { data: MUG, source: 'wedge' },
      { 'x-packdesk-call': randomCallId(), 'x-packdesk-instance': 'another-run-of-the-host' },
    );
    expect(await restarted.json()).toMatchObject({ ok: false, error: { code: 'INTERNAL', params: { reason: 'unreachable' } } });
    expect((await anna.call('auth.current', {}, { 'x-packdesk-call': 'short' })).status).toBe(400);
  });
});

describe("the page's call transport (renderer/api/socket.ts) against the host", () => {
  /** The renderer's own transports, in Node: fetch with the browser's cookie and Origin, ws with the same. */
  /** The page's socket: a ws client it can make lose a message, or an answer, with the connection. */
  class PageSocket implements WebSocketLike {
    onmessage: WebSocketLike['onmessage'] = null;
    onclose: WebSocketLike['onclose'] = null;
    onerror: WebSocketLike['onerror'] = null;
    /** 'beforeHost': the next message is lost with the connection; 'afterHost': the host reads it, its answer is lost. */
    static dropNext: 'beforeHost' | 'afterHost' | null = null;
    private deaf = false;

    constructor(readonly ws: WebSocket) {
      ws.onmessage = (event) => {
        if (!this.deaf) this.onmessage?.(event as unknown as MessageEvent);
      };
      ws.onclose = (event) => this.onclose?.(event as unknown as CloseEvent);
      ws.onerror = (event) => this.onerror?.(event as unknown as Event);
    }

    get readyState(): number {
      return this.ws.readyState;
    }

    send(data: string): void {
      const drop = PageSocket.dropNext;
      PageSocket.dropNext = null;
      if (drop === 'beforeHost') return void this.ws.terminate();
      this.ws.send(data);
      if (drop === 'afterHost') {
        this.deaf = true;
        setTimeout(() => this.ws.terminate(), 200);
      }
    }

    close(code?: number, reason?: string): void {
      this.ws.close(code, reason);
    }
  }

  function pageTransport(browser: BrowserLike, hooks: { sockets: WebSocket[]; overHttp?: string[] }) {
    const http = httpTransport({
      params: { station: 'ST-01' },
      base: s!.url.replace(/\/$/, ''),
      fetch: (url, init) => {
        const headers = init.headers as Record<string, string>;
        hooks.overHttp?.push(`${url.replace(/^.*\/api\//, '')}${headers['x-packdesk-call'] ? ' (resent)' : ''}`);
        return browser.request(url, { ...init, headers: { ...headers, origin: browser.origin } });
      },
      openEvents: () => ({ addEventListener: () => {}, close: () => {} }),
    });
    return callSocketTransport(http, {
      url: wsUrl(),
      randomId: randomCallId,
      setTimer: (fn, ms) => void setTimeout(fn, ms),
      open: (url) => {
        const ws = new WebSocket(url, { headers: pageHeaders(browser) });
        hooks.sockets.push(ws);
        open.push(ws);
        return new PageSocket(ws);
      },
    });
  }

  const socketUp = async (sockets: WebSocket[]) => {
    for (let i = 0; i < 100 && !(sockets.at(-1)?.readyState === WebSocket.OPEN); i++) await new Promise((r) => setTimeout(r, 20));
    // The hello follows the open at once.
    await new Promise((r) => setTimeout(r, 50));
  };

  it('sends calls over the socket once it is open, and falls back to HTTP without losing or doubling a scan when it drops', async () => {
    s = await guardedStation();
    const anna = await loggedIn();
    await anna.result('pack.open', { code: 'PD-100001' });
    const sockets: WebSocket[] = [];
    const overHttp: string[] = [];
    const transport = pageTransport(anna, { sockets, overHttp });
    const scans = () => s!.f.journal.range(1, 10_000).filter((e) => e.type === 'pack.scan').length;

    // The first call goes over HTTP (it gives the browser its cookie), then the socket opens.
    expect(await transport.invoke('auth.current', {})).toMatchObject({ ok: true });
    await socketUp(sockets);
    const journalBefore = scans();

    // Scan 1: read by the host, the answer lost with the socket; resent over HTTP, answered from the ledger.
    PageSocket.dropNext = 'afterHost';
    const one = await transport.invoke('scan.submit', { data: MUG, symbology: null, source: 'wedge' });
    expect(one).toMatchObject({ ok: true, value: { kind: 'scanned', view: { lines: [{ packed: 1 }] } } });
    expect(scans()).toBe(journalBefore + 1);

    // The socket comes back by itself.
    await socketUp(sockets);
    expect(sockets.length).toBe(2);

    // Scan 2: lost before the host read it; resent over HTTP, done there once.
    PageSocket.dropNext = 'beforeHost';
    const two = await transport.invoke('scan.submit', { data: MUG, symbology: null, source: 'wedge' });
    expect(two).toMatchObject({ ok: true, value: { kind: 'scanned', view: { lines: [{ packed: 2, complete: true }] } } });
    expect(scans()).toBe(journalBefore + 2);

    // Back on the socket: the next call goes over it.
    await socketUp(sockets);
    expect(sockets.length).toBe(3);
    const viewed = await transport.invoke('pack.current', {});
    expect(viewed).toMatchObject({ ok: true, value: { lines: [{ packed: 2 }] } });
    // Only the first call and the two resends went over HTTP; the resends carried their ids.
    expect(overHttp).toEqual(['auth.current', 'scan.submit (resent)', 'scan.submit (resent)']);
  });

  it('makes a badge login over HTTP and reopens the socket with the renewed cookie', async () => {
    s = await guardedStation();
    const browser = new BrowserLike(s.url, 'ST-01');
    const sockets: WebSocket[] = [];
    const transport = pageTransport(browser, { sockets });
    expect(await transport.invoke('station.info', {})).toMatchObject({ ok: true });
    await socketUp(sockets);
    const before = browser.cookie;
    expect(await transport.invoke('scan.submit', { data: 'PD-P-0001', symbology: null, source: 'wedge' })).toMatchObject({
      ok: true,
      value: { kind: 'login' },
    });
    expect(browser.cookie).not.toBe(before);
    await socketUp(sockets);
    expect(sockets.length).toBe(2);
    expect(await transport.invoke('auth.current', {})).toMatchObject({ ok: true, value: { user: { name: 'Anna Kowalska' } } });
  });
});
