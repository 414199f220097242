import type { Migration } from './migration';

/**
 * Packer statistics read the journal by time: the completions of a period (type, at), and the
 * orders a packer opened or resumed (actor, type, at). Indexes only; the journal stays append-only.
 */
export const statisticsIndexes: Migration = {
  version: 13,
  name: 'statistics-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX journal_entries_type_at ON journal_entries (type, at);
      CREATE INDEX journal_entries_actor_type_at ON journal_entries (actor_id, type, at) WHERE actor_id IS NOT NULL;
    `);
  },
};
