import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TimelineView } from '../../../src/contract/review';
import type { RunningCentral } from '../../../src/central/central';
import { createFolderClipStorage } from '../../../src/central/clip-storage';
import { startHost } from '../../../src/host/server';
import { readHostParams } from '../../../renderer/api/host-params';
import { httpTransport } from '../../../renderer/api/http';
import { refusalOf } from '../../../renderer/features/review/clipRefusal';
import { startI18n } from '../../../renderer/i18n';
import { errorText } from '../../../renderer/i18n/error-text';
import { BrowserLike } from '../../support/host-client';
import { usePostgres } from '../../support/postgres-server';
import { ok } from '../app/video/support';
import { attachStation, openCentralWith, recordClip, replicateStation, type AttachedStation } from './clip-fixtures';

const server = usePostgres();
const open: { central: RunningCentral[]; stations: AttachedStation[]; dirs: string[] } = { central: [], stations: [], dirs: [] };
afterEach(async () => {
  for (const s of open.stations.splice(0)) s.f.close();
  for (const c of open.central.splice(0)) await c.close();
  for (const d of open.dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

/** The page's own transport, as the browser host serves it: where it loads a clip from. */
const pageTransport = () =>
  httpTransport({
    params: readHostParams({ search: '?station=ST-02' } as Location, { getItem: () => null, setItem: () => undefined }),
    fetch: () => Promise.reject(new Error('no calls here')),
    openEvents: () => {
      throw new Error('no events here');
    },
  });

describe('the order timeline at one station lists the clips another station recorded, and they play through central (issue 13, point 5)', () => {
  it("A's timeline of an order packed at B lists B's clip naming B as registered at central, and the URL A's page makes plays B's exact bytes", async () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-clips-'));
    open.dirs.push(cache);
    const c = await openCentralWith(await server().createDatabase(), { clipStorage: createFolderClipStorage(cache), clipWaitMs: 10_000 });
    open.central.push(c);
    const a = await attachStation(c, 'ST-A');
    const b = await attachStation(c, 'ST-B', {}, 'Packing table 2');
    open.stations.push(a, b);
    const { segmentId, content } = await recordClip(b);
    await replicateStation(c, b);

    const rendererDir = path.join(cache, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Packdesk</title>');
    const host = await startHost({ station: a.f.station, defaultStationId: 'ST-01', rendererDir, host: '127.0.0.1', port: 0 });
    try {
      const browser = new BrowserLike(host.url, 'ST-02');
      expect((await browser.result('auth.badge', { badge: 'PD-M-0001', pin: '1111' })).ok).toBe(true);
      const read = await browser.result('review.timeline', { orderNumber: 'PD-100001' });
      expect(read.ok).toBe(true);
      const timeline = read.value as TimelineView;
      expect(timeline.readFrom).toBe('central');
      const fromB = timeline.segments.filter((s) => s.recordedAt !== null);
      expect(fromB).toEqual([
        expect.objectContaining({
          id: segmentId,
          recordedAt: 'ST-B',
          recordedAtName: 'Packing table 2',
          orderNumber: 'PD-100001',
          kind: 'webcam',
          status: 'closed',
          bytes: content.length,
          sha256: sha256(content),
        }),
      ]);
      // A recorded nothing of this order: its own clips are none.
      expect(timeline.segments.filter((s) => s.recordedAt === null)).toEqual([]);

      const url = pageTransport().mediaUrl('clip', String(fromB[0]!.id), fromB[0]!.recordedAt);
      expect(url).toBe(`/video/central/ST-B/${segmentId}`);
      const courier = b.f.station.central!.courier!;
      await courier.step(0);
      const [res] = await Promise.all([browser.request(url.slice(1)), courier.step(8000)]);
      expect(res.status).toBe(200);
      expect(sha256(Buffer.from(await res.arrayBuffer()))).toBe(fromB[0]!.sha256);
    } finally {
      await host.close();
    }
  }, 60_000);

  it("B offline: the player at A reads the host's named refusal and says so in English and Polish", async () => {
    const c = await openCentralWith(await server().createDatabase(), {});
    open.central.push(c);
    const a = await attachStation(c, 'ST-A');
    const b = await attachStation(c, 'ST-B');
    open.stations.push(a, b);
    const { segmentId } = await recordClip(b);
    await replicateStation(c, b);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-renderer-'));
    open.dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Packdesk</title>');
    const host = await startHost({ station: a.f.station, defaultStationId: 'ST-01', rendererDir: dir, host: '127.0.0.1', port: 0 });
    try {
      const browser = new BrowserLike(host.url, 'ST-02');
      expect((await browser.result('auth.badge', { badge: 'PD-M-0001', pin: '1111' })).ok).toBe(true);
      // B's courier never polled central: B is offline.
      const url = pageTransport().mediaUrl('clip', String(segmentId), 'ST-B');
      const error = await refusalOf(url, (input, init) => browser.request(String(input).slice(1), init));
      expect(error).toMatchObject({ code: 'VIDEO_STATION_OFFLINE', params: { station: 'ST-B', segment: segmentId } });
      const i18n = startI18n('en');
      expect(errorText(i18n.t, error!)).toMatch(/^This clip is kept at station ST-B, which is offline now/);
      await i18n.changeLanguage('pl');
      expect(errorText(i18n.t, error!)).toMatch(/stanowisku ST-B.*offline/);
      await i18n.changeLanguage('en');
      // A clip central has no index entry of is named too.
      expect(await refusalOf(url.replace(`/${segmentId}`, '/999'), (input, init) => browser.request(String(input).slice(1), init))).toMatchObject({
        code: 'VIDEO_SEGMENT_NOT_FOUND',
      });
    } finally {
      await host.close();
    }
  }, 60_000);

  it("read at B itself, B's own clip is listed once, as this station's own", async () => {
    const c = await openCentralWith(await server().createDatabase(), {});
    open.central.push(c);
    const b = await attachStation(c, 'ST-B');
    open.stations.push(b);
    const { segmentId } = await recordClip(b);
    await replicateStation(c, b);
    await ok(b.call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
    const timeline = await ok(b.call('review.timeline', { orderNumber: 'PD-100001' }));
    expect(timeline.readFrom).toBe('central');
    expect(timeline.segments.map((s) => ({ id: s.id, recordedAt: s.recordedAt }))).toEqual([{ id: segmentId, recordedAt: null }]);
  }, 60_000);
});
