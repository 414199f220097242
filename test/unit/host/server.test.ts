import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostConfigError } from '../../../src/host/binding';
import { startHost, type RunningHost } from '../../../src/host/server';
import { createStationFixture, type StationFixture } from '../../support/station-fixture';

let f: StationFixture;
let host: RunningHost | null = null;
let rendererDir: string;

beforeEach(() => {
  f = createStationFixture();
  rendererDir = path.join(f.dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Packdesk</title>');
});
afterEach(async () => {
  await host?.close();
  host = null;
  f.close();
});

const start = async (token?: string) => {
  host = await startHost({ station: f.station, defaultStationId: 'ST-01', rendererDir, host: '127.0.0.1', port: 0, token });
  return host;
};

const call = (base: string, method: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(new URL(`api/${method}`, base), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('the browser host', () => {
  it('serves the renderer with a strict content security policy', async () => {
    const { url } = await start();
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Packdesk</title>');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(page.headers.get('content-security-policy')).not.toMatch(/unsafe-eval/);
  });

  it('dispatches POST /api/<method> through the contract, per station', async () => {
    const { url } = await start();
    const login = await call(url, 'auth.badge', { badge: 'PD-P-0002' }, { 'x-packdesk-station': 'ST-02' });
    expect(login.status).toBe(200);
    expect(await login.json()).toMatchObject({ ok: true, value: { user: { name: 'Piotr Nowak' }, station: { id: 'ST-02' } } });
    const here = await (await call(url, 'auth.session', {})).json();
    expect(here).toEqual({ ok: true, value: null });
    const invalid = await call(url, 'auth.badge', { badge: '' });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect((await call(url, 'no.such', {})).status).toBe(404);
  });

  it('answers 401 to API calls and event streams without the token', async () => {
    const token = 'station-token-0123456789';
    const { url } = await start(token);
    const anonymous = await call(url, 'station.info', {});
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect((await call(url, 'station.info', {}, { authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401);
    expect((await call(url, 'station.info', {}, { authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await fetch(new URL('events', url))).status).toBe(401);
  });

  it('will not start on a non-loopback address without a token', async () => {
    await expect(startHost({ station: f.station, defaultStationId: 'ST-01', rendererDir, host: '0.0.0.0', port: 0 })).rejects.toThrow(HostConfigError);
  });

  it('streams the station events of its own station as server-sent events', async () => {
    const { url } = await start();
    const controller = new AbortController();
    const stream = await fetch(new URL('events?station=ST-02', url), { signal: controller.signal });
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = stream.body!.getReader();
    await call(url, 'auth.badge', { badge: 'PD-P-0001' }, { 'x-packdesk-station': 'ST-01' });
    await call(url, 'auth.badge', { badge: 'PD-P-0002' }, { 'x-packdesk-station': 'ST-02' });
    let text = '';
    while (!text.includes('Piotr Nowak')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(text).toContain('event: auth.changed');
    expect(text).toContain('"stationId":"ST-02"');
    expect(text).not.toContain('Anna Kowalska');
  });
});
