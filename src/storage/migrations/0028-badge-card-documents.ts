import type { Migration } from './migration';

const BEFORE = "'box_label', 'test_page'";
const AFTER = "'box_label', 'badge_card', 'test_page'";

interface SchemaRow {
  sql: string;
}

/**
 * A person's badge card printed from the manager's console through the print queue (`badge_card`,
 * issue 11). Its bytes are held in memory only, never in documents/ (a badge logs a person in):
 * the row only lets the print job name its document. Only `documents.kind` names the kinds in a
 * CHECK, and SQLite cannot change a CHECK in place: the table is rebuilt from its own SQL with the
 * wider list, as migrations 0017 and 0025 did (foreign keys deferred to the commit, the rows back
 * under the same ids).
 */
export const badgeCardDocuments: Migration = {
  version: 28,
  name: 'badge-card-documents',
  up(db) {
    const table = db.prepare<[], SchemaRow>("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'documents'").get();
    if (!table?.sql.includes(BEFORE)) throw new Error('The documents table does not name its kinds as migration 28 expects.');
    const indexes = db.prepare<[], SchemaRow>("SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'documents' AND sql IS NOT NULL").all();
    db.pragma('defer_foreign_keys = ON');
    db.exec(`
      CREATE TEMP TABLE documents_before_0028 AS SELECT * FROM main.documents;
      DROP TABLE main.documents;
      ${table.sql.replace(BEFORE, AFTER)};
      INSERT INTO main.documents SELECT * FROM temp.documents_before_0028;
      DROP TABLE temp.documents_before_0028;
    `);
    for (const index of indexes) db.exec(index.sql);
  },
};
