import { describe, expect, it } from 'vitest';
import type { Database } from '../../../../src/storage/db';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { video } from '../../../../src/storage/migrations/0007-video';
import { databaseBefore, insert, isStrict, migrationsThrough, parentRows, planOf, probe, usesIndex, type Row } from './schema-probe';

const AT = '2026-03-02T08:00:00.000Z';
const LATER = '2026-03-02T08:04:00.000Z';

function migrated(): Database {
  const db = databaseBefore(video);
  migrate(db, migrationsThrough(video));
  return db;
}

const webcam = (overrides: Row = {}): Row => ({
  session_id: 1,
  order_number: 'PD-1',
  station_id: 'ST-01',
  user_id: 1,
  kind: 'webcam',
  status: 'recording',
  path: 'video/2026/03/PD-1-1.webm',
  mime_type: 'video/webm',
  started_at: AT,
  bytes: 0,
  chunks: 0,
  media_ms: 0,
  ...overrides,
});

const nvr = (overrides: Row = {}): Row => ({
  session_id: 1,
  order_number: 'PD-1',
  station_id: 'ST-01',
  kind: 'nvr',
  status: 'closed',
  path: null,
  started_at: AT,
  ended_at: LATER,
  camera_id: 'cam-2',
  playback_url: 'rtsp://192.0.2.20/playback',
  ...overrides,
});

describe('migration 0007-video', () => {
  it('creates video_segments and video_settings STRICT at schema version 7, leaving the rows already there', () => {
    const db = databaseBefore(video);
    const before = parentRows(db);
    migrate(db, migrationsThrough(video));
    expect(schemaVersion(db)).toBe(7);
    for (const table of ['video_segments', 'video_settings']) expect(isStrict(db, table), table).toBe(true);
    expect(parentRows(db)).toEqual(before);
  });

  it('refuses unknown kinds and statuses, negative counters and a hash not 64 long', () => {
    const db = migrated();
    probe(db, 'video_segments', webcam());
    probe(db, 'video_segments', webcam({ status: 'closed', ended_at: LATER, bytes: 1, chunks: 1, media_ms: 1, sha256: 'c'.repeat(64) }));
    probe(db, 'video_segments', nvr());
    const refused: [Row, string][] = [
      [webcam({ kind: 'screen', path: null }), "kind IN ('webcam', 'nvr')"],
      [webcam({ status: 'paused', ended_at: LATER }), "status IN ('recording', 'closed', 'deleted')"],
      [webcam({ bytes: -1 }), 'bytes >= 0'],
      [webcam({ chunks: -1 }), 'chunks >= 0'],
      [webcam({ media_ms: -1 }), 'media_ms >= 0'],
      [webcam({ sha256: 'c'.repeat(63) }), 'sha256 IS NULL OR length(sha256) = 64'],
    ];
    for (const [row, check] of refused) expect(() => probe(db, 'video_segments', row), check).toThrow(`CHECK constraint failed: ${check}`);
  });

  it('has a file exactly for webcam clips, and an end exactly once recording stops', () => {
    const db = migrated();
    const kindAndPath = "CHECK constraint failed: (kind = 'webcam') = (path IS NOT NULL)";
    expect(() => probe(db, 'video_segments', webcam({ path: null }))).toThrow(kindAndPath);
    expect(() => probe(db, 'video_segments', nvr({ path: 'video/2026/03/PD-1-1.webm' }))).toThrow(kindAndPath);

    const statusAndEnd = "CHECK constraint failed: (status = 'recording') = (ended_at IS NULL)";
    probe(db, 'video_segments', webcam({ status: 'deleted', ended_at: LATER }));
    expect(() => probe(db, 'video_segments', webcam({ ended_at: LATER }))).toThrow(statusAndEnd);
    expect(() => probe(db, 'video_segments', webcam({ status: 'closed' }))).toThrow(statusAndEnd);
    expect(() => probe(db, 'video_segments', nvr({ status: 'deleted', ended_at: null }))).toThrow(statusAndEnd);
  });

  it('keeps one segment per file, and any number of NVR references without one', () => {
    const db = migrated();
    insert(db, 'video_segments', webcam());
    expect(() => insert(db, 'video_segments', webcam({ session_id: 2, order_number: 'PD-2' }))).toThrow('UNIQUE constraint failed: video_segments.path');
    insert(db, 'video_segments', nvr());
    insert(db, 'video_segments', nvr({ camera_id: 'cam-3' }));
  });

  it("keeps a station's camera settings as valid JSON, dropped with the station", () => {
    const db = migrated();
    probe(db, 'video_settings', { station_id: 'ST-01', settings: '{"source":"webcam"}' });
    expect(() => probe(db, 'video_settings', { station_id: 'ST-01', settings: 'source=webcam' })).toThrow('CHECK constraint failed: json_valid(settings)');
    insert(db, 'video_settings', { station_id: 'ST-02', settings: '{"source":"nvr"}' });
    db.exec("DELETE FROM stations WHERE id = 'ST-02'");
    expect(db.prepare('SELECT count(*) AS n FROM video_settings').get()).toEqual({ n: 0 });
  });

  it("answers the video repository's lookups from indexes, order numbers in any case", () => {
    const db = migrated();
    // storage/repositories/video-segments.ts: recordingAt, forOrder, forSession, clips, settings
    expect(planOf(db, "SELECT * FROM video_segments WHERE status = 'recording' AND station_id = ? ORDER BY id", 'ST-01')).toMatch(
      usesIndex('video_segments_recording'),
    );
    const forOrder = 'SELECT * FROM video_segments WHERE order_number = ? ORDER BY started_at, id';
    expect(planOf(db, forOrder, 'pd-1')).toMatch(usesIndex('video_segments_order'));
    expect(planOf(db, 'SELECT * FROM video_segments WHERE session_id = ? ORDER BY id', 1)).toMatch(usesIndex('video_segments_session'));
    expect(planOf(db, "SELECT * FROM video_segments WHERE status = 'closed' AND kind = 'webcam' ORDER BY started_at, id")).toMatch(
      usesIndex('video_segments_clips'),
    );
    expect(planOf(db, 'SELECT settings FROM video_settings WHERE station_id = ?', 'ST-01')).toMatch(usesIndex('sqlite_autoindex_video_settings_1'));

    insert(db, 'video_segments', webcam());
    expect(db.prepare(forOrder).all('pd-1')).toHaveLength(1);
  });
});
