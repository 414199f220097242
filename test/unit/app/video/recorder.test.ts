import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStationFixture, type StationFixture } from '../../../support/station-fixture';
import { bytes, ok, openMugOrder, packMugs } from './support';

let f: StationFixture;
beforeEach(() => {
  f = createStationFixture();
});
afterEach(() => f.close());

describe('recording a packing session', () => {
  it('appends chunks in order, closes with the hash in the journal, and keeps a retried chunk once', async () => {
    const { call, sessionId } = await openMugOrder(f);
    const started = await ok(call('video.start', { sessionId, mimeType: 'video/webm;codecs=vp8' }));
    if (started.mode !== 'webcam') throw new Error('expected webcam mode');
    expect(started.overlay).toMatchObject({
      orderNumber: 'PD-100001',
      person: 'Anna Kowalska',
      returnNumber: null,
      sessionId,
      qrText: `packdesk:session:ST-01:${sessionId}`,
    });
    expect(started.overlay.qr.length).toBeGreaterThanOrEqual(21);
    const id = started.segment.id;
    expect(await ok(call('video.chunk', { segmentId: id, index: 0, ms: 1000, data: bytes('first-') }))).toEqual({ bytes: 6, chunks: 1 });
    expect(await ok(call('video.chunk', { segmentId: id, index: 0, ms: 1000, data: bytes('first-') }))).toEqual({ bytes: 6, chunks: 1 });
    expect(await call('video.chunk', { segmentId: id, index: 5, ms: 1000, data: bytes('x') })).toMatchObject({
      ok: false,
      error: { code: 'VIDEO_CHUNK_OUT_OF_ORDER' },
    });
    f.clock.advance(3000);
    await ok(call('video.chunk', { segmentId: id, index: 1, ms: 1000, data: bytes('second') }));
    const closed = await ok(call('video.stop', { segmentId: id }));
    const file = fs.readFileSync(path.join(f.dir, findClip(f, id)));
    expect(file.toString()).toBe('first-second');
    expect(closed).toMatchObject({ status: 'closed', bytes: 12, sha256: crypto.createHash('sha256').update(file).digest('hex') });
    const entry = f.journal.bySubject({ kind: 'order', id: 'PD-100001' }).find((e) => e.type === 'video.segment');
    expect(entry?.payload).toMatchObject({
      segmentId: id,
      sessionId,
      sha256: closed.sha256,
      bytes: 12,
      recovered: false,
      startedAt: '2026-11-20T07:59:59.000Z',
      endedAt: '2026-11-20T08:00:01.000Z',
    });
  });

  it('closes a segment a crash left open with what reached the disk, ending at its last chunk', async () => {
    const { call, sessionId } = await openMugOrder(f);
    const first = await ok(call('video.start', { sessionId, mimeType: 'video/webm' }));
    if (first.mode !== 'webcam') throw new Error('expected webcam mode');
    await ok(call('video.chunk', { segmentId: first.segment.id, index: 0, ms: 1000, data: bytes('before the crash') }));
    f.clock.advance(10_000);
    const again = await ok(call('video.start', { sessionId, mimeType: 'video/webm' }));
    expect(again.mode === 'webcam' && again.segment.id).not.toBe(first.segment.id);
    const recovered = f.journal.bySubject({ kind: 'order', id: 'PD-100001' }).find((e) => e.type === 'video.segment');
    expect(recovered?.payload).toMatchObject({ segmentId: first.segment.id, recovered: true, bytes: 16, endedAt: '2026-11-20T08:00:00.000Z' });
  });

  it('records nothing when video is off, and an NVR reference with its playback link in NVR mode', async () => {
    const off = await openMugOrder(f, { mode: 'off' }, 'PD-M-0001');
    expect(await ok(off.call('video.start', { sessionId: off.sessionId, mimeType: 'video/webm' }))).toEqual({ mode: 'off' });
    await ok(
      off.call('video.settings.set', {
        mode: 'nvr',
        nvr: { cameraId: 'cam 7', urlTemplate: 'rtsp://nvr.local/play/{camera}?start={startCompact}&end={endCompact}' },
      }),
    );
    const nvr = await ok(off.call('video.start', { sessionId: off.sessionId, mimeType: 'video/webm' }));
    if (nvr.mode !== 'nvr') throw new Error('expected nvr mode');
    f.clock.advance(95_000);
    const closed = await ok(off.call('video.stop', { segmentId: nvr.segment.id }));
    expect(closed).toMatchObject({ kind: 'nvr', cameraId: 'cam 7', playbackUrl: 'rtsp://nvr.local/play/cam%207?start=20261120T080000Z&end=20261120T080135Z' });
  });

  it('under the block policy refuses completion without video, and allows it once the session has a clip', async () => {
    const { call, sessionId } = await openMugOrder(f, { mode: 'webcam', policy: 'block' });
    await packMugs(f);
    expect(await ok(call('video.problem', { sessionId, problem: 'no_camera', detail: 'NotFoundError' }))).toEqual({ policy: 'block' });
    expect(await call('pack.complete', {})).toMatchObject({ ok: false, error: { code: 'VIDEO_REQUIRED' } });
    const started = await ok(call('video.start', { sessionId, mimeType: 'video/webm' }));
    if (started.mode !== 'webcam') throw new Error('expected webcam mode');
    await ok(call('video.chunk', { segmentId: started.segment.id, index: 0, ms: 1000, data: bytes('frames') }));
    expect(await ok(call('pack.complete', {}))).toMatchObject({ orderNumber: 'PD-100001', status: 'shipped' });
    expect(f.journal.bySubject({ kind: 'order', id: 'PD-100001' }).some((e) => e.type === 'video.problem')).toBe(true);
  });

  it('refuses NVR settings with a template it cannot fill', async () => {
    const { call } = await openMugOrder(f, { mode: 'off' }, 'PD-M-0001');
    const bad = await call('video.settings.set', { mode: 'nvr', nvr: { cameraId: '1', urlTemplate: 'file:///etc/{start}' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'NVR_TEMPLATE_INVALID' } });
  });
});

function findClip(f: StationFixture, segmentId: number): string {
  const clip = f.station.mediaFile('clip', String(segmentId));
  if (!clip) throw new Error('clip not on disk');
  return path.relative(f.dir, clip);
}
