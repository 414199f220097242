import type { Migration } from './migration';

/**
 * The manager's journal search (issue 11): an index per thing a manager filters by, each followed
 * by seq so a filter walks its entries newest first and stops at a page, and carrying the other
 * filters' columns so a combination (a station and a type) is checked in the index without
 * reading the entries it passes over; and a full-text index of
 * the payloads' values. The text index is contentless (it keeps the words, not the text: the
 * journal itself is the text) and filled by a trigger on every append, so no code path can add
 * an entry the search does not find. Diacritics are folded: "wojcik" finds "Wójcik".
 */
export const journalSearch: Migration = {
  version: 19,
  name: 'journal-search',
  up(db) {
    db.exec(`
      CREATE INDEX journal_entries_actor ON journal_entries (actor_id, seq, station_id, type);
      CREATE INDEX journal_entries_station ON journal_entries (station_id, seq, actor_id, type);
      CREATE INDEX journal_entries_type ON journal_entries (type, seq, station_id, actor_id);
      CREATE INDEX journal_entries_at ON journal_entries (at);

      CREATE VIRTUAL TABLE journal_text USING fts5 (words, content = '', tokenize = 'unicode61 remove_diacritics 2');

      CREATE TRIGGER journal_entries_text AFTER INSERT ON journal_entries
      BEGIN
        INSERT INTO journal_text (rowid, words) VALUES (
          new.seq,
          concat_ws(' ', new.subject_id,
            (SELECT group_concat(atom, ' ') FROM json_tree(new.payload) WHERE type IN ('text', 'integer', 'real')))
        );
      END;

      INSERT INTO journal_text (rowid, words)
        SELECT seq, concat_ws(' ', subject_id, (SELECT group_concat(atom, ' ') FROM json_tree(payload) WHERE type IN ('text', 'integer', 'real')))
        FROM journal_entries;
    `);
  },
};
