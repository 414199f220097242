import crypto from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JournalRows } from '../../../src/app/ports/journal';
import { checkpointMessage } from '../../../src/journal/chain';
import { loadOrCreateStationKey } from '../../../src/journal/key-file';
import { verifyJournal } from '../../../src/journal/verify';
import { openDatabase } from '../../../src/storage/db';
import { createJournalRows } from '../../../src/storage/repositories/journal-rows';
import { track } from '../storage/fixtures';
import { appendScans, dropTriggers, openTestJournal } from './fixtures';

function first(report: ReturnType<typeof verifyJournal>) {
  return report.problems[0];
}

describe('journal verification', () => {
  it('finds an untouched journal intact, across page boundaries', () => {
    const { journal, rows, key } = openTestJournal({ checkpointEvery: 10 });
    appendScans(journal, 45);
    const report = verifyJournal(rows, { trustedKeys: [key.publicKey], pageSize: 7 });
    expect(report).toMatchObject({ intact: true, entries: 45, lastSeq: 45, checkpoints: 4, problems: [] });
    expect(report.lastCheckpoint?.seq).toBe(40);
  });

  it('re-checks from the fields any entry whose database-built text does not verify', () => {
    const { journal, rows } = openTestJournal();
    appendScans(journal, 8);
    const garbled: JournalRows = {
      ...rows,
      chainFromSeq: (from, limit) => rows.chainFromSeq(from, limit).map(([seq, hash, text]) => [seq, hash, `${text} `] as const),
    };
    expect(verifyJournal(garbled)).toMatchObject({ intact: true, entries: 8 });
  });

  it('finds an empty journal intact', () => {
    const { rows } = openTestJournal();
    expect(verifyJournal(rows)).toMatchObject({ intact: true, entries: 0, lastSeq: 0, lastCheckpoint: null });
  });

  it('catches one payload byte changed in the database file itself', () => {
    const { journal, db, file } = openTestJournal();
    appendScans(journal, 20);
    db.close(); // folds the WAL into the file
    const bytes = fs.readFileSync(file);
    // "line":13 -> "line":14: same length, so the record stays valid. Every copy is edited, as
    // SQLite may leave an old copy of the page on its free list.
    let edits = 0;
    for (let at = bytes.indexOf('"line":13,'); at >= 0; at = bytes.indexOf('"line":13,', at + 1), edits++) bytes[at + 8] = '4'.charCodeAt(0);
    expect(edits).toBeGreaterThan(0);
    fs.writeFileSync(file, bytes);

    const rows = createJournalRows(track(openDatabase(file)));
    const report = verifyJournal(rows);
    expect(report.intact).toBe(false);
    expect(first(report)).toMatchObject({ seq: 13, kind: 'changed' });
    expect(first(report)?.message).toMatch(/^entry 13 \(pack\.scan\) was changed/);
    expect(report.problems).toHaveLength(1);
  });

  it('catches a changed field other than the payload', () => {
    const { journal, rows, db } = openTestJournal();
    appendScans(journal, 10);
    dropTriggers(db);
    db.exec('UPDATE journal_entries SET actor_id = 8 WHERE seq = 6');
    expect(first(verifyJournal(rows))).toMatchObject({ seq: 6, kind: 'changed' });
  });

  it('catches a deleted entry and a deleted first entry as missing', () => {
    const { journal, rows, db } = openTestJournal();
    appendScans(journal, 10);
    dropTriggers(db);
    db.exec('DELETE FROM journal_entries WHERE seq IN (4, 5)');
    const report = verifyJournal(rows);
    expect(first(report)).toMatchObject({ seq: 4, kind: 'missing', message: 'entries 4 to 5 are missing: the journal goes from 3 to 6' });
    expect(report.problems).toHaveLength(1);
    db.exec('DELETE FROM journal_entries WHERE seq = 1');
    expect(first(verifyJournal(rows))).toMatchObject({ seq: 1, kind: 'missing', message: 'entry 1 is missing: the journal starts at 2' });
  });

  it('catches a deleted entry whose followers were renumbered to close the gap', () => {
    const { journal, rows, db } = openTestJournal();
    appendScans(journal, 10);
    dropTriggers(db);
    db.exec('DELETE FROM journal_entries WHERE seq = 7; UPDATE journal_entries SET seq = seq - 1 WHERE seq > 7');
    expect(first(verifyJournal(rows))).toMatchObject({ seq: 7, kind: 'out-of-order' });
  });

  it('catches two entries whose contents were swapped', () => {
    const { journal, rows, db } = openTestJournal();
    appendScans(journal, 10);
    dropTriggers(db);
    const cols = ['at', 'station_id', 'actor_id', 'type', 'subject_kind', 'subject_id', 'payload', 'prev_hash', 'hash'];
    db.exec(`
      CREATE TEMP TABLE saved AS SELECT * FROM journal_entries WHERE seq IN (3, 8);
      UPDATE journal_entries SET (${cols.join(', ')}) = (SELECT ${cols.join(', ')} FROM saved WHERE saved.seq = 11 - journal_entries.seq)
      WHERE seq IN (3, 8);
    `);
    const report = verifyJournal(rows);
    expect(first(report)).toMatchObject({ seq: 3, kind: 'out-of-order' });
    expect(first(report)?.message).toMatch(/^entry 3 does not follow entry 2/);
  });

  it('catches a swap of payloads alone as a change', () => {
    const { journal, rows, db } = openTestJournal();
    appendScans(journal, 10);
    dropTriggers(db);
    db.exec(`
      CREATE TEMP TABLE saved AS SELECT seq, payload FROM journal_entries WHERE seq IN (5, 6);
      UPDATE journal_entries SET payload = (SELECT payload FROM saved WHERE saved.seq = 11 - journal_entries.seq) WHERE seq IN (5, 6);
    `);
    expect(verifyJournal(rows).problems.map((p) => [p.seq, p.kind])).toEqual([
      [5, 'changed'],
      [6, 'changed'],
    ]);
  });

  it('catches a forged checkpoint signature and a checkpoint from another key', () => {
    const { journal, rows, db, key } = openTestJournal({ checkpointEvery: 5 });
    appendScans(journal, 12);
    dropTriggers(db);
    const forged = Buffer.from(rows.checkpoints()[0]?.signature ?? '', 'base64');
    forged[0] = (forged[0] ?? 0) ^ 1;
    db.prepare('UPDATE journal_checkpoints SET signature = ? WHERE seq = 5').run(forged.toString('base64'));
    expect(first(verifyJournal(rows))).toMatchObject({ seq: 5, kind: 'bad-signature', message: 'checkpoint at entry 5: bad signature' });

    db.exec('DELETE FROM journal_checkpoints WHERE seq = 5');
    const impostor = loadOrCreateStationKey(fs.mkdtempSync(`${db.name}-other-`));
    const hash = journal.range(5, 1)[0]?.hash ?? '';
    const at = '2026-03-02T09:00:00.000Z';
    rows.insertCheckpoint({ seq: 5, hash, at, signature: impostor.sign(checkpointMessage(5, hash, at)), publicKey: impostor.publicKey });
    expect(verifyJournal(rows).intact).toBe(true); // a valid signature, when no key is trusted in particular
    expect(first(verifyJournal(rows, { trustedKeys: [key.publicKey] }))).toMatchObject({ seq: 5, kind: 'bad-signature' });
    expect(first(verifyJournal(rows, { trustedKeys: [key.publicKey] }))?.message).toMatch(/not this station's/);
  });

  it("catches a checkpoint whose hash is not the entry's", () => {
    const { journal, rows, key } = openTestJournal({ checkpointEvery: 100 });
    appendScans(journal, 8);
    const at = '2026-03-02T09:00:00.000Z';
    const wrong = crypto.createHash('sha256').update('other').digest('hex');
    rows.insertCheckpoint({ seq: 6, hash: wrong, at, signature: key.sign(checkpointMessage(6, wrong, at)), publicKey: key.publicKey });
    expect(first(verifyJournal(rows, { trustedKeys: [key.publicKey] }))).toMatchObject({ seq: 6, kind: 'checkpoint-mismatch' });
  });

  it('catches history rewritten with recomputed hashes, through the checkpoint that covered it', () => {
    const { journal, rows, db, key } = openTestJournal({ checkpointEvery: 4 });
    appendScans(journal, 10);
    dropTriggers(db);
    // Rewrite entry 6 and re-chain everything after it, as an attacker with the code would.
    const rewritten = openTestJournal({ checkpointEvery: 1000 });
    for (const entry of journal.range(1, 10))
      rewritten.journal.append({ ...entry, payload: entry.seq === 6 ? { ...entry.payload, verdict: 'ok' } : entry.payload });
    db.exec('DELETE FROM journal_entries');
    for (const row of rewritten.rows.fromSeq(1, 10)) rows.insert(row);
    const report = verifyJournal(rows, { trustedKeys: [key.publicKey] });
    // Entries 1-5 came out the same, so checkpoint 4 still holds and narrows down where to look.
    expect(report.problems.map((p) => [p.seq, p.kind])).toEqual([[8, 'checkpoint-mismatch']]);
    expect(first(report)?.message).toMatch(/entries after 4 up to 8 were rewritten$/);
  });

  it('catches entries cut from the end that a checkpoint vouched for', () => {
    const { journal, rows, db } = openTestJournal({ checkpointEvery: 5 });
    appendScans(journal, 10);
    dropTriggers(db);
    db.exec('DELETE FROM journal_entries WHERE seq > 7');
    const report = verifyJournal(rows);
    expect(first(report)).toMatchObject({ seq: 8, kind: 'missing' });
    expect(first(report)?.message).toMatch(/checkpoint vouches for entry 10, the journal ends at 7/);
    expect(report.lastCheckpoint?.seq).toBe(5);
  });

  it('keeps the first problems and says when there were more', () => {
    const { journal, rows, db } = openTestJournal();
    appendScans(journal, 10);
    dropTriggers(db);
    db.exec("UPDATE journal_entries SET type = 'x'");
    const report = verifyJournal(rows, { maxProblems: 3 });
    expect(report.problems.map((p) => p.seq)).toEqual([1, 2, 3]);
    expect(report.moreProblems).toBe(true);
  });
});
