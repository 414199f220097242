import type { Database } from 'better-sqlite3';
import type { NewVideoSegment, VideoRepository, VideoSegmentRecord } from '../../app/ports/video';
import { videoSettingsSchema, type VideoSettings } from '../../contract/video';

interface SegmentRow {
  id: number;
  session_id: number | null;
  return_number: string | null;
  order_number: string;
  station_id: string;
  user_id: number | null;
  kind: string;
  status: string;
  path: string | null;
  mime_type: string | null;
  started_at: string;
  ended_at: string | null;
  last_chunk_at: string | null;
  bytes: number;
  chunks: number;
  media_ms: number;
  sha256: string | null;
  camera_id: string | null;
  playback_url: string | null;
}

function toSegment(r: SegmentRow): VideoSegmentRecord {
  return {
    id: r.id,
    sessionId: r.session_id,
    returnNumber: r.return_number,
    orderNumber: r.order_number,
    stationId: r.station_id,
    userId: r.user_id,
    kind: r.kind as VideoSegmentRecord['kind'],
    status: r.status as VideoSegmentRecord['status'],
    path: r.path,
    mimeType: r.mime_type,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    lastChunkAt: r.last_chunk_at,
    bytes: r.bytes,
    chunks: r.chunks,
    mediaMs: r.media_ms,
    sha256: r.sha256,
    cameraId: r.camera_id,
    playbackUrl: r.playback_url,
  };
}

const SELECT = 'SELECT * FROM video_segments';

/** Segments and camera settings (migration 0007; a return as a segment's owner, 0027). */
export function createVideoRepository(db: Database): VideoRepository {
  const insert = db.prepare(
    `INSERT INTO video_segments (session_id, return_number, order_number, station_id, user_id, kind, status, path, mime_type, started_at, camera_id)
     VALUES (@sessionId, @returnNumber, @orderNumber, @stationId, @userId, @kind, 'recording', @path, @mimeType, @startedAt, @cameraId)`,
  );
  const byId = db.prepare<[number], SegmentRow>(`${SELECT} WHERE id = ?`);
  const recordingAt = db.prepare<[string], SegmentRow>(`${SELECT} WHERE status = 'recording' AND station_id = ? ORDER BY id`);
  const recordingOlder = db.prepare<[string], SegmentRow>(`${SELECT} WHERE status = 'recording' AND coalesce(last_chunk_at, started_at) < ? ORDER BY id`);
  const forOrder = db.prepare<[string], SegmentRow>(`${SELECT} WHERE order_number = ? ORDER BY started_at, id`);
  const forSession = db.prepare<[number], SegmentRow>(`${SELECT} WHERE session_id = ? ORDER BY id`);
  const forReturn = db.prepare<[string], SegmentRow>(`${SELECT} WHERE return_number = ? ORDER BY id`);
  const chunk = db.prepare(
    'UPDATE video_segments SET bytes = @bytes, chunks = @chunks, media_ms = @mediaMs, last_chunk_at = @at, started_at = coalesce(@startedAt, started_at) WHERE id = @id',
  );
  const close = db.prepare(
    `UPDATE video_segments SET status = 'closed', ended_at = @endedAt, bytes = @bytes, sha256 = @sha256, playback_url = @playbackUrl
     WHERE id = @id AND status = 'recording'`,
  );
  const deleted = db.prepare<[number]>("UPDATE video_segments SET status = 'deleted' WHERE id = ?");
  const clips = db.prepare<[], SegmentRow>(`${SELECT} WHERE status = 'closed' AND kind = 'webcam' ORDER BY started_at, id`);
  const stored = db.prepare<[], { clips: number; recording: number }>(
    `SELECT coalesce(sum(CASE WHEN status = 'closed' AND kind = 'webcam' THEN bytes END), 0) AS clips,
            coalesce(sum(CASE WHEN status = 'recording' THEN bytes END), 0) AS recording
     FROM video_segments`,
  );
  const settings = db.prepare<[string], string>('SELECT settings FROM video_settings WHERE station_id = ?').pluck(true);
  const saveSettings = db.prepare<[string, string]>(
    'INSERT INTO video_settings (station_id, settings) VALUES (?, ?) ON CONFLICT (station_id) DO UPDATE SET settings = excluded.settings',
  );

  return {
    create(segment: NewVideoSegment) {
      const id = Number(insert.run(segment).lastInsertRowid);
      return toSegment(byId.get(id)!);
    },
    byId(id) {
      const row = byId.get(id);
      return row ? toSegment(row) : null;
    },
    recordingAt: (stationId) => recordingAt.all(stationId).map(toSegment),
    recordingOlderThan: (before) => recordingOlder.all(before).map(toSegment),
    forOrder: (orderNumber) => forOrder.all(orderNumber).map(toSegment),
    forSession: (sessionId) => forSession.all(sessionId).map(toSegment),
    forReturn: (returnNumber) => forReturn.all(returnNumber).map(toSegment),
    chunkStored(id, fields) {
      chunk.run({ id, startedAt: null, ...fields });
    },
    close(id, fields) {
      close.run({ id, ...fields });
    },
    markDeleted(id) {
      deleted.run(id);
    },
    closedClips: () => clips.all().map(toSegment),
    storedBytes: () => stored.get()!,
    settings(stationId) {
      const text = settings.get(stationId);
      if (text === undefined) return null;
      // Stored by saveSettings from a parsed value; a row that no longer parses falls back to defaults.
      const parsed = videoSettingsSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    },
    saveSettings(stationId, value: VideoSettings) {
      saveSettings.run(stationId, JSON.stringify(value));
    },
  };
}
