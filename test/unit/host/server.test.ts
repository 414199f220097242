import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostConfigError } from '../../../src/host/binding';
import { startHost, type RunningHost } from '../../../src/host/server';
import { BrowserLike } from '../../support/host-client';
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

describe('the browser host', () => {
  it('serves the renderer with a strict content security policy', async () => {
    const { url } = await start();
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Packdesk</title>');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(page.headers.get('content-security-policy')).not.toMatch(/unsafe-eval/);
  });

  it('dispatches POST /api/<method> through the contract, per station and per browser', async () => {
    const { url } = await start();
    const browser = new BrowserLike(url, 'ST-02');
    const login = await browser.call('auth.badge', { badge: 'PD-P-0002' });
    expect(login.status).toBe(200);
    expect(await login.json()).toMatchObject({ ok: true, value: { user: { name: 'Piotr Nowak' }, station: { id: 'ST-02' } } });
    expect(await browser.result('auth.current')).toMatchObject({ ok: true, value: { user: { name: 'Piotr Nowak' } } });
    expect(await new BrowserLike(url, 'ST-01').result('auth.current')).toEqual({ ok: true, value: null });
    const invalid = await browser.call('auth.badge', { badge: '' });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect((await browser.call('no.such', {})).status).toBe(404);
  });

  it('answers 401 to API calls and event streams without the token, and trades ?token= for a cookie', async () => {
    const token = 'station-token-0123456789';
    const { url } = await start(token);
    const anonymous = new BrowserLike(url);
    const refused = await anonymous.call('station.info', {});
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect((await anonymous.call('station.info', {}, { authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401);
    expect((await anonymous.call('station.info', {}, { authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await fetch(new URL('events', url))).status).toBe(401);

    const browser = new BrowserLike(url);
    const exchanged = await browser.request(`?station=ST-02&token=${token}`);
    expect(exchanged.status).toBe(303);
    expect(exchanged.headers.get('location')).toBe('/?station=ST-02');
    expect(browser.cookie).toMatch(/^packdesk_client=/);
    expect((await browser.call('station.info', {})).status).toBe(200);
  });

  it('will not start on a non-loopback address without a token', async () => {
    await expect(startHost({ station: f.station, defaultStationId: 'ST-01', rendererDir, host: '0.0.0.0', port: 0 })).rejects.toThrow(HostConfigError);
  });

  it("streams its own station's events to a browser logged in there, and that browser's login events to it alone", async () => {
    const { url } = await start();
    const piotr = new BrowserLike(url, 'ST-02');
    await piotr.call('auth.badge', { badge: 'PD-P-0002' });
    const controller = new AbortController();
    const stream = await piotr.request('events?station=ST-02', { signal: controller.signal });
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = stream.body!.getReader();
    await new BrowserLike(url, 'ST-01').call('auth.badge', { badge: 'PD-P-0001' });
    await new BrowserLike(url, 'ST-02').call('auth.badge', { badge: 'PD-P-0001' });
    await piotr.call('auth.logout', {});
    let text = '';
    while (!text.includes('"reason":"logout"')) {
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
