import type { Database } from 'better-sqlite3';
import type { JournalChainLink, JournalCheckpoint, JournalRow, JournalRows } from '../../app/ports/journal';
import { guardRepository } from '../failures';
import { entryColumns, type JournalEntryRecord as EntryRecord } from './journal-record';

interface CheckpointRecord {
  seq: number;
  hash: string;
  at: string;
  signature: string;
  public_key: string;
}

const GUARDS = ['journal_entries_no_update', 'journal_entries_no_delete', 'journal_checkpoints_no_update', 'journal_checkpoints_no_delete'];

const COLUMNS = entryColumns();

/**
 * prev_hash followed by the entry's canonical JSON (src/journal/chain.ts, entryPreimage): keys
 * in sorted order, strings quoted by json_quote, which escapes exactly as JSON.stringify does.
 * One concat() per row; the journal re-checks any entry whose text does not verify.
 */
const CHAIN_TEXT = `concat(prev_hash, '{"actorId":', coalesce(actor_id, 'null'), ',"at":', json_quote(at), ',"payload":', payload,
  ',"seq":', seq, ',"stationId":', json_quote(station_id), ',"subject":',
  CASE WHEN subject_kind IS NULL OR subject_id IS NULL THEN 'null'
    ELSE concat('{"id":', json_quote(subject_id), ',"kind":', json_quote(subject_kind), '}') END,
  ',"type":', json_quote(type), '}')`;

function toRow(r: EntryRecord): JournalRow {
  return {
    seq: r.seq,
    at: r.at,
    stationId: r.station_id,
    actorId: r.actor_id,
    type: r.type,
    subjectKind: r.subject_kind,
    subjectId: r.subject_id,
    payload: r.payload,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

function toCheckpoint(r: CheckpointRecord): JournalCheckpoint {
  return { seq: r.seq, hash: r.hash, at: r.at, signature: r.signature, publicKey: r.public_key };
}

/** The JournalRows port over the append-only tables of migration 0002. */
export function createJournalRows(db: Database): JournalRows {
  const insert = db.prepare<[EntryRecord]>(
    `INSERT INTO journal_entries (${COLUMNS})
     VALUES (@seq, @at, @station_id, @actor_id, @type, @subject_kind, @subject_id, @payload, @prev_hash, @hash)`,
  );
  // Runs on every append: a descending walk of the primary key, one page read, microseconds.
  const last = db.prepare<[], EntryRecord>(`SELECT ${COLUMNS} FROM journal_entries ORDER BY seq DESC LIMIT 1`);
  const fromSeq = db.prepare<[number, number], EntryRecord>(`SELECT ${COLUMNS} FROM journal_entries WHERE seq >= ? ORDER BY seq LIMIT ?`);
  const chain = db
    .prepare<[number, number], EntryRecord>(`SELECT seq, hash, ${CHAIN_TEXT} FROM journal_entries WHERE seq >= ? ORDER BY seq LIMIT ?`)
    .raw(true) as unknown as { all(fromSeq: number, limit: number): JournalChainLink[] };
  const bySubject = db.prepare<[string, string], EntryRecord>(`SELECT ${COLUMNS} FROM journal_entries WHERE subject_kind = ? AND subject_id = ? ORDER BY seq`);
  const count = db.prepare<[], number>('SELECT count(*) FROM journal_entries').pluck(true);
  const insertCheckpoint = db.prepare<[CheckpointRecord]>(
    'INSERT INTO journal_checkpoints (seq, hash, at, signature, public_key) VALUES (@seq, @hash, @at, @signature, @public_key)',
  );
  const checkpoints = db.prepare<[], CheckpointRecord>('SELECT seq, hash, at, signature, public_key FROM journal_checkpoints ORDER BY seq');
  const lastCheckpoint = db.prepare<[], CheckpointRecord>('SELECT seq, hash, at, signature, public_key FROM journal_checkpoints ORDER BY seq DESC LIMIT 1');
  const triggers = db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'trigger'").pluck(true);

  return guardRepository<JournalRows>(
    {
      insert(row) {
        insert.run({
          seq: row.seq,
          at: row.at,
          station_id: row.stationId,
          actor_id: row.actorId,
          type: row.type,
          subject_kind: row.subjectKind,
          subject_id: row.subjectId,
          payload: row.payload,
          prev_hash: row.prevHash,
          hash: row.hash,
        });
      },
      last() {
        const r = last.get();
        return r ? toRow(r) : null;
      },
      fromSeq(seq, limit) {
        return fromSeq.all(seq, limit).map(toRow);
      },
      chainFromSeq(seq, limit) {
        return chain.all(seq, limit);
      },
      bySubject(kind, id) {
        return bySubject.all(kind, id).map(toRow);
      },
      count() {
        return count.get() as number;
      },
      insertCheckpoint(cp) {
        insertCheckpoint.run({ seq: cp.seq, hash: cp.hash, at: cp.at, signature: cp.signature, public_key: cp.publicKey });
      },
      checkpoints() {
        return checkpoints.all().map(toCheckpoint);
      },
      lastCheckpoint() {
        const r = lastCheckpoint.get();
        return r ? toCheckpoint(r) : null;
      },
      missingGuards() {
        const present = new Set(triggers.all());
        return GUARDS.filter((name) => !present.has(name));
      },
      transaction<T>(fn: () => T): T {
        if (db.inTransaction) return fn();
        // IMMEDIATE takes the write lock before the last row is read, so two connections
        // appending at once queue on busy_timeout instead of both reading the same last seq.
        return db.transaction(fn).immediate();
      },
    },
    db.name,
  );
}
