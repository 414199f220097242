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

/** A signed statement "entry `seq` has hash `hash`", made by the station key at `at`. */
export interface JournalCheckpoint {
  seq: number;
  hash: string;
  /** UTC, ISO 8601 with milliseconds. */
  at: string;
  /** Ed25519 signature, base64. */
  signature: string;
  /** The signer's public key: SPKI DER, base64. */
  publicKey: string;
}

/** One stored entry as the database holds it: the payload is the canonical JSON text that was hashed. */
export interface JournalRow {
  seq: number;
  at: string;
  stationId: string;
  actorId: number | null;
  type: string;
  subjectKind: string | null;
  subjectId: string | null;
  payload: string;
  prevHash: string;
  hash: string;
}

/**
 * One entry as verification reads it: [seq, stored hash, text], where text is the stored
 * prevHash followed by the canonical JSON of the entry's fields, built by the database in the
 * layout of src/journal/chain.ts (entryPreimage). A million of these are read per check; three
 * values cost the driver far less than ten. A text that is not byte-exact only makes its entry
 * look broken, and the journal then re-checks that entry from its fields.
 */
export type JournalChainLink = readonly [seq: number, hash: string, text: string];

/** What the journal needs from storage: append-only rows and checkpoints, nothing else. */
export interface JournalRows {
  insert(row: JournalRow): void;
  /** The entry with the highest seq, or null when the journal is empty. */
  last(): JournalRow | null;
  /** Entries with seq >= fromSeq in seq order, at most `limit`. */
  fromSeq(fromSeq: number, limit: number): JournalRow[];
  /** Like fromSeq, as chain links, for streaming verification. */
  chainFromSeq(fromSeq: number, limit: number): JournalChainLink[];
  bySubject(kind: string, id: string): JournalRow[];
  count(): number;
  insertCheckpoint(checkpoint: JournalCheckpoint): void;
  /** Every checkpoint, oldest seq first. */
  checkpoints(): JournalCheckpoint[];
  lastCheckpoint(): JournalCheckpoint | null;
  /** Names of the append-only guards (triggers) that someone removed; empty when all are in place. */
  missingGuards(): string[];
  /** Runs fn in a write transaction, or inside the caller's when one is open. */
  transaction<T>(fn: () => T): T;
}

/** The station's signing key (Ed25519). The private half never leaves the implementation. */
export interface StationKey {
  /** SPKI DER, base64: what checkpoints carry and verifiers trust. */
  readonly publicKey: string;
  /** Ed25519 signature of `message`, base64. */
  sign(message: Uint8Array): string;
}

/**
 * Seals secrets at rest (Electron safeStorage, an OS keychain). Until issue 6 supplies one, the
 * station key is kept as a plain PEM file readable only by its owner.
 */
export interface SecretSealer {
  seal(plain: Uint8Array): Uint8Array;
  open(sealed: Uint8Array): Uint8Array;
}

/** What a manager searches the journal by; every field narrows, none is required. */
export interface JournalQuery {
  /** The person who did it (the entry's actor). */
  actorId?: number;
  stationId?: string;
  /** Entry types, any of them. */
  types?: readonly string[];
  /** Entries about one thing (an order by its number). */
  subject?: JournalSubject;
  /** UTC ISO times: from inclusive, to exclusive. */
  from?: string;
  to?: string;
  /** Words the payload's values hold, each as a prefix ("kowal" finds "Kowalska"), diacritics folded. */
  text?: string;
  limit: number;
  offset: number;
}

export interface JournalSearchPage {
  /** Newest first. */
  entries: JournalEntry[];
  /** Entries matching in all, counted up to a limit (1,000); `totalIsAtLeast` when there are more. */
  total: number;
  totalIsAtLeast: boolean;
}

/** The journal searched the way a manager asks: by person, station, type, order, time and words. */
export interface JournalSearch {
  search(query: JournalQuery): JournalSearchPage;
}
