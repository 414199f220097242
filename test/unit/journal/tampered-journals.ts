import crypto from 'node:crypto';
import { checkpointMessage } from '../../../src/journal/chain';
import { appendScans, dropTriggers, openTestJournal, type TestJournal } from './fixtures';

export const ENTRIES = 30;

/** One way of breaking a journal of ENTRIES entries checkpointed every 5, as the verify tests do one at a time. */
export interface Tampering {
  name: string;
  apply(t: TestJournal): void;
}

const COLUMNS = ['at', 'station_id', 'actor_id', 'type', 'subject_kind', 'subject_id', 'payload', 'prev_hash', 'hash'];

function swap(t: TestJournal, a: number, b: number): void {
  t.db.exec(`
    CREATE TEMP TABLE saved AS SELECT * FROM journal_entries WHERE seq IN (${a}, ${b});
    UPDATE journal_entries SET (${COLUMNS.join(', ')}) = (SELECT ${COLUMNS.join(', ')} FROM saved WHERE saved.seq = ${a + b} - journal_entries.seq)
    WHERE seq IN (${a}, ${b});
    DROP TABLE temp.saved;
  `);
}

export const TAMPERINGS: Tampering[] = [
  { name: 'untouched', apply: () => undefined },
  { name: 'payloads changed', apply: (t) => t.db.exec(`UPDATE journal_entries SET payload = '{"line":0}' WHERE seq IN (1, 11, 12, 26)`) },
  { name: 'a field other than the payload changed', apply: (t) => t.db.exec('UPDATE journal_entries SET actor_id = 8 WHERE seq = 16') },
  { name: 'entries deleted in the middle', apply: (t) => t.db.exec('DELETE FROM journal_entries WHERE seq IN (9, 10, 11, 12, 21)') },
  { name: 'first entries deleted', apply: (t) => t.db.exec('DELETE FROM journal_entries WHERE seq <= 13') },
  {
    name: 'a deletion closed up by renumbering',
    apply: (t) => t.db.exec('DELETE FROM journal_entries WHERE seq = 14; UPDATE journal_entries SET seq = seq - 1 WHERE seq > 14'),
  },
  { name: 'entries swapped', apply: (t) => (swap(t, 3, 8), swap(t, 15, 16)) },
  {
    name: 'a checkpoint signature forged',
    apply: (t) => {
      const forged = Buffer.from(t.rows.checkpoints()[2]?.signature ?? '', 'base64');
      forged[0] = (forged[0] ?? 0) ^ 1;
      t.db.prepare('UPDATE journal_checkpoints SET signature = ? WHERE seq = 15').run(forged.toString('base64'));
    },
  },
  {
    name: 'a checkpoint vouching for another hash',
    apply: (t) => {
      const wrong = crypto.createHash('sha256').update('other').digest('hex');
      const at = '2026-03-02T09:00:00.000Z';
      t.rows.insertCheckpoint({ seq: 17, hash: wrong, at, signature: t.key.sign(checkpointMessage(17, wrong, at)), publicKey: t.key.publicKey });
    },
  },
  {
    name: 'history rewritten with recomputed hashes',
    apply: (t) => {
      const rewritten = openTestJournal({ checkpointEvery: 1000 });
      for (const entry of t.journal.range(1, ENTRIES))
        rewritten.journal.append({ ...entry, payload: entry.seq === 12 ? { ...entry.payload, verdict: 'ok' } : entry.payload });
      t.db.exec('DELETE FROM journal_entries');
      for (const row of rewritten.rows.fromSeq(1, ENTRIES)) t.rows.insert(row);
    },
  },
  { name: 'the end cut off', apply: (t) => t.db.exec('DELETE FROM journal_entries WHERE seq > 22') },
  { name: 'every entry changed', apply: (t) => t.db.exec("UPDATE journal_entries SET type = 'x'") },
];

/** A fresh journal of ENTRIES entries with one tampering applied (triggers dropped first). */
export function tamperedJournal(tampering: Tampering): TestJournal {
  const t = openTestJournal({ checkpointEvery: 5 });
  appendScans(t.journal, ENTRIES);
  dropTriggers(t.db);
  tampering.apply(t);
  return t;
}
