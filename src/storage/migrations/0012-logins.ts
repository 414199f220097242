import type { Migration } from './migration';

/**
 * "Session" means a packing session only (docs/product.md, glossary): the table of logins and its
 * indexes take the word the code uses. SQLite renames a table in place, rows and ids untouched.
 */
export const logins: Migration = {
  version: 12,
  name: 'logins',
  up(db) {
    db.exec(`
      ALTER TABLE login_sessions RENAME TO logins;
      DROP INDEX login_sessions_live;
      DROP INDEX login_sessions_open;
      DROP INDEX login_sessions_user;
      CREATE UNIQUE INDEX logins_live ON logins (client_key, station_id) WHERE ended_at IS NULL;
      CREATE INDEX logins_open ON logins (station_id, started_at) WHERE ended_at IS NULL;
      CREATE INDEX logins_user ON logins (user_id);
    `);
  },
};
