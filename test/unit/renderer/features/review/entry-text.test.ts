import { describe, it, expect } from 'vitest';
import type { VideoSegmentView } from '../../../../../src/contract/video';
import { clipMoment } from '../../../../../renderer/features/review/entryText';

const segment = (id: number, startedAt: string, endedAt: string | null, kind: 'webcam' | 'nvr' = 'webcam'): VideoSegmentView => ({
  id,
  sessionId: 1,
  returnNumber: null,
  orderNumber: 'PD-1',
  stationId: 'ST-01',
  kind,
  status: endedAt ? 'closed' : 'recording',
  startedAt,
  endedAt,
  bytes: 1,
  sha256: null,
  cameraId: null,
  playbackUrl: null,
});

describe('where in the clip an entry happened', () => {
  const clips = [segment(1, '2026-11-20T08:00:00.000Z', '2026-11-20T08:01:00.000Z'), segment(2, '2026-11-20T09:00:00.000Z', '2026-11-20T09:00:30.000Z')];

  it('seeks to the entry time less the start of the clip that covers it', () => {
    expect(clipMoment(clips, '2026-11-20T08:00:12.500Z')).toMatchObject({ segment: { id: 1 }, seconds: 12.5 });
    expect(clipMoment(clips, '2026-11-20T09:00:05.000Z')).toMatchObject({ segment: { id: 2 }, seconds: 5 });
  });

  it('shows the end of the last clip before an entry after it, and the start of the first for one before all', () => {
    expect(clipMoment(clips, '2026-11-20T08:30:00.000Z')).toMatchObject({ segment: { id: 1 }, seconds: 60 });
    expect(clipMoment(clips, '2026-11-20T07:00:00.000Z')).toMatchObject({ segment: { id: 1 }, seconds: 0 });
  });

  it('has nothing to play for NVR references or no clips', () => {
    expect(clipMoment([segment(3, '2026-11-20T08:00:00.000Z', null, 'nvr')], '2026-11-20T08:00:01.000Z')).toBeNull();
    expect(clipMoment([], '2026-11-20T08:00:01.000Z')).toBeNull();
  });
});
