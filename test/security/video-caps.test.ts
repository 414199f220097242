import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStationFixture, typedCall, type StationFixture } from '../support/station-fixture';
import { ok, openMugOrder } from '../unit/app/video/support';

const MB = 1024 * 1024;
/** Four MB of recorder output, as the base64 a chunk travels in (under the contract's 6 MB of text). */
const chunkOf = (size: number) => Buffer.alloc(size, 7).toString('base64');
const FOUR_MB = chunkOf(4 * MB);

let f: StationFixture;
beforeEach(() => {
  f = createStationFixture();
});
afterEach(() => f.close());

const clipSize = (segmentId: number) => fs.statSync(f.station.mediaFile('clip', String(segmentId))!).size;
const stopsOf = () => f.events.filter((e) => e.name === 'video.stopped').map((e) => e.payload);

/** Opens PD-100002 at ST-02 with webcam video on, as PD-100001 is at ST-01, and starts recording it. */
async function recordAtSecondStation() {
  const call = typedCall(f.station);
  const at = { stationId: 'ST-02' };
  const scan = (data: string) => ok(call('scan.submit', { data, symbology: null, source: 'wedge' }, at));
  await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }, at));
  await ok(call('video.settings.set', { mode: 'webcam' }, at));
  await scan('PD-P-0002');
  const opened = await scan('PD-100002');
  if (opened.kind !== 'opened') throw new Error('order did not open');
  const started = await ok(call('video.start', { sessionId: opened.view.sessionId, mimeType: 'video/webm' }, at));
  if (started.mode !== 'webcam') throw new Error('expected webcam mode');
  return {
    segmentId: started.segment.id,
    chunk: (index: number, data: string) => call('video.chunk', { segmentId: started.segment.id, index, ms: 1000, data }, at),
  };
}

describe('a recording is capped while it is written', () => {
  it('refuses the chunk past bitrate × longest recording × 1.5, stops the recording, tells the screen and the journal', async () => {
    // 100 kbit/s for at most a minute: 12 500 B/s × 60 s × 1.5 = 1 125 000 bytes.
    const { call, sessionId } = await openMugOrder(f, { mode: 'webcam', bitsPerSecond: 100_000, maxRecordingMinutes: 1 });
    const started = await ok(call('video.start', { sessionId, mimeType: 'video/webm' }));
    if (started.mode !== 'webcam') throw new Error('expected webcam mode');
    expect(started.bitsPerSecond).toBe(100_000);
    const segmentId = started.segment.id;
    const piece = chunkOf(300_000);
    for (let index = 0; index < 3; index++) await ok(call('video.chunk', { segmentId, index, ms: 1000, data: piece }));

    const refused = await call('video.chunk', { segmentId, index: 3, ms: 1000, data: piece });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VIDEO_CAP_REACHED' } });
    expect(await call('video.chunk', { segmentId, index: 3, ms: 1000, data: piece })).toMatchObject({ ok: false });
    expect(clipSize(segmentId)).toBe(900_000);
    expect(clipSize(segmentId)).toBeLessThanOrEqual(1_125_000);

    const closed = f.journal.bySubject({ kind: 'order', id: 'PD-100001' }).find((e) => e.type === 'video.segment');
    expect(closed?.payload).toMatchObject({ segmentId, bytes: 900_000, stoppedBy: 'cap', limitBytes: 1_125_000 });
    expect(stopsOf()).toEqual([{ stationId: 'ST-01', segmentId, sessionId, returnNumber: null, reason: 'cap', bytes: 900_000, limitBytes: 1_125_000 }]);
  });

  it('keeps every recording within the disk quota as chunks arrive, across stations', async () => {
    const { call, sessionId } = await openMugOrder(f, { mode: 'webcam', quotaMb: 100 });
    const first = await ok(call('video.start', { sessionId, mimeType: 'video/webm' }));
    if (first.mode !== 'webcam') throw new Error('expected webcam mode');
    for (let index = 0; index < 13; index++) await ok(call('video.chunk', { segmentId: first.segment.id, index, ms: 1000, data: FOUR_MB }));

    const second = await recordAtSecondStation();
    let index = 0;
    for (; index < 30; index++) {
      const answer = await second.chunk(index, FOUR_MB);
      if (!answer.ok) {
        expect(answer.error.code).toBe('VIDEO_QUOTA_FULL');
        break;
      }
    }
    expect(index).toBe(12);
    expect(clipSize(first.segment.id) + clipSize(second.segmentId)).toBeLessThanOrEqual(100 * MB);
    expect(stopsOf()).toEqual([expect.objectContaining({ stationId: 'ST-02', segmentId: second.segmentId, reason: 'quota', limitBytes: 100 * MB })]);
    const closed = f.journal.bySubject({ kind: 'order', id: 'PD-100002' }).find((e) => e.type === 'video.segment');
    expect(closed?.payload).toMatchObject({ segmentId: second.segmentId, stoppedBy: 'quota' });
    // The first station's recording was within the quota when its chunks came, and goes on.
    expect(await ok(call('video.stop', { segmentId: first.segment.id }))).toMatchObject({ status: 'closed', bytes: 52 * MB });
  });

  it('makes room by deleting the oldest closed clips first, as retention would, and journals it', async () => {
    const { call, sessionId } = await openMugOrder(f, { mode: 'webcam', quotaMb: 100 });
    const old = await ok(call('video.start', { sessionId, mimeType: 'video/webm' }));
    if (old.mode !== 'webcam') throw new Error('expected webcam mode');
    for (let index = 0; index < 15; index++) await ok(call('video.chunk', { segmentId: old.segment.id, index, ms: 1000, data: FOUR_MB }));
    await ok(call('video.stop', { segmentId: old.segment.id }));
    f.clock.advance(60_000);

    const next = await ok(call('video.start', { sessionId, mimeType: 'video/webm' }));
    if (next.mode !== 'webcam') throw new Error('expected webcam mode');
    for (let index = 0; index < 11; index++) await ok(call('video.chunk', { segmentId: next.segment.id, index, ms: 1000, data: FOUR_MB }));
    expect(f.station.mediaFile('clip', String(old.segment.id))).toBeNull();
    const deleted = f.journal.bySubject({ kind: 'order', id: 'PD-100001' }).find((e) => e.type === 'video.deleted');
    expect(deleted?.payload).toMatchObject({ segmentId: old.segment.id, reason: 'quota' });
    expect(stopsOf()).toEqual([]);
  });
});
