import type { VideoSettings } from '../../contract/video';

/**
 * A station records nothing until a manager chooses a camera: a webcam that is not there would
 * only make every packing session start with a warning.
 */
export const DEFAULT_VIDEO_SETTINGS: VideoSettings = {
  mode: 'off',
  cameraDeviceId: null,
  policy: 'warn',
  retentionDays: 30,
  quotaMb: 50_000,
  // About 1.5 Mbit/s keeps a label readable at 720p; an hour is far longer than any parcel takes.
  bitsPerSecond: 1_500_000,
  maxRecordingMinutes: 60,
  nvr: null,
};
