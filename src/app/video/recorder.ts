import { StationFailure } from '../../contract/errors';
import { ownerKey, type VideoOwner, type VideoSegmentView, type VideoSettings, type VideoStart } from '../../contract/video';
import type { CallContext, CommonPorts } from '../context';
import type { PackingRepository } from '../ports';
import type { ReturnsRepository } from '../ports/returns';
import type { VideoPorts, VideoSegmentRecord } from '../ports/video';
import { limitForChunk, type VideoLimit } from './limits';
import { playbackUrl } from './nvr';
import { problemOrder, recordingOwner } from './owner';
import { DEFAULT_VIDEO_SETTINGS } from './settings';

export type CameraProblem = 'no_camera' | 'camera_failed' | 'recorder_failed';

/** What video uses: its segments and files, which session is open at a station, and the returns the desk records. */
export interface VideoDeps extends Pick<CommonPorts, 'store' | 'journal' | 'clock' | 'logger' | 'events' | 'stationId'> {
  packing: Pick<PackingRepository, 'activeAt'>;
  returns: Pick<ReturnsRepository, 'byNumber'>;
  video: VideoPorts;
}

export function toSegmentView(s: VideoSegmentRecord): VideoSegmentView {
  const { id, sessionId, returnNumber, orderNumber, stationId, kind, status, startedAt, endedAt, bytes, sha256, cameraId, playbackUrl: url } = s;
  return { id, sessionId, returnNumber, orderNumber, stationId, kind, status, startedAt, endedAt, bytes, sha256, cameraId, playbackUrl: url };
}

const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/**
 * The video of a station: a segment opens with the packing session (or with a return at the
 * returns desk), takes the recorder's chunks as they come, and closes with its hash in the
 * journal. A segment a crash left open is closed with what reached the disk when the station next records or tidies up.
 */
export class VideoDesk {
  /** Owners (sessions, returns: `ownerKey`) whose camera failed after their last segment started; the block policy refuses them. */
  private readonly failed = new Set<string>();

  private readonly video: VideoPorts;

  constructor(private readonly core: VideoDeps) {
    this.video = core.video;
  }

  settings(stationId: string): VideoSettings {
    return this.video.segments.settings(stationId) ?? DEFAULT_VIDEO_SETTINGS;
  }

