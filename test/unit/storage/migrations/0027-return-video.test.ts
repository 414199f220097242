import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/storage/db';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { returnVideo } from '../../../../src/storage/migrations/0027-return-video';
import { freshDir, track } from '../fixtures';
import { insert, isStrict, migrationsBefore, migrationsThrough, planOf, probe, usesIndex, type Row } from './schema-probe';

/** A database one step before 0027 (video_segments points at no other table, so it needs no parents). */
function databaseBefore() {
  const db = track(openDatabase(path.join(freshDir(), 'packdesk.sqlite')));
  migrate(db, migrationsBefore(returnVideo));
  return db;
}

const AT = '2026-12-02T08:00:00.000Z';
const LATER = '2026-12-02T08:04:00.000Z';

const packing = (overrides: Row = {}): Row => ({
  session_id: 1,
  order_number: 'PD-1',
  station_id: 'ST-01',
  user_id: 1,
  kind: 'webcam',
  status: 'closed',
  path: 'video/2026/12/02/ST-01-PD-1-s1.webm',
  mime_type: 'video/webm',
  started_at: AT,
  ended_at: LATER,
  last_chunk_at: LATER,
  bytes: 1234,
  chunks: 4,
  media_ms: 4000,
  sha256: 'a'.repeat(64),
  ...overrides,
});

describe('migration 0027-return-video', () => {
  it('keeps every segment recorded before, with its id, as a packing session’s, in a STRICT table at version 27', () => {
    const db = databaseBefore();
    insert(db, 'video_segments', packing());
    insert(db, 'video_segments', packing({ session_id: 2, path: null, kind: 'nvr', mime_type: null, camera_id: 'cam-1', playback_url: 'rtsp://x' }));
    const before = db.prepare('SELECT * FROM video_segments ORDER BY id').all() as Row[];
    migrate(db, migrationsThrough(returnVideo));
    expect(schemaVersion(db)).toBe(27);
    expect(isStrict(db, 'video_segments')).toBe(true);
    const after = db.prepare('SELECT * FROM video_segments ORDER BY id').all() as Row[];
    expect(after).toEqual(before.map((row) => ({ ...row, return_number: null })));
  });

  it('names exactly one owner: a packing session or a return', () => {
    const db = databaseBefore();
    migrate(db, migrationsThrough(returnVideo));
    probe(db, 'video_segments', packing());
    probe(db, 'video_segments', packing({ session_id: null, return_number: 'R-2026-000001', path: 'video/r.webm' }));
    const one = 'CHECK constraint failed: (session_id IS NULL) <> (return_number IS NULL)';
    expect(() => probe(db, 'video_segments', packing({ session_id: null, return_number: null }))).toThrow(one);
    expect(() => probe(db, 'video_segments', packing({ return_number: 'R-2026-000001' }))).toThrow(one);
  });

  it("answers the repository's lookups by session, return, order and recording from indexes", () => {
    const db = databaseBefore();
    migrate(db, migrationsThrough(returnVideo));
    expect(planOf(db, 'SELECT * FROM video_segments WHERE session_id = ? ORDER BY id', 1)).toMatch(usesIndex('video_segments_session'));
    expect(planOf(db, 'SELECT * FROM video_segments WHERE return_number = ? ORDER BY id', 'R-2026-000001')).toMatch(usesIndex('video_segments_return'));
    expect(planOf(db, 'SELECT * FROM video_segments WHERE order_number = ? ORDER BY started_at, id', 'pd-1')).toMatch(usesIndex('video_segments_order'));
    expect(planOf(db, "SELECT * FROM video_segments WHERE status = 'recording' AND station_id = ? ORDER BY id", 'ST-01')).toMatch(
      usesIndex('video_segments_recording'),
    );
    expect(planOf(db, "SELECT * FROM video_segments WHERE status = 'closed' AND kind = 'webcam' ORDER BY started_at, id")).toMatch(
      usesIndex('video_segments_clips'),
    );
    insert(db, 'video_segments', packing({ session_id: null, return_number: 'R-2026-000001' }));
    expect(db.prepare('SELECT id FROM video_segments WHERE return_number = ?').all('r-2026-000001')).toHaveLength(1);
  });
});
