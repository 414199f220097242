import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { returnsDocuments } from '../../../../src/storage/migrations/0017-returns-documents';
import path from 'node:path';
import { openDatabase } from '../../../../src/storage/db';
import { freshDir, track } from '../fixtures';
import { isStrict, migrationsBefore, migrationsThrough } from './schema-probe';

function databaseBefore() {
  const db = track(openDatabase(path.join(freshDir(), 'packdesk.sqlite')));
  migrate(db, migrationsBefore(returnsDocuments));
  db.exec("INSERT INTO stations (id, name, language, idle_logout_minutes) VALUES ('ST-01', 'Station 1', 'en', 15)");
  return db;
}

const doc = (id: number, kind: string) =>
  `INSERT INTO documents (id, kind, format, path, sha256, bytes, order_number, created_at) VALUES (${id}, '${kind}', 'pdf', 'documents/2026/12/${id}.pdf', '${'a'.repeat(64)}', 10, 'PD-1', 'now')`;

describe('migration 0017-returns-documents', () => {
  it('keeps every document under its id, with the print jobs that point at it, and takes the two new kinds', () => {
    const db = databaseBefore();
    db.exec(`
      ${doc(1, 'label')}; ${doc(2, 'returns_receipt')};
      INSERT INTO print_jobs (id, station_id, document_id, document_kind, printer_kind, target, format, raw, status, attempts, max_attempts, created_at, updated_at)
        VALUES (7, 'ST-01', 1, 'label', 'pdf_folder', 'ST-01', 'pdf', 0, 'done', 1, 30, 'now', 'now'),
               (8, 'ST-01', 2, 'returns_receipt', 'pdf_folder', 'ST-01', 'pdf', 0, 'queued', 0, 30, 'now', 'now');
    `);
    db.exec(`
      INSERT INTO stations (id, name, language, idle_logout_minutes) VALUES ('ST-02', 'Station 2', 'en', 15);
      INSERT INTO printer_profiles VALUES ('ST-01', 'returns_receipt', 'pdf_folder', 'ST-01', 'pdf', 0), ('ST-02', 'returns_receipt', 'cups', 'A4', 'pdf', 0);
    `);
    expect(() => db.exec(doc(3, 'return_item_label'))).toThrow(/CHECK/);
    const before = db.prepare('SELECT * FROM documents ORDER BY id').all();
    migrate(db, migrationsThrough(returnsDocuments));
    expect(schemaVersion(db)).toBe(17);
    expect(db.prepare('SELECT * FROM documents ORDER BY id').all()).toEqual(before);
    expect(db.prepare('SELECT id, document_id FROM print_jobs ORDER BY id').all()).toEqual([
      { id: 7, document_id: 1 },
      { id: 8, document_id: 2 },
    ]);
    db.exec(`${doc(3, 'return_item_label')}; ${doc(4, 'returns_receipt_label')}`);
    expect(() => db.exec(doc(5, 'invoice'))).toThrow(/CHECK/);
    expect(isStrict(db, 'documents')).toBe(true);
    expect(db.prepare('SELECT station_id, document_kind, printer_kind FROM printer_profiles ORDER BY station_id, document_kind').all()).toEqual([
      { station_id: 'ST-01', document_kind: 'return_item_label', printer_kind: 'pdf_folder' },
      { station_id: 'ST-01', document_kind: 'returns_receipt', printer_kind: 'pdf_folder' },
      { station_id: 'ST-01', document_kind: 'returns_receipt_label', printer_kind: 'pdf_folder' },
      { station_id: 'ST-02', document_kind: 'returns_receipt', printer_kind: 'cups' },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // A job for a document that does not exist is still refused: the references were not lost.
    expect(() =>
      db.exec(`INSERT INTO print_jobs (id, station_id, document_id, document_kind, printer_kind, target, format, raw, status, attempts, max_attempts, created_at, updated_at)
        VALUES (9, 'ST-01', 99, 'label', 'pdf_folder', 'ST-01', 'pdf', 0, 'queued', 0, 30, 'now', 'now')`),
    ).toThrow(/FOREIGN KEY/);
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'documents' AND sql IS NOT NULL ORDER BY name").all();
    expect(indexes).toEqual([{ name: 'documents_manifest' }, { name: 'documents_order' }]);
    expect(db.prepare("SELECT name FROM sqlite_temp_schema WHERE name LIKE '%before_0017%'").all()).toEqual([]);
  });
});
