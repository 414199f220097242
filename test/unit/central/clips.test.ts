import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { consoleClient } from '../../../src/app/context';
import type { RunningCentral } from '../../../src/central/central';
import { createFolderClipStorage } from '../../../src/central/clip-storage';
import { startHost } from '../../../src/host/server';
import { BrowserLike } from '../../support/host-client';
import { signRequest } from '../../../src/platform/request-signature';
import { usePostgres } from '../../support/postgres-server';
import { ok } from '../app/video/support';
import { attachStation, collect, openCentralWith, recordClip, replicateStation, type AttachedStation } from './clip-fixtures';

const server = usePostgres();
const open: { central: RunningCentral[]; stations: AttachedStation[]; dirs: string[] } = { central: [], stations: [], dirs: [] };
afterEach(async () => {
  for (const s of open.stations.splice(0)) s.f.close();
  for (const c of open.central.splice(0)) await c.close();
  for (const d of open.dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Central with its clip folder, stations ST-A (the manager's) and ST-B (which recorded a clip, journal replicated). */
async function warehouse(options: { clipWaitMs?: number } = {}) {
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-clips-'));
  open.dirs.push(cache);
  const c = await openCentralWith(await server().createDatabase(), { clipStorage: createFolderClipStorage(cache), clipWaitMs: options.clipWaitMs ?? 10_000 });
  open.central.push(c);
  const a = await attachStation(c, 'ST-A');
  const b = await attachStation(c, 'ST-B');
  open.stations.push(a, b);
  const clip = await recordClip(b);
  await replicateStation(c, b);
  // The manager at A, at A's own screen.
  await ok(a.call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
  return { c, a, b, cache, ...clip, manager: consoleClient('ST-01') };
}

/** B's courier polls once (central sees it online), then answers while A asks. */
async function askWhileBPolls(b: AttachedStation, ask: () => ReturnType<AttachedStation['f']['station']['remoteClip']>) {
  const courier = b.f.station.central!.courier!;
  expect(await courier.step(0)).toBe('idle');
  const [answer, step] = await Promise.all([ask(), courier.step(8000)]);
  return { answer, step };
}

describe('video on demand: a clip recorded at one station, played at another through central', () => {
  it("plays B's clip at A byte for byte, fetched once; a range is answered 206 with those bytes", async () => {
    const { c, a, b, segmentId, content, manager } = await warehouse();
    const { answer, step } = await askWhileBPolls(b, () => a.f.station.remoteClip(manager, 'ST-B', segmentId, null));
    expect(step).toBe('worked');
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    expect(answer.clip.status).toBe(200);
    expect(answer.clip.headers['content-length']).toBe(String(content.length));
    expect((await collect(answer.clip.body)).equals(content)).toBe(true);
    expect(await c.store.clips.state('ST-B', segmentId)).toEqual({ state: 'held', detail: null });

    // The seek: central holds the clip now, so B is not asked again (its courier is not even running).
    const ranged = await a.f.station.remoteClip(manager, 'ST-B', segmentId, 'bytes=1000-4999');
    if (!ranged.ok) throw new Error(ranged.error.message);
    expect(ranged.clip.status).toBe(206);
    expect(ranged.clip.headers['content-range']).toBe(`bytes 1000-4999/${content.length}`);
    expect((await collect(ranged.clip.body)).equals(content.subarray(1000, 5000))).toBe(true);
    const tail = await a.f.station.remoteClip(manager, 'ST-B', segmentId, 'bytes=-100');
    expect(tail.ok && (await collect(tail.clip.body)).equals(content.subarray(content.length - 100))).toBe(true);
  }, 60_000);

  it('refuses a clip changed at B after it was recorded, naming both hashes, and serves nothing', async () => {
    const { c, a, b, cache, segmentId, manager } = await warehouse();
    const file = b.f.station.mediaFile('clip', String(segmentId))!;
    const bytesAtB = fs.readFileSync(file);
    bytesAtB[500] = bytesAtB[500]! ^ 0xff;
    fs.writeFileSync(file, bytesAtB);
    const { answer } = await askWhileBPolls(b, () => a.f.station.remoteClip(manager, 'ST-B', segmentId, null));
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.status).toBe(502);
    expect(answer.error).toMatchObject({ code: 'VIDEO_HASH_MISMATCH', params: { station: 'ST-B', segment: segmentId } });
    const index = await c.store.clips.segment('ST-B', segmentId);
    expect(answer.error.message).toContain(`says ${index!.sha256}`);
    expect(answer.error.message).toMatch(/the file has SHA-256 [0-9a-f]{64}/);
    expect(answer.error.message).toContain(`seq ${index!.seq}`);
    expect(fs.readdirSync(cache).flatMap((d) => fs.readdirSync(path.join(cache, d)))).toEqual([]);
    expect(b.f.logs.some((l) => l.level === 'error' && l.msg === 'central refused a clip of this station')).toBe(true);
  }, 60_000);

  it('says at once that B is offline when B is not polling central, and after the wait when B does not send', async () => {
    const { a, b, segmentId, manager } = await warehouse({ clipWaitMs: 1500 });
    const never = await a.f.station.remoteClip(manager, 'ST-B', segmentId, null);
    expect(never).toMatchObject({ ok: false, status: 503, error: { code: 'VIDEO_STATION_OFFLINE', params: { station: 'ST-B', segment: segmentId } } });
    expect(never.ok ? '' : never.error.message).toMatch(/Station ST-B holds this clip and has never been in touch with central/);

    // B polled once and went away: the ask waits its 1.5 s, then names B as offline.
    await b.f.station.central!.courier!.step(0);
    const started = Date.now();
    const silent = await a.f.station.remoteClip(manager, 'ST-B', segmentId, null);
    expect(Date.now() - started).toBeLessThan(8000);
    expect(silent).toMatchObject({ ok: false, status: 503, error: { code: 'VIDEO_STATION_OFFLINE' } });
    expect(silent.ok ? '' : silent.error.message).toMatch(/did not send it within 2 s/);
  }, 60_000);

  it("A's browser host plays it for A's manager, seeking with Range (206), and refuses a browser nobody logged into", async () => {
    const { a, b, segmentId, content, cache } = await warehouse();
    const rendererDir = path.join(cache, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Packdesk</title>');
    const host = await startHost({ station: a.f.station, defaultStationId: 'ST-01', rendererDir, host: '127.0.0.1', port: 0 });
    try {
      const clipUrl = `video/central/ST-B/${segmentId}`;
      expect((await new BrowserLike(host.url, 'ST-02').request(clipUrl)).status).toBe(401);
      const browser = new BrowserLike(host.url, 'ST-02');
      expect((await browser.result('auth.badge', { badge: 'PD-M-0001', pin: '1111' })).ok).toBe(true);
      const courier = b.f.station.central!.courier!;
      await courier.step(0);
      const [res] = await Promise.all([browser.request(clipUrl, { headers: { range: 'bytes=0-1023' } }), courier.step(8000)]);
      expect(res.status).toBe(206);
      expect(res.headers.get('content-range')).toBe(`bytes 0-1023/${content.length}`);
      expect(Buffer.from(await res.arrayBuffer()).equals(content.subarray(0, 1024))).toBe(true);
      const whole = await browser.request(clipUrl);
      expect(whole.status).toBe(200);
      expect(Buffer.from(await whole.arrayBuffer()).equals(content)).toBe(true);
    } finally {
      await host.close();
    }
  }, 60_000);

  it('takes an upload only from the station that recorded the clip, signed over the bytes sent', async () => {
    const { c, a, b, segmentId, content } = await warehouse();
    const put = async (s: AttachedStation, signedSha: string) => {
      const pathName = `/v1/video/segments/${segmentId}`;
      const headers = signRequest(s.privateKey, s.id, { method: 'PUT', path: pathName, body: { sha256: signedSha } }, new Date());
      const res = await fetch(`${c.url}${pathName}`, { method: 'PUT', headers: { ...headers, 'content-type': 'video/webm' }, body: new Uint8Array(content) });
      return { status: res.status, body: (await res.json()) as { error?: { code: string; params?: { reason?: string } } } };
    };
    const sha = crypto.createHash('sha256').update(content).digest('hex');
    // A holds no clip of that id: its upload is judged against A's journal, never B's.
    expect(await put(a, sha)).toMatchObject({ status: 404, body: { error: { code: 'VIDEO_SEGMENT_NOT_FOUND' } } });
    // B's signature over other bytes than those sent.
    expect(await put(b, '0'.repeat(64))).toMatchObject({ status: 401, body: { error: { params: { reason: 'bad-signature' } } } });
    expect(await c.store.clips.state('ST-B', segmentId)).toBeNull();
    expect(await put(b, sha)).toMatchObject({ status: 200 });
    expect(await c.store.clips.state('ST-B', segmentId)).toMatchObject({ state: 'held' });
  }, 60_000);

  it("keeps the asking station's rules: logged out, or a packer, gets nothing from central", async () => {
    const { a, segmentId } = await warehouse();
    const packer = { key: 'browser:packer' };
    expect(await a.f.station.remoteClip(packer, 'ST-B', segmentId, null)).toMatchObject({ ok: false, status: 401, error: { code: 'NOT_LOGGED_IN' } });
    await ok(a.f.station.dispatch('scan.submit', { data: 'PD-P-0001', symbology: null, source: 'wedge' }, { stationId: 'ST-02', client: packer }));
    expect(await a.f.station.remoteClip(packer, 'ST-B', segmentId, null)).toMatchObject({ ok: false, status: 403, error: { code: 'FORBIDDEN' } });
    expect(await a.f.station.remoteClip(consoleClient('ST-01'), 'ST-B', 999_999, null)).toMatchObject({
      ok: false,
      error: { code: 'VIDEO_SEGMENT_NOT_FOUND' },
    });
  }, 60_000);
});
