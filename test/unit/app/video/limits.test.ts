import { describe, expect, it } from 'vitest';
import { recordingCapBytes } from '../../../../src/app/video/limits';
import { videoSettingsSchema } from '../../../../src/contract/video';
import { createStationFixture } from '../../../support/station-fixture';
import { ok, openMugOrder } from './support';

describe('the cap of one recording', () => {
  it('is the bitrate for the longest recording, with half again to spare', () => {
    expect(recordingCapBytes({ bitsPerSecond: 1_500_000, maxRecordingMinutes: 60 })).toBe(1_012_500_000);
    expect(recordingCapBytes({ bitsPerSecond: 100_000, maxRecordingMinutes: 1 })).toBe(1_125_000);
  });

  it('reads settings saved before the cap existed with its defaults', () => {
    const saved = { mode: 'webcam', cameraDeviceId: null, policy: 'warn', retentionDays: 30, quotaMb: 50_000, nvr: null };
    expect(videoSettingsSchema.parse(saved)).toMatchObject({ bitsPerSecond: 1_500_000, maxRecordingMinutes: 60 });
  });

  it('keeps the cap settings when a manager changes another setting', async () => {
    const f = createStationFixture();
    try {
      const { call } = await openMugOrder(f, { mode: 'webcam', maxRecordingMinutes: 5, bitsPerSecond: 800_000 }, 'PD-M-0001');
      await ok(call('video.settings.set', { policy: 'block' }));
      expect(await ok(call('video.settings', {}))).toMatchObject({ policy: 'block', maxRecordingMinutes: 5, bitsPerSecond: 800_000 });
    } finally {
      f.close();
    }
  });
});
