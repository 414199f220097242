import type { Migration } from './migration';

/**
 * The tamper-evident journal: entries chained by SHA-256 and signed checkpoints. Both tables are
 * append-only; triggers refuse UPDATE and DELETE so no code path (or hand-run SQL) rewrites
 * history by accident. Someone who drops the triggers is caught by `packdesk journal verify`.
 */
export const journal: Migration = {
  version: 2,
  name: 'journal',
  up(db) {
    db.exec(`
      CREATE TABLE journal_entries (
        seq INTEGER PRIMARY KEY CHECK (seq >= 1),
        at TEXT NOT NULL,
        station_id TEXT NOT NULL,
        actor_id INTEGER,
        type TEXT NOT NULL CHECK (length(type) > 0),
        subject_kind TEXT,
        subject_id TEXT,
        -- canonical JSON, exactly the text that was hashed
        payload TEXT NOT NULL,
        prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
        hash TEXT NOT NULL CHECK (length(hash) = 64),
        CHECK ((subject_kind IS NULL) = (subject_id IS NULL))
      ) STRICT;
      CREATE INDEX journal_entries_subject ON journal_entries (subject_kind, subject_id);

      CREATE TRIGGER journal_entries_no_update BEFORE UPDATE ON journal_entries
      BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
      CREATE TRIGGER journal_entries_no_delete BEFORE DELETE ON journal_entries
      BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;

      CREATE TABLE journal_checkpoints (
        seq INTEGER PRIMARY KEY CHECK (seq >= 1),
        hash TEXT NOT NULL CHECK (length(hash) = 64),
        at TEXT NOT NULL,
        signature TEXT NOT NULL,
        public_key TEXT NOT NULL
      ) STRICT;

      CREATE TRIGGER journal_checkpoints_no_update BEFORE UPDATE ON journal_checkpoints
      BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
      CREATE TRIGGER journal_checkpoints_no_delete BEFORE DELETE ON journal_checkpoints
      BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
    `);
  },
};
