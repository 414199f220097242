import type { VideoSettings } from '../../contract/video';
import type { RetentionDeps } from './retention';
import { applyRetention, videoQuotaBytes } from './retention';

/** MediaRecorder's bitrate is a target that busy scenes overshoot; the cap leaves room for that. */
export const CAP_SAFETY_FACTOR = 1.5;

/** Why a recording must stop, and the size it reached. */
export interface VideoLimit {
  reason: 'cap' | 'quota';
  limitBytes: number;
}

/** The most one recording may hold: its bitrate for the longest recording, with room to spare. */
export function recordingCapBytes(settings: Pick<VideoSettings, 'bitsPerSecond' | 'maxRecordingMinutes'>): number {
  return Math.ceil((settings.bitsPerSecond / 8) * settings.maxRecordingMinutes * 60 * CAP_SAFETY_FACTOR);
}

/**
 * The limit a chunk would break, or null when it may be written: the recording's own cap, then
 * the quota over closed clips and open recordings together. Before refusing for the quota, the
 * oldest closed clips make room as retention would delete them anyway; but none are deleted for
 * a chunk that would not fit even with every closed clip gone.
 */
export function limitForChunk(core: RetentionDeps, settings: VideoSettings, writtenBytes: number, chunkBytes: number): VideoLimit | null {
  const { video } = core;
  const cap = recordingCapBytes(settings);
  if (writtenBytes + chunkBytes > cap) return { reason: 'cap', limitBytes: cap };
  const quota = videoQuotaBytes(core);
  const fits = () => {
    const { clips, recording } = video.segments.storedBytes();
    return clips + recording + chunkBytes <= quota;
  };
  if (fits()) return null;
  if (video.segments.storedBytes().recording + chunkBytes > quota) return { reason: 'quota', limitBytes: quota };
  applyRetention(core, chunkBytes);
  return fits() ? null : { reason: 'quota', limitBytes: quota };
}