  start(call: CallContext, owner: VideoOwner, mimeType: string): VideoStart {
    const { store, clock } = this.core;
    const user = call.user;
    if (!user) throw new StationFailure('NOT_LOGGED_IN', 'Log in first.');
    const own = recordingOwner(this.core, call, owner);
    for (const left of this.video.segments.recordingAt(call.stationId)) this.close(left, true);
    this.failed.delete(own.key);
    const settings = this.settings(call.stationId);
    if (settings.mode === 'off') return { mode: 'off' };
    const startedAt = clock.now().toISOString();
    const { sessionId, returnNumber, orderNumber } = own;
    const base = { sessionId, returnNumber, orderNumber, stationId: call.stationId, userId: user.id, startedAt };
    if (settings.mode === 'nvr') {
      const cameraId = settings.nvr?.cameraId ?? null;
      const segment = this.video.segments.create({ ...base, kind: 'nvr', path: null, mimeType: null, cameraId });
      return { mode: 'nvr', segment: toSegmentView(segment) };
    }
    const day = startedAt.slice(0, 10).split('-').join('/');
    const safe = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, '_');
    const whose = returnNumber !== null ? safe(returnNumber) : `s${sessionId}`;
    const path = `video/${day}/${call.stationId}-${safe(orderNumber)}-${whose}-${stamp(startedAt)}.webm`;
    const segment = this.video.segments.create({ ...base, kind: 'webcam', path, mimeType, cameraId: settings.cameraDeviceId });
    const station = store.stations.get(call.stationId);
    return {
      mode: 'webcam',
      segment: toSegmentView(segment),
      overlay: {
        orderNumber,
        returnNumber,
        person: user.name,
        station: station ? `${station.id} ${station.name}` : call.stationId,
        sessionId,
        qr: this.video.qr(own.qrText),
        qrText: own.qrText,
      },
      cameraDeviceId: settings.cameraDeviceId,
      policy: settings.policy,
      bitsPerSecond: settings.bitsPerSecond,
    };
  }

  /**
   * Appends chunk `index`; a chunk sent twice (a retry after a lost answer) is stored once. A
   * chunk that would pass the recording's cap or the disk quota is not written: the recording
   * stops there, so no client can fill the disk however fast it sends.
   */
  chunk(call: CallContext, segmentId: number, index: number, ms: number, bytes: Uint8Array): { bytes: number; chunks: number } {
    const segment = this.recording(call, segmentId);
    if (index < segment.chunks) return { bytes: segment.bytes, chunks: segment.chunks };
    if (index > segment.chunks || !segment.path) {
      throw new StationFailure('VIDEO_CHUNK_OUT_OF_ORDER', `Segment ${segmentId} expects chunk ${segment.chunks}, got ${index}.`, {
        expected: segment.chunks,
        got: index,
      });
    }
    const limit = limitForChunk(this.core, this.settings(segment.stationId), this.video.files.size(segment.path), bytes.length);
    if (limit) throw this.stopAtLimit(segment, limit);
    const size = this.video.files.append(segment.path, bytes);
    const now = this.core.clock.now();
    // The first chunk holds the first `ms` of video: recording began that long before it arrived.
    const startedAt = index === 0 ? new Date(now.getTime() - ms).toISOString() : undefined;
    this.video.segments.chunkStored(segment.id, {
      bytes: size,
      chunks: index + 1,
      mediaMs: segment.mediaMs + ms,
      at: now.toISOString(),
      ...(startedAt ? { startedAt } : {}),
    });
    return { bytes: size, chunks: index + 1 };
  }

  stop(call: CallContext, segmentId: number): VideoSegmentView {
    const segment = this.video.segments.byId(segmentId);
    if (!segment || segment.stationId !== call.stationId) throw notFound(segmentId);
    if (segment.status !== 'recording') return toSegmentView(segment);
    return toSegmentView(this.close(segment, false));
  }

  problem(call: CallContext, owner: VideoOwner, problem: CameraProblem, detail: string): VideoSettings['policy'] {
    const orderNumber = problemOrder(this.core, call.stationId, owner);
    const settings = this.settings(call.stationId);
    this.failed.add(ownerKey(owner));
    const { sessionId = null, returnNumber = null } = owner;
    this.core.journal.append({
      type: 'video.problem',
      stationId: call.stationId,
      actorId: call.user?.id ?? null,
      subject: orderNumber ? { kind: 'order', id: orderNumber } : { kind: 'station', id: call.stationId },
      payload: { sessionId, ...(returnNumber !== null ? { returnNumber } : {}), problem, detail, policy: settings.policy },
    });
    this.core.logger.warn('video problem', { stationId: call.stationId, sessionId, returnNumber, problem, detail });
    return settings.policy;
  }

  /** Whether a session or a return has the video its station's policy asks for before it may be completed or decided. */
  missingVideo(stationId: string, owner: VideoOwner): boolean {
    const settings = this.settings(stationId);
    if (settings.mode !== 'webcam' || settings.policy !== 'block') return false;
    if (this.failed.has(ownerKey(owner))) return true;
    const segments = owner.sessionId !== undefined ? this.video.segments.forSession(owner.sessionId) : this.video.segments.forReturn(owner.returnNumber);
    return !segments.some((s) => s.chunks > 0 && s.status !== 'deleted');
  }

  /** Completion under the block policy needs the session's video: one of the completion's checks (see createStation). */
  requireVideoToComplete(call: Pick<CallContext, 'stationId'>): void {
    const session = this.core.packing.activeAt(call.stationId);
    if (session && this.missingVideo(call.stationId, { sessionId: session.id })) {
      throw new StationFailure('VIDEO_REQUIRED', 'This station records every parcel, and this one has no video. Fix the camera, then complete.', {
        session: session.id,
      });
    }
  }

  /** Deciding a return under the block policy needs the return's video, as completing a parcel does (see createStation). */
  requireVideoToDecide(call: Pick<CallContext, 'stationId'>, returnNumber: string): void {
    if (this.missingVideo(call.stationId, { returnNumber })) {
      throw new StationFailure('VIDEO_REQUIRED', `This station records every return, and return ${returnNumber} has no video. Fix the camera, then decide.`, {
        return: returnNumber,
      });
    }
  }

  /** Closes segments whose recorder went quiet (a crashed browser); the housekeeping timer calls this. */
  closeAbandoned(quietMs: number): number {
    const before = new Date(this.core.clock.now().getTime() - quietMs).toISOString();
    const abandoned = this.video.segments.recordingOlderThan(before);
    for (const segment of abandoned) this.close(segment, true);
    return abandoned.length;
  }

  private recording(call: CallContext, segmentId: number): VideoSegmentRecord {
    const segment = this.video.segments.byId(segmentId);
    if (!segment || segment.stationId !== call.stationId) throw notFound(segmentId);
    if (segment.status !== 'recording') throw new StationFailure('VIDEO_SEGMENT_NOT_FOUND', `Segment ${segmentId} is already closed.`, { segment: segmentId });
    return segment;
  }

  /** Closes a recording that reached a limit, tells the station's screens, and says why to the caller. */
  private stopAtLimit(segment: VideoSegmentRecord, limit: VideoLimit): StationFailure {
    const closed = this.close(segment, false, limit);
    const { stationId, id: segmentId, sessionId, returnNumber } = segment;
    const stopped = { stationId, segmentId, sessionId, returnNumber, reason: limit.reason, bytes: closed.bytes, limitBytes: limit.limitBytes };
    this.core.events.emit('video.stopped', stopped);
    this.core.logger.warn('packing video stopped at its limit', stopped);
    const limitMb = Math.max(1, Math.round(limit.limitBytes / (1024 * 1024)));
    return limit.reason === 'cap'
      ? new StationFailure('VIDEO_CAP_REACHED', `The recording reached its size limit of ${limitMb} MB and was stopped.`, { segment: segmentId, limitMb })
      : new StationFailure('VIDEO_QUOTA_FULL', `The disk space for packing video (${limitMb} MB) is full; the recording was stopped.`, {
          segment: segmentId,
          limitMb,
        });
  }

  private close(segment: VideoSegmentRecord, recovered: boolean, limit: VideoLimit | null = null): VideoSegmentRecord {
    const { store, journal, clock } = this.core;
    // A clip ends where its video ends; an NVR reference when the session let go of it.
    const endedAt =
      segment.kind === 'webcam'
        ? new Date(Date.parse(segment.startedAt) + segment.mediaMs).toISOString()
        : recovered
          ? (segment.lastChunkAt ?? segment.startedAt)
          : clock.now().toISOString();
    let url: string | null = null;
    if (segment.kind === 'nvr') {
      const nvr = this.settings(segment.stationId).nvr;
      if (nvr) url = playbackUrl(nvr.urlTemplate, { cameraId: segment.cameraId ?? nvr.cameraId, start: new Date(segment.startedAt), end: new Date(endedAt) });
    }
    const bytes = segment.path ? this.video.files.size(segment.path) : 0;
    const sha256 = segment.path ? this.video.files.sha256(segment.path) : null;
    return store.transaction(() => {
      this.video.segments.close(segment.id, { endedAt, bytes, sha256, playbackUrl: url });
      journal.append({
        type: 'video.segment',
        stationId: segment.stationId,
        actorId: segment.userId,
        subject: { kind: 'order', id: segment.orderNumber },
        payload: {
          segmentId: segment.id,
          sessionId: segment.sessionId,
          // A clip the returns desk recorded names its return; a packing clip has none.
          ...(segment.returnNumber !== null ? { returnNumber: segment.returnNumber } : {}),
          kind: segment.kind,
          file: segment.path,
          mimeType: segment.mimeType,
          startedAt: segment.startedAt,
          endedAt,
          bytes,
          sha256,
          cameraId: segment.cameraId,
          playbackUrl: url,
          recovered,
          // Why the station, not the recorder, ended the clip.
          ...(limit ? { stoppedBy: limit.reason, limitBytes: limit.limitBytes } : {}),
        },
      });
      return this.video.segments.byId(segment.id)!;
    });
  }
}

function notFound(segmentId: number): StationFailure {
  return new StationFailure('VIDEO_SEGMENT_NOT_FOUND', `There is no video segment ${segmentId} at this station.`, { segment: segmentId });
}
