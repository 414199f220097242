import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startCentral, type RunningCentral } from '../../../src/central/central';
import { publicKeyText, signRequest } from '../../../src/platform/request-signature';
import { usePostgres } from '../../support/postgres-server';
import { TestClock } from '../../support/station-fixture';

const server = usePostgres();
const WINDOW_MS = 60_000;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

let central: RunningCentral | null = null;
afterEach(async () => {
  await central?.close();
  central = null;
});

async function centralWithStation(): Promise<{ central: RunningCentral; key: crypto.KeyObject; clock: TestClock }> {
  const clock = new TestClock();
  central = await startCentral({
    databaseUrl: await server().createDatabase(),
    host: '127.0.0.1',
    port: 0,
    logger: silent,
    clock,
    signatureWindowMs: WINDOW_MS,
  });
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  expect(await central.store.stations.register({ id: 'ST-02', name: 'Packing 2', publicKey: publicKeyText(privateKey) }, clock.now())).toBe('added');
  return { central, key: privateKey, clock };
}

async function send(
  c: RunningCentral,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; json: { error?: { params?: { reason?: string } }; value?: { id: string } } }> {
  const res = await fetch(`${c.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body,
  });
  return { status: res.status, json: (await res.json()) as never };
}

const reasonOf = (r: Awaited<ReturnType<typeof send>>): string | undefined => r.json.error?.params?.reason;

describe('central authenticates every station request by its signature', () => {
  it('lets a registered station in with a signed request', async () => {
    const { central: c, key, clock } = await centralWithStation();
    const res = await send(c, '/v1/station', signRequest(key, 'ST-02', { method: 'GET', path: '/v1/station', body: '' }, clock.now()));
    expect(res.status).toBe(200);
    expect(res.json.value?.id).toBe('ST-02');
  });

  it('refuses a request without a signature', async () => {
    const { central: c } = await centralWithStation();
    const res = await send(c, '/v1/station', {});
    expect([res.status, reasonOf(res)]).toEqual([401, 'unsigned']);
  });

  it('refuses a station nobody registered, even with a well-formed signature', async () => {
    const { central: c, clock } = await centralWithStation();
    const stranger = crypto.generateKeyPairSync('ed25519').privateKey;
    const res = await send(c, '/v1/station', signRequest(stranger, 'ST-99', { method: 'GET', path: '/v1/station', body: '' }, clock.now()));
    expect([res.status, reasonOf(res)]).toEqual([401, 'unknown-station']);
  });

  it('refuses a registered station name signed with another key', async () => {
    const { central: c, clock } = await centralWithStation();
    const impostor = crypto.generateKeyPairSync('ed25519').privateKey;
    const res = await send(c, '/v1/station', signRequest(impostor, 'ST-02', { method: 'GET', path: '/v1/station', body: '' }, clock.now()));
    expect([res.status, reasonOf(res)]).toEqual([401, 'bad-signature']);
  });

  it('refuses a body changed after signing, and a signature moved to another path', async () => {
    const { central: c, key, clock } = await centralWithStation();
    const body = JSON.stringify({ stationTime: clock.now().toISOString() });
    const headers = signRequest(key, 'ST-02', { method: 'POST', path: '/v1/hello', body }, clock.now());
    expect(reasonOf(await send(c, '/v1/hello', headers, body.replace('Z', '+00:00')))).toBe('bad-signature');
    const signedPost = signRequest(key, 'ST-02', { method: 'POST', path: '/v1/hello', body }, clock.now());
    expect((await send(c, '/v1/hello', signedPost, body)).status).toBe(200);
    const moved = signRequest(key, 'ST-02', { method: 'GET', path: '/v1/other', body: '' }, clock.now());
    expect(reasonOf(await send(c, '/v1/station', moved))).toBe('bad-signature');
  });

  it('refuses a timestamp outside the window, either way', async () => {
    const { central: c, key, clock } = await centralWithStation();
    const past = new Date(clock.now().getTime() - WINDOW_MS - 1_000);
    const future = new Date(clock.now().getTime() + WINDOW_MS + 1_000);
    for (const at of [past, future]) {
      const res = await send(c, '/v1/station', signRequest(key, 'ST-02', { method: 'GET', path: '/v1/station', body: '' }, at));
      expect([res.status, reasonOf(res)]).toEqual([401, 'outside-window']);
    }
  });

  it('refuses a replayed nonce, also when the copies arrive together: exactly one passes', async () => {
    const { central: c, key, clock } = await centralWithStation();
    const headers = signRequest(key, 'ST-02', { method: 'GET', path: '/v1/station', body: '' }, clock.now());
    expect((await send(c, '/v1/station', headers)).status).toBe(200);
    expect(reasonOf(await send(c, '/v1/station', headers))).toBe('replayed');

    const racing = signRequest(key, 'ST-02', { method: 'GET', path: '/v1/station', body: '' }, clock.now());
    const results = await Promise.all(Array.from({ length: 8 }, () => send(c, '/v1/station', racing)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => reasonOf(r) === 'replayed')).toHaveLength(7);
  });

  it('forgets a nonce only once its request could no longer pass the window', async () => {
    const { central: c, key, clock } = await centralWithStation();
    await send(c, '/v1/station', signRequest(key, 'ST-02', { method: 'GET', path: '/v1/station', body: '' }, clock.now()));
    expect(await c.store.nonces.forgetExpired(clock.now())).toBe(0);
    clock.advance(WINDOW_MS + 1);
    expect(await c.store.nonces.forgetExpired(clock.now())).toBe(1);
  });

  it('registers a station once: the same id again is reported, its key is not replaced by accident', async () => {
    const { central: c, clock } = await centralWithStation();
    const other = publicKeyText(crypto.generateKeyPairSync('ed25519').privateKey);
    expect(await c.store.stations.register({ id: 'ST-02', name: 'Again', publicKey: other }, clock.now())).toBe('exists');
    expect((await c.store.stations.find('ST-02'))?.publicKey).not.toBe(other);
  });
});
