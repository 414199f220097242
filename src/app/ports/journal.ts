/** What an entry is about: the thing a manager would search the journal for. */
export interface JournalSubject {
  kind: 'order' | 'parcel' | 'packing_session' | 'return' | 'user' | 'station' | 'manifest' | 'document' | 'video' | 'sync';
  id: string;
}

export interface NewJournalEntry {
  /** Dotted event type, e.g. 'auth.login', 'pack.scan', 'pack.override', 'video.segment'. */
  type: string;
  stationId: string;
  /** The user who did it; null for the station itself (sync, retention, housekeeping). */
  actorId: number | null;
  subject: JournalSubject | null;
  /** Plain JSON; stored canonically so its hash is reproducible anywhere. Never secrets or PINs. */
  payload: Record<string, unknown>;
}

export interface JournalEntry extends NewJournalEntry {
  seq: number;
  /** UTC, ISO 8601 with milliseconds. */
  at: string;
  prevHash: string;
  hash: string;
}

/**
 * The append-only, hash-chained journal. append() joins the caller's store transaction, so an
 * entry and the change it records commit together or not at all.
 */
export interface Journal {
  append(entry: NewJournalEntry): JournalEntry;
  /** Entries about one subject, oldest first. */
  bySubject(subject: JournalSubject): JournalEntry[];
  /** Entries in sequence order from `fromSeq` (inclusive), at most `limit`. */
  range(fromSeq: number, limit: number): JournalEntry[];
  lastSeq(): number;
}
