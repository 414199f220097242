import type { Migration } from './migration';

/**
 * Packer statistics read the journal by time: the completions of a period (type, at), and a
 * packer's packing entries (actor, type, at); the journal stays append-only. Each completed
 * session, once counted, is kept (stats_sessions, with its packers in stats_session_packers):
 * its entries never change, so it is read from the journal once. The kept counts can be dropped
 * at any time (stats_cache forgets where it got to) and are made again from the journal.
 */
export const statistics: Migration = {
  version: 21,
  name: 'statistics',
  up(db) {
    db.exec(`
      CREATE INDEX journal_entries_type_at ON journal_entries (type, at);
      CREATE INDEX journal_entries_actor_type_at ON journal_entries (actor_id, type, at) WHERE actor_id IS NOT NULL;

      -- The seq of a session's 'pack.completed' entry names it.
      CREATE TABLE stats_sessions (
        completion_seq INTEGER PRIMARY KEY,
        completed_at TEXT NOT NULL,
        station_id TEXT NOT NULL,
        facts TEXT NOT NULL CHECK (json_valid(facts))
      ) STRICT;
      CREATE INDEX stats_sessions_completed ON stats_sessions (completed_at);
      CREATE INDEX stats_sessions_station ON stats_sessions (station_id, completed_at);
      CREATE TABLE stats_session_packers (
        packer_id INTEGER NOT NULL,
        completed_at TEXT NOT NULL,
        completion_seq INTEGER NOT NULL REFERENCES stats_sessions (completion_seq) ON DELETE CASCADE,
        PRIMARY KEY (packer_id, completed_at, completion_seq)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX stats_session_packers_session ON stats_session_packers (completion_seq);
      -- How far the kept counts reach: every completion up to seq, counted by this version of the rules.
      CREATE TABLE stats_cache (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        version INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
