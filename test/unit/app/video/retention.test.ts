import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VideoSegmentRecord } from '../../../../src/app/ports/video';
import { planRetention } from '../../../../src/app/video/retention';
import { createStationFixture, type StationFixture } from '../../../support/station-fixture';
import { bytes, ok, openMugOrder } from './support';

const MB = 1024 * 1024;
function clip(id: number, startedAt: string, size: number): VideoSegmentRecord {
  return {
    id,
    sessionId: id,
    returnNumber: null,
    orderNumber: `PD-${id}`,
    stationId: 'ST-01',
    userId: 1,
    kind: 'webcam',
    status: 'closed',
    path: `video/${id}.webm`,
    mimeType: 'video/webm',
    startedAt,
    endedAt: startedAt,
    lastChunkAt: startedAt,
    bytes: size,
    chunks: 1,
    mediaMs: 1000,
    sha256: 'a'.repeat(64),
    cameraId: null,
    playbackUrl: null,
  };
}

describe('planRetention', () => {
  const now = new Date('2026-11-30T12:00:00Z');
  it('deletes clips past their age, oldest first, and keeps the rest', () => {
    const clips = [clip(2, '2026-11-25T10:00:00Z', MB), clip(1, '2026-10-01T10:00:00Z', MB), clip(3, '2026-10-30T11:00:00Z', MB)];
    expect(planRetention(clips, { now, retentionDays: 30, quotaBytes: 100 * MB }).map((e) => [e.segment.id, e.reason])).toEqual([
      [1, 'age'],
      [3, 'age'],
    ]);
  });
  it('deletes the oldest clips until the rest fit the quota', () => {
    const clips = [clip(1, '2026-11-28T10:00:00Z', 40 * MB), clip(2, '2026-11-29T10:00:00Z', 40 * MB), clip(3, '2026-11-30T10:00:00Z', 40 * MB)];
    expect(planRetention(clips, { now, retentionDays: 30, quotaBytes: 100 * MB }).map((e) => [e.segment.id, e.reason])).toEqual([[1, 'quota']]);
    expect(planRetention(clips, { now, retentionDays: 30, quotaBytes: 120 * MB })).toEqual([]);
  });
});

describe('housekeeping', () => {
  let f: StationFixture;
  beforeEach(() => {
    f = createStationFixture();
  });
  afterEach(() => f.close());

  it('deletes an old clip from disk, journals the deletion with the hash, and closes abandoned recordings', async () => {
    const { call, sessionId } = await openMugOrder(f, { mode: 'webcam', retentionDays: 1 });
    const started = await ok(call('video.start', { sessionId, mimeType: 'video/webm' }));
    if (started.mode !== 'webcam') throw new Error('expected webcam mode');
    await ok(call('video.chunk', { segmentId: started.segment.id, index: 0, ms: 1000, data: bytes('old footage') }));
    const file = f.station.mediaFile('clip', String(started.segment.id))!;
    f.clock.advance(2 * 60_000);
    f.station.videoHousekeeping();
    const closed = f.journal.bySubject({ kind: 'order', id: 'PD-100001' }).find((e) => e.type === 'video.segment');
    expect(closed?.payload).toMatchObject({ recovered: true });
    expect(fs.existsSync(file)).toBe(true);
    f.clock.advance(2 * 24 * 60 * 60_000);
    f.station.videoHousekeeping();
    expect(fs.existsSync(file)).toBe(false);
    expect(f.station.mediaFile('clip', String(started.segment.id))).toBeNull();
    const deleted = f.journal.bySubject({ kind: 'order', id: 'PD-100001' }).find((e) => e.type === 'video.deleted');
    expect(deleted?.payload).toMatchObject({ segmentId: started.segment.id, reason: 'age', sha256: (closed?.payload as { sha256: string }).sha256 });
  });
});
