import { StationFailure } from '../../contract/errors';
import type { VideoSegmentView, VideoSettings, VideoStart } from '../../contract/video';
import type { CallContext, CommonPorts } from '../context';
import type { PackingRepository } from '../ports';
import type { VideoPorts, VideoSegmentRecord } from '../ports/video';
import { limitForChunk, type VideoLimit } from './limits';
import { playbackUrl } from './nvr';
import { DEFAULT_VIDEO_SETTINGS } from './settings';

export type CameraProblem = 'no_camera' | 'camera_failed' | 'recorder_failed';

/** What packing video uses: its segments and files, and which session is open at a station. */
export interface VideoDeps extends Pick<CommonPorts, 'store' | 'journal' | 'clock' | 'logger' | 'events' | 'stationId'> {
  packing: Pick<PackingRepository, 'activeAt'>;
  video: VideoPorts;
}

export function toSegmentView(s: VideoSegmentRecord): VideoSegmentView {
  const { id, sessionId, orderNumber, stationId, kind, status, startedAt, endedAt, bytes, sha256, cameraId, playbackUrl: url } = s;
  return { id, sessionId, orderNumber, stationId, kind, status, startedAt, endedAt, bytes, sha256, cameraId, playbackUrl: url };
}

/** What the QR code in every frame says: enough to find the session in this station's journal. */
export const sessionQrText = (stationId: string, sessionId: number) => `packdesk:session:${stationId}:${sessionId}`;

const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/**
 * The packing video of a station: a segment opens with the packing session, takes the
 * recorder's chunks as they come, and closes with its hash in the journal. A segment a crash
 * left open is closed with what reached the disk when the station next records or tidies up.
 */
export class VideoDesk {
  /** Sessions whose camera failed after their last segment started; the block policy refuses them. */
  private readonly failed = new Set<number>();

  private readonly video: VideoPorts;

  constructor(private readonly core: VideoDeps) {
    this.video = core.video;
  }

  settings(stationId: string): VideoSettings {
    return this.video.segments.settings(stationId) ?? DEFAULT_VIDEO_SETTINGS;
  }

  start(call: CallContext, sessionId: number, mimeType: string): VideoStart {
    const { store, packing, clock } = this.core;
    const user = call.user;
    if (!user) throw new StationFailure('NOT_LOGGED_IN', 'Log in first.');
    const session = packing.activeAt(call.stationId);
    if (!session || session.id !== sessionId) throw new StationFailure('PACKING_NOT_OPEN', `Session ${sessionId} is not open at ${call.stationId}.`);
    const order = store.orders.byId(session.orderId);
    if (!order) throw new StationFailure('ORDER_NOT_FOUND', 'The open order is no longer in the database.');
    for (const left of this.video.segments.recordingAt(call.stationId)) this.close(left, true);
    this.failed.delete(sessionId);
    const settings = this.settings(call.stationId);
    if (settings.mode === 'off') return { mode: 'off' };
    const startedAt = clock.now().toISOString();
    const base = { sessionId, orderNumber: order.number, stationId: call.stationId, userId: user.id, startedAt };
    if (settings.mode === 'nvr') {
      const cameraId = settings.nvr?.cameraId ?? null;
      const segment = this.video.segments.create({ ...base, kind: 'nvr', path: null, mimeType: null, cameraId });
      return { mode: 'nvr', segment: toSegmentView(segment) };
    }
    const day = startedAt.slice(0, 10).split('-').join('/');
    const path = `video/${day}/${call.stationId}-${order.number.replace(/[^A-Za-z0-9_-]+/g, '_')}-s${sessionId}-${stamp(startedAt)}.webm`;
    const segment = this.video.segments.create({ ...base, kind: 'webcam', path, mimeType, cameraId: settings.cameraDeviceId });
    const qrText = sessionQrText(call.stationId, sessionId);
    const station = store.stations.get(call.stationId);
    return {
      mode: 'webcam',
      segment: toSegmentView(segment),
      overlay: {
        orderNumber: order.number,
        packer: user.name,
        station: station ? `${station.id} ${station.name}` : call.stationId,
        sessionId,
        qr: this.video.qr(qrText),
        qrText,
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

  problem(call: CallContext, sessionId: number, problem: CameraProblem, detail: string): VideoSettings['policy'] {
    const session = this.core.packing.activeAt(call.stationId);
    const order = session?.id === sessionId ? this.core.store.orders.byId(session.orderId) : null;
    const settings = this.settings(call.stationId);
    this.failed.add(sessionId);
    this.core.journal.append({
      type: 'video.problem',
      stationId: call.stationId,
      actorId: call.user?.id ?? null,
      subject: order ? { kind: 'order', id: order.number } : { kind: 'station', id: call.stationId },
      payload: { sessionId, problem, detail, policy: settings.policy },
    });
    this.core.logger.warn('packing video problem', { stationId: call.stationId, sessionId, problem, detail });
    return settings.policy;
  }

  /** Whether a session has the video its station's policy asks for before it may be completed. */
  missingVideo(stationId: string, sessionId: number): boolean {
    const settings = this.settings(stationId);
    if (settings.mode !== 'webcam' || settings.policy !== 'block') return false;
    if (this.failed.has(sessionId)) return true;
    return !this.video.segments.forSession(sessionId).some((s) => s.chunks > 0 && s.status !== 'deleted');
  }

  /** Completion under the block policy needs the session's video: one of the completion's checks (see createStation). */
  requireVideoToComplete(call: Pick<CallContext, 'stationId'>): void {
    const session = this.core.packing.activeAt(call.stationId);
    if (session && this.missingVideo(call.stationId, session.id)) {
      throw new StationFailure('VIDEO_REQUIRED', 'This station records every parcel, and this one has no video. Fix the camera, then complete.', {
        session: session.id,
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
    const { stationId, id: segmentId, sessionId } = segment;
    this.core.events.emit('video.stopped', { stationId, segmentId, sessionId, reason: limit.reason, bytes: closed.bytes, limitBytes: limit.limitBytes });
    this.core.logger.warn('packing video stopped at its limit', {
      stationId,
      segmentId,
      sessionId,
      reason: limit.reason,
      bytes: closed.bytes,
      limitBytes: limit.limitBytes,
    });
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
