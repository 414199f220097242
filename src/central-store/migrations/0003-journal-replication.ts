import type { CentralMigration } from './migration';

/**
 * Every station's journal at central (issue 13, point 4): its entries and signed checkpoints,
 * append-only (triggers refuse UPDATE, DELETE and TRUNCATE, so not even central's own code can
 * change a station's entries), the journal key each station signs checkpoints with (pinned at
 * first contact), the index of its video segments (from its 'video.segment' entries), and the
 * alarms raised when a batch does not verify, and each completed packing session's counts (for the
 * console's statistics).
 *
 * The entry's fields are kept exactly as the station hashed them (`at` and the canonical payload
 * as text), so anyone can recompute every hash from central's copy. `at_time` and `words` are
 * central's own, for the console: the time as a timestamp and the search words (simple
 * configuration, words already folded by central-store/journal-words.ts).
 */
export const journalReplication: CentralMigration = {
  version: 3,
  name: 'journal-replication',
  async up(client) {
    await client.query(`
      CREATE TABLE journal_keys (
        station_id text PRIMARY KEY REFERENCES stations(id),
        public_key text NOT NULL,
        pinned_at timestamptz NOT NULL
      );

      CREATE TABLE journal_entries (
        station_id text NOT NULL REFERENCES stations(id),
        seq bigint NOT NULL CHECK (seq > 0),
        at text NOT NULL,
        entry_station text NOT NULL,
        actor_id bigint,
        type text NOT NULL,
        subject_kind text,
        subject_id text,
        payload text NOT NULL,
        prev_hash text NOT NULL CHECK (length(prev_hash) = 64),
        hash text NOT NULL CHECK (length(hash) = 64),
        at_time timestamptz NOT NULL,
        words tsvector NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (station_id, seq)
      );
      CREATE INDEX journal_entries_time ON journal_entries (at_time DESC, station_id, seq DESC);
      CREATE INDEX journal_entries_actor ON journal_entries (actor_id, at_time DESC);
      CREATE INDEX journal_entries_type ON journal_entries (type, at_time DESC);
      CREATE INDEX journal_entries_station ON journal_entries (station_id, at_time DESC);
      CREATE INDEX journal_entries_station_type ON journal_entries (station_id, type, at_time DESC);
      CREATE INDEX journal_entries_subject ON journal_entries (subject_kind, subject_id, station_id, seq);
      CREATE INDEX journal_entries_words ON journal_entries USING gin (words);

      CREATE TABLE journal_checkpoints (
        station_id text NOT NULL REFERENCES stations(id),
        seq bigint NOT NULL,
        hash text NOT NULL,
        at text NOT NULL,
        signature text NOT NULL,
        public_key text NOT NULL,
        PRIMARY KEY (station_id, seq)
      );

      CREATE TABLE video_segments (
        station_id text NOT NULL REFERENCES stations(id),
        seq bigint NOT NULL,
        segment_id bigint NOT NULL,
        order_number text,
        kind text NOT NULL,
        started_at text,
        ended_at text,
        bytes bigint,
        sha256 text,
        playback_url text,
        PRIMARY KEY (station_id, seq),
        FOREIGN KEY (station_id, seq) REFERENCES journal_entries (station_id, seq)
      );
      CREATE INDEX video_segments_order ON video_segments (order_number);

      -- Each completed packing session counted once, when its completion arrives (as the station's stats_sessions).
      CREATE TABLE session_facts (
        station_id text NOT NULL,
        seq bigint NOT NULL,
        completed_at timestamptz NOT NULL,
        facts text NOT NULL,
        PRIMARY KEY (station_id, seq),
        FOREIGN KEY (station_id, seq) REFERENCES journal_entries (station_id, seq)
      );
      CREATE INDEX session_facts_time ON session_facts (completed_at);

      CREATE TABLE replication_alarms (
        id bigserial PRIMARY KEY,
        station_id text NOT NULL REFERENCES stations(id),
        seq bigint NOT NULL,
        kind text NOT NULL,
        detail text NOT NULL,
        first_at timestamptz NOT NULL,
        last_at timestamptz NOT NULL,
        times integer NOT NULL DEFAULT 1,
        UNIQUE (station_id, seq, kind)
      );

      CREATE FUNCTION refuse_journal_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a station''s journal at central is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
      END $$;
      CREATE TRIGGER journal_entries_append_only BEFORE UPDATE OR DELETE ON journal_entries
        FOR EACH ROW EXECUTE FUNCTION refuse_journal_change();
      CREATE TRIGGER journal_entries_no_truncate BEFORE TRUNCATE ON journal_entries
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_journal_change();
      CREATE TRIGGER journal_checkpoints_append_only BEFORE UPDATE OR DELETE ON journal_checkpoints
        FOR EACH ROW EXECUTE FUNCTION refuse_journal_change();
      CREATE TRIGGER journal_checkpoints_no_truncate BEFORE TRUNCATE ON journal_checkpoints
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_journal_change();
      CREATE TRIGGER session_facts_append_only BEFORE UPDATE OR DELETE ON session_facts
        FOR EACH ROW EXECUTE FUNCTION refuse_journal_change();
      CREATE TRIGGER video_segments_append_only BEFORE UPDATE OR DELETE ON video_segments
        FOR EACH ROW EXECUTE FUNCTION refuse_journal_change();
    `);
  },
};
