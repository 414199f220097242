import type { Migration } from './migration';

/**
 * Packing video: one row per recorded segment (a webcam clip on disk) or NVR reference (a camera
 * and a time range), and each station's camera settings as validated JSON.
 */
export const video: Migration = {
  version: 7,
  name: 'video',
  up(db) {
    db.exec(`
      CREATE TABLE video_segments (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL,
        order_number TEXT NOT NULL COLLATE NOCASE,
        station_id TEXT NOT NULL,
        user_id INTEGER,
        kind TEXT NOT NULL CHECK (kind IN ('webcam', 'nvr')),
        status TEXT NOT NULL CHECK (status IN ('recording', 'closed', 'deleted')),
        -- relative to the data folder, so the folder can move; null for NVR references
        path TEXT UNIQUE,
        mime_type TEXT,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        last_chunk_at TEXT,
        bytes INTEGER NOT NULL DEFAULT 0 CHECK (bytes >= 0),
        chunks INTEGER NOT NULL DEFAULT 0 CHECK (chunks >= 0),
        -- video time in the stored chunks, as the recorder timed them
        media_ms INTEGER NOT NULL DEFAULT 0 CHECK (media_ms >= 0),
        sha256 TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
        camera_id TEXT,
        playback_url TEXT,
        CHECK ((kind = 'webcam') = (path IS NOT NULL)),
        CHECK ((status = 'recording') = (ended_at IS NULL))
      ) STRICT;
      CREATE INDEX video_segments_order ON video_segments (order_number, started_at);
      CREATE INDEX video_segments_session ON video_segments (session_id);
      CREATE INDEX video_segments_recording ON video_segments (station_id) WHERE status = 'recording';
      CREATE INDEX video_segments_clips ON video_segments (started_at) WHERE status = 'closed' AND kind = 'webcam';

      CREATE TABLE video_settings (
        station_id TEXT PRIMARY KEY REFERENCES stations (id) ON DELETE CASCADE,
        settings TEXT NOT NULL CHECK (json_valid(settings))
      ) STRICT;
    `);
  },
};
