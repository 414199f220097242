import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../../src/storage/db';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { MIGRATIONS } from '../../../../src/storage/migrations';
import { printJobInterruptions } from '../../../../src/storage/migrations/0010-print-job-interruptions';
import { freshDir, track } from '../fixtures';

const BEFORE = MIGRATIONS.filter((m) => m.version < printJobInterruptions.version);

/** A database one step before 0010, with a print job done and one left 'printing' by a crash. */
function beforeInterruptions(): Database {
  const db = track(openDatabase(path.join(freshDir(), 'packdesk.sqlite')));
  migrate(db, BEFORE);
  db.exec(`
    INSERT INTO stations (id, name, language, idle_logout_minutes) VALUES ('ST-01', 'Station 1', 'en', 15);
    INSERT INTO documents (id, kind, format, path, sha256, bytes, created_at)
      VALUES (1, 'label', 'zpl', 'documents/2026/03/a.zpl', '${'a'.repeat(64)}', 10, 'now');
    INSERT INTO print_jobs (station_id, document_id, document_kind, printer_kind, target, format, raw, status, attempts, max_attempts, created_at, updated_at)
      VALUES ('ST-01', 1, 'label', 'raw_tcp', 'h:9100', 'zpl', 1, 'done', 1, 30, 'now', 'now'),
             ('ST-01', 1, 'label', 'raw_tcp', 'h:9100', 'zpl', 1, 'printing', 1, 30, 'now', 'now');
  `);
  return db;
}

describe('migration 0010-print-job-interruptions', () => {
  it('counts no interrupted attempt for the jobs already there, at schema version 10', () => {
    const db = beforeInterruptions();
    migrate(db, [...BEFORE, printJobInterruptions]);
    expect(schemaVersion(db)).toBe(10);
    expect(db.prepare('SELECT status, interrupted FROM print_jobs ORDER BY id').all()).toEqual([
      { status: 'done', interrupted: 0 },
      { status: 'printing', interrupted: 0 },
    ]);
    const sql = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_schema WHERE name = 'print_jobs'").get()?.sql;
    expect(sql).toMatch(/\)\s*STRICT$/);
  });

  it('refuses a negative count or none', () => {
    const db = beforeInterruptions();
    migrate(db, [...BEFORE, printJobInterruptions]);
    expect(() => db.exec('UPDATE print_jobs SET interrupted = -1')).toThrow(/CHECK/);
    expect(() => db.exec('UPDATE print_jobs SET interrupted = NULL')).toThrow(/NOT NULL/);
  });
});
