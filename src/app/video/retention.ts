import type { VideoSegmentRecord } from '../ports/video';
import type { VideoDeps } from './recorder';
import { DEFAULT_VIDEO_SETTINGS } from './settings';

export interface RetentionRule {
  now: Date;
  retentionDays: number;
  quotaBytes: number;
}

export interface Expired {
  segment: VideoSegmentRecord;
  reason: 'age' | 'quota';
}

const DAY_MS = 24 * 60 * 60 * 1000;

export type RetentionDeps = Pick<VideoDeps, 'store' | 'journal' | 'clock' | 'logger' | 'stationId' | 'video'>;

/** Which clips go: every clip past its age, then the oldest until the rest fit the quota. Oldest first. */
export function planRetention(clips: readonly VideoSegmentRecord[], rule: RetentionRule): Expired[] {
  const oldestKept = rule.now.getTime() - rule.retentionDays * DAY_MS;
  const sorted = [...clips].sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id - b.id);
  const expired: Expired[] = [];
  let total = sorted.reduce((sum, clip) => sum + clip.bytes, 0);
  for (const segment of sorted) {
    const tooOld = Date.parse(segment.endedAt ?? segment.startedAt) < oldestKept;
    if (!tooOld && total <= rule.quotaBytes) continue;
    expired.push({ segment, reason: tooOld ? 'age' : 'quota' });
    total -= segment.bytes;
  }
  return expired;
}

/** The disk quota for all video in the data folder: the station's own setting, as retention reads it. */
export function videoQuotaBytes({ video, stationId }: Pick<VideoDeps, 'video' | 'stationId'>): number {
  return (video.segments.settings(stationId) ?? DEFAULT_VIDEO_SETTINGS).quotaMb * 1024 * 1024;
}

/**
 * Deletes expired clips. Room is kept in the quota for recordings still being written and for
 * `incomingBytes` about to be, so clips and recordings together stay within it. Each deletion is
 * journaled with the clip's hash first, so the journal still proves what the clip was; the file
 * goes after the entry has committed.
 */
export function applyRetention(core: RetentionDeps, incomingBytes = 0): Expired[] {
  const { video } = core;
  const settings = video.segments.settings(core.stationId) ?? DEFAULT_VIDEO_SETTINGS;
  const plan = planRetention(video.segments.closedClips(), {
    now: core.clock.now(),
    retentionDays: settings.retentionDays,
    quotaBytes: videoQuotaBytes(core) - video.segments.storedBytes().recording - incomingBytes,
  });
  for (const { segment, reason } of plan) {
    core.store.transaction(() => {
      video.segments.markDeleted(segment.id);
      core.journal.append({
        type: 'video.deleted',
        stationId: core.stationId,
        actorId: null,
        subject: { kind: 'order', id: segment.orderNumber },
        payload: {
          segmentId: segment.id,
          sessionId: segment.sessionId,
          returnNumber: segment.returnNumber,
          file: segment.path,
          sha256: segment.sha256,
          bytes: segment.bytes,
          reason,
        },
      });
    });
    if (segment.path) video.files.remove(segment.path);
  }
  if (plan.length > 0) core.logger.info('old packing video deleted', { clips: plan.length, bytes: plan.reduce((s, e) => s + e.segment.bytes, 0) });
  return plan;
}
