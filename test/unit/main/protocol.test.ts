import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../../main/window';

type Handler = (request: { url: string; method: string; headers: Headers }) => Promise<Response>;

// protocol.handle is captured so the real handler runs against real files in a temp folder.
const captured = vi.hoisted(() => ({ schemes: [] as unknown[], handlers: new Map<string, unknown>() }));
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => captured.schemes.push(...schemes),
    handle: (scheme: string, handler: unknown) => captured.handlers.set(scheme, handler),
  },
}));

const { registerSchemes, serveApp } = await import('../../../main/protocol');

let dir: string;
let root: string;
const logged: { message: string; fields: Record<string, unknown> | undefined }[] = [];
let handle: Handler;
/** What the core was asked for: a refused URL must never get this far. */
const lookups: string[] = [];
const CLIP = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
const EVIDENCE = 'PD-100004-20250301T101500Z.zip';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-protocol-'));
  root = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Packdesk</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app-1a2b.js'), 'console.log("packdesk")');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'station database key');
  fs.mkdirSync(path.join(dir, 'video'));
  fs.writeFileSync(path.join(dir, 'video', '12.webm'), CLIP);
  fs.writeFileSync(path.join(dir, 'video', '13.webm'), new Uint8Array());
  fs.writeFileSync(path.join(dir, EVIDENCE), 'PK zip');
  // Stands in for Station.mediaFile: clips 12 and 13 and one evidence package exist.
  const mediaFiles = (kind: 'clip' | 'evidence', id: string) => {
    lookups.push(`${kind}:${id}`);
    if (kind === 'clip') return ['12', '13', '14'].includes(id) ? path.join(dir, 'video', `${id}.webm`) : null;
    return id === EVIDENCE ? path.join(dir, EVIDENCE) : null;
  };
  serveApp(root, { files: mediaFiles, remoteClips: async () => null }, (message, fields) => logged.push({ message, fields }));
  handle = captured.handlers.get('app') as Handler;
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const get = (url: string, headers: Record<string, string> = {}) => handle({ url, method: 'GET', headers: new Headers(headers) });

describe('app:// protocol', () => {
  it('registers app as a standard, secure, fetch- and stream-capable scheme and the print scheme with less, neither bypassing CSP', () => {
    registerSchemes();
    expect(captured.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
      { scheme: 'packdesk-print', privileges: { standard: true, secure: true } },
    ]);
  });

  it('serves index.html with its MIME type and the CSP', async () => {
    const response = await get('app://packdesk/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(await response.text()).toContain('<title>Packdesk</title>');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await get('app://packdesk/assets/app-1a2b.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log("packdesk")');
  });

  it('falls back to index.html for a client-side route but not for a missing asset', async () => {
    const route = await get('app://packdesk/queue');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('Packdesk');
    expect((await get('app://packdesk/assets/missing.js')).status).toBe(404);
    expect((await get('app://packdesk/assets')).status).toBe(200);
  });

  it.each(['app://packdesk/../secret.txt', 'app://packdesk/%2e%2e/secret.txt', 'app://packdesk/assets/..%2f..%2fsecret.txt', 'app://packdesk/..\\secret.txt'])(
    'never reads outside the renderer root: %s',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain('station database key');
    },
  );

  it('refuses other hosts and logs the refusal', async () => {
    logged.length = 0;
    expect((await get('app://evil/index.html')).status).toBe(403);
    expect(logged).toEqual([{ message: 'refused an app:// request', fields: { url: 'app://evil/index.html', reason: 'not the app origin' } }]);
  });

  it('answers HEAD without a body and refuses writes', async () => {
    const head = await handle({ url: 'app://packdesk/index.html', method: 'HEAD', headers: new Headers() });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await handle({ url: 'app://packdesk/index.html', method: 'POST', headers: new Headers() })).status).toBe(405);
  });
});

