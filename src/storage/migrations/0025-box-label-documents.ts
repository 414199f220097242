import type { Migration } from './migration';

const BEFORE = "'return_item_label', 'test_page'";
const AFTER = "'return_item_label', 'box_label', 'test_page'";

interface SchemaRow {
  sql: string;
}

/**
 * A box type's label printed from the manager's console through the print queue on the station's
 * label printer (`box_label`, issue 11). Only `documents.kind` names the kinds in a CHECK, and
 * SQLite cannot change a CHECK in place: the table is rebuilt from its own SQL with the wider
 * list, as migration 0017 did (foreign keys deferred to the commit, the rows back under the same ids).
 */
export const boxLabelDocuments: Migration = {
  version: 25,
  name: 'box-label-documents',
  up(db) {
    const table = db.prepare<[], SchemaRow>("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'documents'").get();
    if (!table?.sql.includes(BEFORE)) throw new Error('The documents table does not name its kinds as migration 25 expects.');
    const indexes = db.prepare<[], SchemaRow>("SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'documents' AND sql IS NOT NULL").all();
    db.pragma('defer_foreign_keys = ON');
    db.exec(`
      CREATE TEMP TABLE documents_before_0023 AS SELECT * FROM main.documents;
      DROP TABLE main.documents;
      ${table.sql.replace(BEFORE, AFTER)};
      INSERT INTO main.documents SELECT * FROM temp.documents_before_0023;
      DROP TABLE temp.documents_before_0023;
    `);
    for (const index of indexes) db.exec(index.sql);
  },
};
