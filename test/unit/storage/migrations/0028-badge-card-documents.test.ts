import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/storage/db';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { badgeCardDocuments } from '../../../../src/storage/migrations/0028-badge-card-documents';
import { freshDir, track } from '../fixtures';
import { isStrict, migrationsBefore, migrationsThrough } from './schema-probe';

const doc = (id: number, kind: string) =>
  `INSERT INTO documents (id, kind, format, path, sha256, bytes, order_number, created_at) VALUES (${id}, '${kind}', 'pdf', 'documents/2026/12/${id}.pdf', '${'a'.repeat(64)}', 10, 'PD-1', 'now')`;

describe('migration 0028-badge-card-documents', () => {
  it('keeps every document under its id, with the print jobs that point at it, and takes badge cards', () => {
    const db = track(openDatabase(path.join(freshDir(), 'packdesk.sqlite')));
    migrate(db, migrationsBefore(badgeCardDocuments));
    db.exec(`
      INSERT INTO stations (id, name, language, idle_logout_minutes) VALUES ('ST-01', 'Station 1', 'en', 15);
      ${doc(1, 'label')}; ${doc(2, 'box_label')};
      INSERT INTO print_jobs (id, station_id, document_id, document_kind, printer_kind, target, format, raw, status, attempts, max_attempts, created_at, updated_at)
        VALUES (7, 'ST-01', 1, 'label', 'pdf_folder', 'ST-01', 'pdf', 0, 'done', 1, 30, 'now', 'now'),
               (8, 'ST-01', 2, 'box_label', 'pdf_folder', 'ST-01', 'pdf', 0, 'queued', 0, 30, 'now', 'now');
    `);
    expect(() => db.exec(doc(3, 'badge_card'))).toThrow(/CHECK/);
    const before = db.prepare('SELECT * FROM documents ORDER BY id').all();
    migrate(db, migrationsThrough(badgeCardDocuments));
    expect(schemaVersion(db)).toBe(28);
    expect(db.prepare('SELECT * FROM documents ORDER BY id').all()).toEqual(before);
    expect(db.prepare('SELECT id, document_id FROM print_jobs ORDER BY id').all()).toEqual([
      { id: 7, document_id: 1 },
      { id: 8, document_id: 2 },
    ]);
    db.exec(doc(3, 'badge_card'));
    expect(() => db.exec(doc(4, 'badge'))).toThrow(/CHECK/);
    expect(isStrict(db, 'documents')).toBe(true);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
