import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../../main/window';

type Handler = (request: { url: string; method: string }) => Promise<Response>;

// protocol.handle is captured so the real handler runs against real files in a temp folder.
const captured = vi.hoisted(() => ({ schemes: [] as unknown[], handlers: new Map<string, unknown>() }));
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => captured.schemes.push(...schemes),
    handle: (scheme: string, handler: unknown) => captured.handlers.set(scheme, handler),
  },
}));

const { registerSchemes, serveRenderer } = await import('../../../main/protocol');

let dir: string;
let root: string;
const logged: { message: string; fields: Record<string, unknown> | undefined }[] = [];
let handle: Handler;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-protocol-'));
  root = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Packdesk</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app-1a2b.js'), 'console.log("packdesk")');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'station database key');
  serveRenderer(root, (message, fields) => logged.push({ message, fields }));
  handle = captured.handlers.get('app') as Handler;
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const get = (url: string) => handle({ url, method: 'GET' });

describe('app:// protocol', () => {
  it('registers app as a standard, secure, fetch-capable scheme and the print scheme with less, neither bypassing CSP', () => {
    registerSchemes();
    expect(captured.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
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
    const head = await handle({ url: 'app://packdesk/index.html', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await handle({ url: 'app://packdesk/index.html', method: 'POST' })).status).toBe(405);
  });
});
