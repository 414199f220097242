import type { Clock } from '../app/ports';
import type { Journal, JournalCheckpoint, JournalRow, JournalRows, NewJournalEntry, StationKey } from '../app/ports/journal';
import { canonicalJson } from './canonical';
import { checkpointMessage, GENESIS_HASH, rowHash, rowToEntry } from './chain';

/** The Journal port plus the station's signed checkpoints. */
export interface StationJournal extends Journal {
  /** Signs the newest entry now (at shutdown, before an export); null for an empty journal. */
  checkpoint(): JournalCheckpoint | null;
  lastCheckpoint(): JournalCheckpoint | null;
}

export interface JournalOptions {
  /** A checkpoint is signed whenever seq reaches a multiple of this. */
  checkpointEvery?: number;
}

export const DEFAULT_CHECKPOINT_EVERY = 1000;

/**
 * The hash-chained journal over its rows. append() reads the newest row inside its own (or the
 * caller's) transaction every time rather than trusting a copy in memory: when a caller's
 * transaction rolls back after an append, or another process appended, a cached hash would fork
 * the chain. The read is one primary-key lookup; `packdesk bench` measures it.
 */
export function createJournal(rows: JournalRows, clock: Clock, key: StationKey, options: JournalOptions = {}): StationJournal {
  const every = options.checkpointEvery ?? DEFAULT_CHECKPOINT_EVERY;
  if (!Number.isInteger(every) || every < 1) throw new Error(`checkpointEvery must be a whole number from 1 (got ${every}).`);

  const sign = (row: Pick<JournalRow, 'seq' | 'hash'>): JournalCheckpoint => {
    const at = clock.now().toISOString();
    const checkpoint = { seq: row.seq, hash: row.hash, at, signature: key.sign(checkpointMessage(row.seq, row.hash, at)), publicKey: key.publicKey };
    rows.insertCheckpoint(checkpoint);
    return checkpoint;
  };

  return {
    append(entry: NewJournalEntry) {
      checkShape(entry);
      // Canonicalised before the transaction: a payload JSON cannot hold fails without a write.
      const payload = canonicalJson(entry.payload);
      const row = rows.transaction(() => {
        const last = rows.last();
        const unhashed: Omit<JournalRow, 'hash'> = {
          seq: (last?.seq ?? 0) + 1,
          at: clock.now().toISOString(),
          stationId: entry.stationId,
          actorId: entry.actorId,
          type: entry.type,
          subjectKind: entry.subject?.kind ?? null,
          subjectId: entry.subject?.id ?? null,
          payload,
          prevHash: last?.hash ?? GENESIS_HASH,
        };
        const stored: JournalRow = { ...unhashed, hash: rowHash(unhashed) };
        rows.insert(stored);
        if (stored.seq % every === 0) sign(stored);
        return stored;
      });
      return rowToEntry(row);
    },
    bySubject(subject) {
      return rows.bySubject(subject.kind, subject.id).map(rowToEntry);
    },
    range(fromSeq, limit) {
      return rows.fromSeq(fromSeq, limit).map(rowToEntry);
    },
    lastSeq() {
      return rows.last()?.seq ?? 0;
    },
    checkpoint() {
      return rows.transaction(() => {
        const last = rows.last();
        if (!last) return null;
        const previous = rows.lastCheckpoint();
        return previous?.seq === last.seq ? previous : sign(last);
      });
    },
    lastCheckpoint: () => rows.lastCheckpoint(),
  };
}

/** Entries come from our own code; a malformed one is a bug, refused before it is chained forever. */
function checkShape(entry: NewJournalEntry): void {
  const problems: string[] = [];
  if (typeof entry.type !== 'string' || entry.type.length === 0) problems.push('type is empty');
  if (typeof entry.stationId !== 'string' || entry.stationId.length === 0) problems.push('stationId is empty');
  if (entry.actorId !== null && !Number.isSafeInteger(entry.actorId)) problems.push('actorId is not a whole number or null');
  if (entry.subject !== null && (typeof entry.subject.id !== 'string' || entry.subject.id.length === 0)) problems.push('subject.id is empty');
  if (typeof entry.payload !== 'object' || entry.payload === null || Array.isArray(entry.payload)) problems.push('payload is not an object');
  if (problems.length > 0) throw new Error(`Journal entry "${String(entry.type)}" refused: ${problems.join('; ')}.`);
}