describe('app://packdesk/media/', () => {
  const bytes = async (response: Response) => new Uint8Array(await response.arrayBuffer());

  it('serves a whole clip as video that can be sought', async () => {
    const response = await get('app://packdesk/media/clip/12');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('video/webm');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('content-length')).toBe('1000');
    expect(await bytes(response)).toEqual(CLIP);
  });

  it('answers a single Range with 206 and exactly those bytes', async () => {
    const response = await get('app://packdesk/media/clip/12', { range: 'bytes=100-199' });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(response.headers.get('content-length')).toBe('100');
    expect(await bytes(response)).toEqual(CLIP.slice(100, 200));
  });

  it('answers open-ended and suffix ranges, clamped to the file', async () => {
    const open = await get('app://packdesk/media/clip/12', { range: 'bytes=990-' });
    expect(open.headers.get('content-range')).toBe('bytes 990-999/1000');
    expect(await bytes(open)).toEqual(CLIP.slice(990));
    const suffix = await get('app://packdesk/media/clip/12', { range: 'bytes=-5' });
    expect(suffix.headers.get('content-range')).toBe('bytes 995-999/1000');
    expect(await bytes(suffix)).toEqual(CLIP.slice(995));
    const past = await get('app://packdesk/media/clip/12', { range: 'bytes=900-5000' });
    expect(past.headers.get('content-range')).toBe('bytes 900-999/1000');
  });

  it('answers 416 for a range past the end, naming the size', async () => {
    const response = await get('app://packdesk/media/clip/12', { range: 'bytes=1000-' });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe('bytes */1000');
    expect((await get('app://packdesk/media/clip/13', { range: 'bytes=0-' })).status).toBe(416);
  });

  it('sends the whole file for several ranges, as the browser host does', async () => {
    const response = await get('app://packdesk/media/clip/12', { range: 'bytes=0-1,5-6' });
    expect(response.status).toBe(200);
    expect((await bytes(response)).length).toBe(1000);
  });

  it('offers an evidence package as a download', async () => {
    const response = await get(`app://packdesk/media/evidence/${EVIDENCE}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${EVIDENCE}"`);
    expect(await response.text()).toBe('PK zip');
  });

  it('answers 404 for ids the core does not know, or whose file is gone', async () => {
    for (const url of ['app://packdesk/media/clip/99', 'app://packdesk/media/clip/14', 'app://packdesk/media/evidence/PD-1-20250301T101500Z.zip']) {
      expect((await get(url)).status, url).toBe(404);
    }
  });

  it('answers 404 without asking the core for an id of the wrong shape or an unknown kind', async () => {
    lookups.length = 0;
    for (const url of [
      'app://packdesk/media/clip/abc',
      'app://packdesk/media/clip/1.5',
      'app://packdesk/media/other/12',
      'app://packdesk/media/clip',
      'app://packdesk/media/clip/12/extra',
      'app://packdesk/media/evidence/.hidden',
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
    expect(lookups).toEqual([]);
  });

  it.each([
    'app://packdesk/media/evidence/..%2f..%2fsecret.txt',
    'app://packdesk/media/evidence/%2e%2e',
    'app://packdesk/media/clip/../../secret.txt',
    'app://packdesk/media/evidence/..%5csecret.txt',
    'app://packdesk/media/evidence//secret.txt',
    'app://packdesk/media/evidence/C%3a%2fsecret.txt',
  ])('refuses a traversal before the core sees it: %s', async (url) => {
    lookups.length = 0;
    const response = await get(url);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('station database key');
    expect(lookups).toEqual([]);
  });

  it('answers HEAD without a body and refuses writes', async () => {
    const head = await handle({ url: 'app://packdesk/media/clip/12', method: 'HEAD', headers: new Headers() });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('1000');
    expect(await head.text()).toBe('');
    expect((await handle({ url: 'app://packdesk/media/clip/12', method: 'POST', headers: new Headers() })).status).toBe(405);
  });
});
