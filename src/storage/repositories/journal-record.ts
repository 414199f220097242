/** A journal_entries row as SQLite returns it (migration 0002), shared by the journal's repositories. */
export interface JournalEntryRecord {
  seq: number;
  at: string;
  station_id: string;
  actor_id: number | null;
  type: string;
  subject_kind: string | null;
  subject_id: string | null;
  payload: string;
  prev_hash: string;
  hash: string;
}

const ENTRY_COLUMNS = ['seq', 'at', 'station_id', 'actor_id', 'type', 'subject_kind', 'subject_id', 'payload', 'prev_hash', 'hash'];

/** The column list of a JournalEntryRecord, each prefixed with `alias.` when the query names the table. */
export function entryColumns(alias?: string): string {
  return ENTRY_COLUMNS.map((c) => (alias ? `${alias}.${c}` : c)).join(', ');
}
