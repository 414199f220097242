import type { Migration } from './migration';

const BEFORE = "'returns_receipt', 'test_page'";
const AFTER = "'returns_receipt', 'returns_receipt_label', 'return_item_label', 'test_page'";

interface SchemaRow {
  sql: string;
}

/**
 * The returns desk's documents on the label printer: the returns receipt on label stock
 * (`returns_receipt_label`, 4×6 PDF or ZPL) and the label stuck on each item sent to refurbishment
 * or scrap (`return_item_label`). Only `documents.kind` names the kinds in a CHECK, and SQLite
 * cannot change a CHECK in place, so that table is rebuilt from its own SQL with the wider list.
 * print_jobs and document_request_items point at it: with foreign keys deferred to the commit,
 * the rows go back under the same ids before anyone checks, and the children keep their SQL.
 * Stations whose receipt goes to their PDF folder get the new kinds there too.
 */
export const returnsDocuments: Migration = {
  version: 17,
  name: 'returns-documents',
  up(db) {
    const table = db.prepare<[], SchemaRow>("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'documents'").get();
    if (!table?.sql.includes(BEFORE)) throw new Error('The documents table does not name its kinds as migration 17 expects.');
    const indexes = db.prepare<[], SchemaRow>("SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'documents' AND sql IS NOT NULL").all();
    db.pragma('defer_foreign_keys = ON');
    db.exec(`
      CREATE TEMP TABLE documents_before_0017 AS SELECT * FROM main.documents;
      DROP TABLE main.documents;
      ${table.sql.replace(BEFORE, AFTER)};
      INSERT INTO main.documents SELECT * FROM temp.documents_before_0017;
      DROP TABLE temp.documents_before_0017;
    `);
    for (const index of indexes) db.exec(index.sql);
    // A station printing its returns receipt into its PDF folder (the demo's and a fresh install's
    // default) prints the new kinds there too, so nothing the desk prints goes unprinted.
    for (const kind of ['returns_receipt_label', 'return_item_label']) {
      db.prepare(
        `INSERT OR IGNORE INTO printer_profiles (station_id, document_kind, printer_kind, target, format, raw)
         SELECT station_id, ?, printer_kind, target, format, raw FROM printer_profiles WHERE document_kind = 'returns_receipt' AND printer_kind = 'pdf_folder'`,
      ).run(kind);
    }
  },
};
