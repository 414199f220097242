import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserLike, rawStatus } from '../support/host-client';
import { guardedStation, type GuardedStation } from './support';

let s: GuardedStation;
beforeEach(async () => {
  s = await guardedStation({ token: 'station-token-0123456789' });
});
afterEach(async () => s.close());

const TOKEN = 'station-token-0123456789';
const body = '{"badge":"PD-M-0001"}';
const post = (target: string, headers: string[] = []) =>
  [
    `POST ${target} HTTP/1.1`,
    `Host: 127.0.0.1:${s.port}`,
    `Origin: http://127.0.0.1:${s.port}`,
    'Content-Type: application/json',
    `Content-Length: ${body.length}`,
    ...headers,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
const get = (target: string, host = `127.0.0.1:${s.port}`) => [`GET ${target} HTTP/1.1`, `Host: ${host}`, 'Connection: close', '', ''].join('\r\n');

describe('finding 1: the token check cannot be skipped by encoding the path', () => {
  // Every route family, spelled so a router that decodes would reach it while a raw-prefix check would not.
  const encoded = [
    '/%61pi/auth.badge',
    '/%41PI/auth.badge',
    '/api%2Fauth.badge',
    '/api%2fauth.badge',
    '/%2561pi/auth.badge',
    '/api/auth%2Ebadge',
    '/api\\auth.badge',
    '/\\api/auth.badge',
    '//api/auth.badge',
    '/./api/auth.badge',
    '/x/../api/auth.badge',
    '/api/./auth.badge',
    '/api/auth.badge;x',
    '/%66ake/scale',
    '/fake%2Fscale',
    '/%76ideo.chunk',
    '/api/%76ideo.chunk',
    'http://x/api/auth.badge',
    'http://127.0.0.1/api/sync.settings.get',
    '*',
    '127.0.0.1:80',
  ];

  it.each(encoded)('refuses POST %s and writes nothing', async (target) => {
    const before = s.journalLength();
    const weight = s.f.scale.current();
    const { status } = await rawStatus(s.port, post(target));
    expect([400, 404]).toContain(status);
    expect(s.journalLength()).toBe(before);
    expect(s.f.scale.current()).toEqual(weight);
  });

  it.each(['/%65vents', '/event%73', '/%2565vents', '/events/', '/video/%31', '/%65vidence/x.zip', 'http://x/events'])('refuses GET %s', async (target) => {
    const { status, text } = await rawStatus(s.port, get(target));
    expect([400, 401, 404]).toContain(status);
    expect(text).not.toContain('text/event-stream');
  });

  it('still needs the token on the plain path', async () => {
    expect((await rawStatus(s.port, post('/api/auth.badge'))).status).toBe(401);
    expect((await rawStatus(s.port, post('/fake/scale'))).status).toBe(401);
  });
});

describe('finding 2: a foreign Host is refused (DNS rebinding)', () => {
  it.each(['evil.example', `evil.example:${0}`, '127.0.0.1.evil.example', 'localhost.evil', '', '127.0.0.1:1'])('refuses Host "%s"', async (name) => {
    const hostHeader = name.endsWith(':0') ? name.replace(':0', `:${s.port}`) : name;
    const { status, text } = await rawStatus(s.port, get(`/api/queue.list`, hostHeader));
    expect(status).toBe(421);
    expect(text).not.toContain('Kowalska');
    expect((await rawStatus(s.port, get('/events', hostHeader))).status).toBe(421);
    expect((await rawStatus(s.port, get('/', hostHeader))).status).toBe(421);
  });

  it('answers loopback names on its own port', async () => {
    for (const name of [`127.0.0.1:${s.port}`, `localhost:${s.port}`, `LOCALHOST:${s.port}`]) {
      expect((await rawStatus(s.port, get('/', name))).status).toBe(200);
    }
  });
});

describe('finding 3: cross-site requests change nothing', () => {
  let browser: BrowserLike;
  beforeEach(async () => {
    browser = new BrowserLike(s.url);
    await browser.request(`?token=${TOKEN}`);
    expect((await browser.result('auth.badge', { badge: 'PD-P-0001' })).ok).toBe(true);
    expect((await browser.result('pack.open', { code: 'PD-100001' })).ok).toBe(true);
  });

  const attempts: [string, Record<string, string>, string | undefined][] = [
    ['no body, no-cors', { origin: 'http://evil.example' }, undefined],
    ['no body from our own origin', { origin: 'ORIGIN' }, undefined],
    ['text/plain from another origin', { origin: 'http://evil.example', 'content-type': 'text/plain' }, '{}'],
    ['a form post', { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, 'a=1'],
    ['JSON from another origin', { origin: 'http://evil.example', 'content-type': 'application/json' }, '{}'],
    ['JSON from an opaque origin', { origin: 'null', 'content-type': 'application/json' }, '{}'],
    ['JSON from a sibling port', { origin: 'http://127.0.0.1:1', 'content-type': 'application/json' }, '{}'],
    ['JSON marked cross-site', { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }, '{}'],
    ['JSON with no origin at all', { 'content-type': 'application/json' }, '{}'],
    ['text/plain from our own origin', { origin: 'ORIGIN', 'content-type': 'text/plain' }, '{}'],
  ];

  it.each(attempts)('refuses %s on every method that takes {}', async (_name, headers, sent) => {
    const before = s.journalLength();
    for (const method of ['pack.undo', 'pack.complete', 'pack.close', 'admin.backup', 'sync.now', 'auth.activity', 'auth.logout']) {
      const resolved = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v === 'ORIGIN' ? browser.origin : v]));
      const response = await browser.request(`api/${method}`, { method: 'POST', headers: resolved, ...(sent === undefined ? {} : { body: sent }) });
      expect(response.status, method).toBeGreaterThanOrEqual(400);
    }
    expect(s.journalLength()).toBe(before);
    expect(await browser.result('auth.current')).toMatchObject({ ok: true, value: { user: { name: 'Anna Kowalska' } } });
  });

  it('lets the page itself act: same origin, JSON, a body', async () => {
    expect((await browser.result('pack.close', {})).ok).toBe(true);
  });
});

describe('the event stream', () => {
  it('answers HEAD at once instead of holding the connection open', async () => {
    const { status } = await rawStatus(
      s.port,
      [`HEAD /events HTTP/1.1`, `Host: 127.0.0.1:${s.port}`, `Authorization: Bearer ${TOKEN}`, 'Connection: close', '', ''].join('\r\n'),
    );
    expect(status).toBeGreaterThanOrEqual(400);
  });
});
