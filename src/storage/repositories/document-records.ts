import type { Database } from 'better-sqlite3';
import type { DocumentFormat, DocumentKind, DocumentRecords, NewDocumentRecord, StoredDocument } from '../../app/ports/documents';

interface DocumentRow {
  id: number;
  kind: string;
  format: string;
  path: string;
  sha256: string;
  bytes: number;
  order_number: string | null;
  parcel_index: number | null;
  manifest_number: string | null;
  created_at: string;
}

function toDocument(row: DocumentRow): StoredDocument {
  return {
    id: row.id,
    kind: row.kind as DocumentKind,
    format: row.format as DocumentFormat,
    path: row.path,
    sha256: row.sha256,
    bytes: row.bytes,
    orderNumber: row.order_number,
    parcelIndex: row.parcel_index,
    manifestNumber: row.manifest_number,
    createdAt: row.created_at,
  };
}

/** Where each kept document lies in the data folder, its hash and what it belongs to. */
export function createDocumentRecordRepository(db: Database): DocumentRecords {
  const insert = db.prepare<[Omit<DocumentRow, 'id'>]>(
    `INSERT INTO documents (kind, format, path, sha256, bytes, order_number, parcel_index, manifest_number, created_at)
     VALUES (@kind, @format, @path, @sha256, @bytes, @order_number, @parcel_index, @manifest_number, @created_at)`,
  );
  const byId = db.prepare<[number], DocumentRow>('SELECT * FROM documents WHERE id = ?');
  const byOrder = db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE order_number = ? ORDER BY created_at, id');
  const byManifest = db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE manifest_number = ? ORDER BY created_at, id');
  return {
    insert(record: NewDocumentRecord) {
      const { lastInsertRowid } = insert.run({
        kind: record.kind,
        format: record.format,
        path: record.path,
        sha256: record.sha256,
        bytes: record.bytes,
        order_number: record.orderNumber ?? null,
        parcel_index: record.parcelIndex ?? null,
        manifest_number: record.manifestNumber ?? null,
        created_at: record.createdAt,
      });
      return toDocument(byId.get(Number(lastInsertRowid)) as DocumentRow);
    },
    byId(id) {
      const row = byId.get(id);
      return row ? toDocument(row) : null;
    },
    forOrder: (orderNumber) => byOrder.all(orderNumber).map(toDocument),
    forManifest: (manifestNumber) => byManifest.all(manifestNumber).map(toDocument),
  };
}

/**
 * The paths recorded under one month folder of the archive ("documents/YYYY/MM"), for the sweep
 * that removes files whose record rolled back. A range over the path's unique index.
 */
export function recordedDocumentPaths(db: Database, folder: string): Set<string> {
  const prefix = `${folder.replace(/\/+$/, '')}/`;
  // Every path that starts with "…/MM/" sorts before "…/MM0" ('0' follows '/').
  const end = `${prefix.slice(0, -1)}0`;
  const rows = db.prepare<[string, string], string>('SELECT path FROM documents WHERE path >= ? AND path < ?').pluck().all(prefix, end);
  return new Set(rows);
}
