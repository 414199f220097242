import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawStatus } from '../support/host-client';
import { guardedStation, type GuardedStation } from './support';

let s: GuardedStation;
beforeAll(async () => {
  s = await guardedStation();
});
afterAll(async () => s.close());

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE', 'CONNECT'];
const PATHS = [
  '/',
  '/api/auth.badge',
  '/api/pack.complete',
  '/api/admin.backup',
  '/api/video.chunk',
  '/events',
  '/fake/scale',
  '/video/1',
  '/evidence/x.zip',
  '/index.html',
  '/api/',
];
const pathArb = fc.oneof(
  fc.constantFrom(...PATHS),
  fc
    .constantFrom(...PATHS)
    .chain((p) => fc.nat({ max: Math.max(0, p.length - 1) }).map((i) => `${p.slice(0, i)}%${p.charCodeAt(i).toString(16)}${p.slice(i + 1)}`)),
  fc.stringMatching(/^\/[ -~]{0,40}$/).map((p) => p.replace(/\s/g, '')),
  fc.constantFrom('http://x/api/auth.badge', '*', '//api/auth.badge', '/api/../api/auth.badge'),
);
const hostArb = (port: number) => fc.constantFrom(`127.0.0.1:${port}`, `localhost:${port}`, 'evil.example', `evil.example:${port}`, '');
const originArb = (port: number) => fc.constantFrom(undefined, `http://127.0.0.1:${port}`, 'http://evil.example', 'null', `http://localhost:${port}`);
const typeArb = fc.constantFrom(undefined, 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x');
const bodyArb = fc.oneof(
  fc.constant(''),
  fc.constant('{}'),
  fc.constantFrom('{"badge":"PD-X-0001"}', '{"badge":"PD-M-0001","pin":"0000"}', '{"grams":500}', 'null', '[]', '{"__proto__":{"x":1}}'),
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 200 }),
);

describe('the HTTP API under random requests', () => {
  it('never crashes, never answers 5xx, and never changes state for a client with no valid login', { timeout: 180_000 }, async () => {
    const before = s.journalLength();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...METHODS),
        pathArb,
        hostArb(s.port),
        originArb(s.port),
        typeArb,
        bodyArb,
        fc.boolean(),
        async (method, target, host, origin, type, body, cookie) => {
          const bytes = Buffer.byteLength(body);
          const lines = [
            `${method} ${target} HTTP/1.1`,
            `Host: ${host}`,
            ...(origin ? [`Origin: ${origin}`] : []),
            ...(type ? [`Content-Type: ${type}`] : []),
            ...(cookie ? ['Cookie: packdesk_client=forged.value'] : []),
            `Content-Length: ${bytes}`,
            'Connection: close',
            '',
            body,
          ];
          const { status } = await rawStatus(s.port, lines.join('\r\n'));
          expect(status === 0 || status < 500, `${method} ${target} → ${status}`).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
    // The host still answers, and nothing was written: no login, no scan, no backup.
    expect((await rawStatus(s.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nConnection: close\r\n\r\n`)).status).toBe(200);
    expect(s.journalLength()).toBe(before);
    expect(s.f.store.logins.allLive()).toEqual([]);
  });
});
