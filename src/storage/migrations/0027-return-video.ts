import type { Migration } from './migration';

/**
 * Video segments belong to a packing session or to a return (issue 10, point 7): the returns desk
 * records its own clip with the same recorder and the same files. A segment names exactly one
 * owner; `session_id` may now be null, so the table is rebuilt (no table points at it). Every
 * segment recorded before is a packing session's and keeps its id, so journal entries and clip
 * URLs still name it.
 */
export const returnVideo: Migration = {
  version: 27,
  name: 'return-video',
  up(db) {
    db.exec(`
      CREATE TABLE video_segments_new (
        id INTEGER PRIMARY KEY,
        session_id INTEGER,
        -- the return the clip was recorded for at the returns desk (R-…), or null for packing
        return_number TEXT COLLATE NOCASE,
        order_number TEXT NOT NULL COLLATE NOCASE,
        station_id TEXT NOT NULL,
        user_id INTEGER,
        kind TEXT NOT NULL CHECK (kind IN ('webcam', 'nvr')),
        status TEXT NOT NULL CHECK (status IN ('recording', 'closed', 'deleted')),
        path TEXT UNIQUE,
        mime_type TEXT,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        last_chunk_at TEXT,
        bytes INTEGER NOT NULL DEFAULT 0 CHECK (bytes >= 0),
        chunks INTEGER NOT NULL DEFAULT 0 CHECK (chunks >= 0),
        media_ms INTEGER NOT NULL DEFAULT 0 CHECK (media_ms >= 0),
        sha256 TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
        camera_id TEXT,
        playback_url TEXT,
        CHECK ((kind = 'webcam') = (path IS NOT NULL)),
        CHECK ((status = 'recording') = (ended_at IS NULL)),
        CHECK ((session_id IS NULL) <> (return_number IS NULL))
      ) STRICT;
      INSERT INTO video_segments_new (id, session_id, return_number, order_number, station_id, user_id, kind, status, path, mime_type,
                                      started_at, ended_at, last_chunk_at, bytes, chunks, media_ms, sha256, camera_id, playback_url)
        SELECT id, session_id, NULL, order_number, station_id, user_id, kind, status, path, mime_type,
               started_at, ended_at, last_chunk_at, bytes, chunks, media_ms, sha256, camera_id, playback_url
        FROM video_segments;
      DROP TABLE video_segments;
      ALTER TABLE video_segments_new RENAME TO video_segments;
      CREATE INDEX video_segments_order ON video_segments (order_number, started_at);
      CREATE INDEX video_segments_session ON video_segments (session_id) WHERE session_id IS NOT NULL;
      CREATE INDEX video_segments_return ON video_segments (return_number) WHERE return_number IS NOT NULL;
      CREATE INDEX video_segments_recording ON video_segments (station_id) WHERE status = 'recording';
      CREATE INDEX video_segments_clips ON video_segments (started_at) WHERE status = 'closed' AND kind = 'webcam';
    `);
  },
};
