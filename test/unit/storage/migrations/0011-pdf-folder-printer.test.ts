import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../../src/storage/db';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { pdfFolderPrinter } from '../../../../src/storage/migrations/0011-pdf-folder-printer';
import { freshDir, PIN_HASH, track } from '../fixtures';
import { isStrict, migrationsBefore } from './schema-probe';

const BEFORE = migrationsBefore(pdfFolderPrinter);

/** A database one step before 0011: a raw printer profile, two jobs, and a document request item that points at one. */
function beforePdfFolder(): Database {
  const db = track(openDatabase(path.join(freshDir(), 'packdesk.sqlite')));
  migrate(db, BEFORE);
  db.exec(`
    INSERT INTO stations (id, name, language, idle_logout_minutes) VALUES ('ST-01', 'Station 1', 'en', 15);
    INSERT INTO users (id, name, role, badge_hash, pin_hash) VALUES (1, 'Ola', 'packer', '${'b'.repeat(64)}', '${PIN_HASH}');
    INSERT INTO orders (id, number, status, customer_name, ship_name, ship_street, ship_city, ship_postcode, ship_country, search_key, created_at, updated_at)
      VALUES (1, 'PD-1', 'ready', 'C', 'C', 'S', 'C', 'P', 'PL', '', 'now', 'now');
    INSERT INTO printer_profiles VALUES ('ST-01', 'label', 'raw_tcp', 'h:9100', 'zpl', 1);
    INSERT INTO documents (id, kind, format, path, sha256, bytes, created_at)
      VALUES (1, 'label', 'zpl', 'documents/2026/03/a.zpl', '${'a'.repeat(64)}', 10, 'now');
    INSERT INTO print_jobs (id, station_id, document_id, document_kind, printer_kind, target, format, raw, status, attempts, max_attempts, created_at, updated_at, interrupted)
      VALUES (7, 'ST-01', 1, 'label', 'raw_tcp', 'h:9100', 'zpl', 1, 'done', 1, 30, 'now', 'now', 0),
             (8, 'ST-01', 1, 'label', 'raw_tcp', 'h:9100', 'zpl', 1, 'queued', 2, 30, 'now', 'now', 1);
    INSERT INTO packing_sessions (id, order_id, station_id, user_id, status, state, opened_at, updated_at, completed_at)
      VALUES (1, 1, 'ST-01', 1, 'completed', '{}', 'now', 'now', 'now');
    INSERT INTO document_requests (id, order_id, order_number, session_id, station_id, packed, created_at) VALUES (3, 1, 'PD-1', 1, 'ST-01', '{}', 'now');
    INSERT INTO document_request_items (id, request_id, kind, parcel_index, status, attempts, sscc, document_id, print_job_id, updated_at)
      VALUES (5, 3, 'label', 1, 'done', 1, '${'1'.repeat(18)}', 1, 8, 'now'),
             (6, 3, 'packing_slip', NULL, 'kept', 1, NULL, NULL, NULL, 'now');
  `);
  return db;
}

const tableSql = (db: Database, name: string) => db.prepare<[string], { sql: string }>('SELECT sql FROM sqlite_schema WHERE name = ?').get(name)?.sql ?? '';

describe('migration 0011-pdf-folder-printer', () => {
  it('keeps every profile and job (with their ids, so document requests still find theirs), STRICT, at schema version 11', () => {
    const db = beforePdfFolder();
    migrate(db, [...BEFORE, pdfFolderPrinter]);
    expect(schemaVersion(db)).toBe(11);
    expect(db.prepare('SELECT * FROM printer_profiles').all()).toEqual([
      { station_id: 'ST-01', document_kind: 'label', printer_kind: 'raw_tcp', target: 'h:9100', format: 'zpl', raw: 1 },
    ]);
    expect(db.prepare('SELECT id, status, attempts, interrupted FROM print_jobs ORDER BY id').all()).toEqual([
      { id: 7, status: 'done', attempts: 1, interrupted: 0 },
      { id: 8, status: 'queued', attempts: 2, interrupted: 1 },
    ]);
    expect(db.prepare('SELECT id, request_id, kind, status, sscc, document_id, print_job_id FROM document_request_items ORDER BY id').all()).toEqual([
      { id: 5, request_id: 3, kind: 'label', status: 'done', sscc: '1'.repeat(18), document_id: 1, print_job_id: 8 },
      { id: 6, request_id: 3, kind: 'packing_slip', status: 'kept', sscc: null, document_id: null, print_job_id: null },
    ]);
    for (const table of ['printer_profiles', 'print_jobs', 'document_request_items']) expect(isStrict(db, table), table).toBe(true);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(tableSql(db, 'document_request_items')).toMatch(/REFERENCES print_jobs \(id\)/);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name LIKE '%before_0011%'").all()).toEqual([]);
    const indexes = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('print_jobs', 'document_request_items') AND sql IS NOT NULL ORDER BY name")
      .all();
    expect(indexes).toEqual([
      { name: 'document_request_items_due' },
      { name: 'document_request_items_request' },
      { name: 'print_jobs_document' },
      { name: 'print_jobs_due' },
      { name: 'print_jobs_station' },
    ]);
  });

  it('takes pdf_folder profiles and jobs, and still refuses an unknown printer kind', () => {
    const db = beforePdfFolder();
    migrate(db, [...BEFORE, pdfFolderPrinter]);
    db.exec("INSERT INTO printer_profiles VALUES ('ST-01', 'packing_slip', 'pdf_folder', 'ST-01', 'pdf', 0)");
    db.exec(
      "INSERT INTO print_jobs (station_id, document_id, document_kind, printer_kind, target, format, raw, status, max_attempts, created_at, updated_at) VALUES ('ST-01', 1, 'label', 'pdf_folder', 'ST-01', 'zpl', 0, 'queued', 30, 'now', 'now')",
    );
    expect(() => db.exec("INSERT INTO printer_profiles VALUES ('ST-01', 'manifest', 'fax', 'x', 'pdf', 0)")).toThrow(/CHECK/);
    expect(() =>
      db.exec(
        "INSERT INTO print_jobs (station_id, document_id, document_kind, printer_kind, target, format, raw, status, max_attempts, created_at, updated_at) VALUES ('ST-01', 1, 'label', 'fax', 'x', 'zpl', 0, 'queued', 30, 'now', 'now')",
      ),
    ).toThrow(/CHECK/);
    expect(() => db.exec('UPDATE document_request_items SET print_job_id = 99 WHERE id = 6')).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.exec(
        "INSERT INTO print_jobs (station_id, document_id, document_kind, printer_kind, target, format, raw, status, max_attempts, created_at, updated_at) VALUES ('ST-01', 99, 'label', 'pdf_folder', 'x', 'zpl', 0, 'queued', 30, 'now', 'now')",
      ),
    ).toThrow(/FOREIGN KEY/);
  });

  it('refuses a pdf_folder profile before it (the CHECK of 0004)', () => {
    const db = beforePdfFolder();
    expect(() => db.exec("INSERT INTO printer_profiles VALUES ('ST-01', 'packing_slip', 'pdf_folder', 'ST-01', 'pdf', 0)")).toThrow(/CHECK/);
  });
});
