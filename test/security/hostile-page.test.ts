import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedStation, type GuardedStation } from './support';

let s: GuardedStation;
let hostile: http.Server;
let hostileUrl: string;
let browser: Browser;

/** A page on another local origin that tries what a malicious site would against the station. */
function hostilePage(station: string): string {
  return `<!doctype html><title>Cheap flights</title>
<form id="f" method="POST" action="${station}api/pack.close" target="sink"><input name="a" value="1"></form>
<iframe name="sink"></iframe>
<script>
  const station = ${JSON.stringify(station)};
  const attempts = ['pack.undo', 'pack.complete', 'pack.close', 'admin.backup', 'sync.now', 'auth.activity', 'auth.logout'].flatMap((m) => [
    fetch(station + 'api/' + m, { method: 'POST', mode: 'no-cors' }).catch(() => null),
    fetch(station + 'api/' + m, { method: 'POST', mode: 'no-cors', body: '{}', headers: { 'content-type': 'text/plain' } }).catch(() => null),
    fetch(station + 'api/' + m, { method: 'POST', mode: 'no-cors', credentials: 'include', body: '{}' }).catch(() => null),
  ]);
  Promise.all(attempts).then(() => { document.getElementById('f').submit(); setTimeout(() => { window.done = true; }, 500); });
</script>`;
}

beforeAll(async () => {
  s = await guardedStation();
  hostile = http.createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(hostilePage(s.url)));
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.2', resolve));
  hostileUrl = `http://127.0.0.2:${(hostile.address() as AddressInfo).port}/`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', `--host-resolver-rules=MAP evil.example 127.0.0.1`],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  hostile?.close();
  await s?.close();
});

describe('a hostile page in real Chromium', () => {
  it('cannot act through the packer’s login with no-cors posts or a form', { timeout: 60_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(s.url);
    const post = (method: string, body: unknown) =>
      page.evaluate(
        async ([m, b]) => (await fetch(`/api/${m}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) })).json(),
        [method, body] as const,
      );
    expect(await post('auth.badge', { badge: 'PD-P-0001' })).toMatchObject({ ok: true });
    expect(await post('pack.open', { code: 'PD-100001' })).toMatchObject({ ok: true });
    const before = s.journalLength();

    await page.goto(hostileUrl);
    await page.waitForFunction(() => (window as unknown as { done?: boolean }).done === true, undefined, { timeout: 20_000 });

    expect(s.journalLength()).toBe(before);
    await page.goto(s.url);
    expect(await post('auth.current', {})).toMatchObject({ ok: true, value: { user: { name: 'Anna Kowalska' } } });
    expect(await post('pack.current', {})).toMatchObject({ ok: true, value: { order: { number: 'PD-100001' } } });
    await context.close();
  });

  it('cannot reach the station through a rebound host name', { timeout: 60_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`http://evil.example:${s.port}/`);
    expect(response?.status()).toBe(421);
    const api = await page.evaluate(
      async () => (await fetch('/api/queue.list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status,
    );
    expect(api).toBe(421);
    await context.close();
  });
});
