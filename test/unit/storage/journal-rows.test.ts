import { describe, expect, it } from 'vitest';
import type { JournalRow } from '../../../src/app/ports/journal';
import { createJournalRows } from '../../../src/storage/repositories/journal-rows';
import { openTestStore } from './fixtures';

function row(seq: number, overrides: Partial<JournalRow> = {}): JournalRow {
  return {
    seq,
    at: `2026-03-02T08:00:${String(seq).padStart(2, '0')}.000Z`,
    stationId: 'ST-01',
    actorId: seq % 2 === 0 ? null : 7,
    type: 'pack.scan',
    subjectKind: 'order',
    subjectId: `SO-${seq % 3}`,
    payload: `{"n":${seq}}`,
    prevHash: String(seq - 1).padStart(64, '0'),
    hash: String(seq).padStart(64, '0'),
    ...overrides,
  };
}

describe('journal rows over SQLite', () => {
  it('stores rows and reads them back by seq, as tuples, by subject, last and count', () => {
    const { db } = openTestStore();
    const rows = createJournalRows(db);
    expect(rows.last()).toBeNull();
    expect(rows.count()).toBe(0);
    const written = [1, 2, 3, 4, 5].map((n) => row(n, n === 5 ? { subjectKind: null, subjectId: null } : {}));
    rows.transaction(() => written.forEach((r) => rows.insert(r)));

    expect(rows.count()).toBe(5);
    expect(rows.last()).toEqual(written[4]);
    expect(rows.fromSeq(2, 2)).toEqual([written[1], written[2]]);
    expect(rows.fromSeq(6, 10)).toEqual([]);
    const r3 = written[2] as JournalRow;
    expect(rows.chainFromSeq(3, 1)).toEqual([
      [
        3,
        r3.hash,
        `${r3.prevHash}{"actorId":7,"at":"${r3.at}","payload":{"n":3},"seq":3,"stationId":"ST-01","subject":{"id":"SO-0","kind":"order"},"type":"pack.scan"}`,
      ],
    ]);
    const r4 = written[3] as JournalRow;
    const r5 = written[4] as JournalRow;
    expect(rows.chainFromSeq(4, 2).map(([, , text]) => text)).toEqual([
      `${r4.prevHash}{"actorId":null,"at":"${r4.at}","payload":{"n":4},"seq":4,"stationId":"ST-01","subject":{"id":"SO-1","kind":"order"},"type":"pack.scan"}`,
      `${r5.prevHash}{"actorId":7,"at":"${r5.at}","payload":{"n":5},"seq":5,"stationId":"ST-01","subject":null,"type":"pack.scan"}`,
    ]);
    expect(rows.bySubject('order', 'SO-1').map((r) => r.seq)).toEqual([1, 4]);
  });

  it('keeps checkpoints in seq order and refuses a second one for the same seq', () => {
    const { db } = openTestStore();
    const rows = createJournalRows(db);
    expect(rows.lastCheckpoint()).toBeNull();
    const cp = (seq: number) => ({ seq, hash: 'c'.repeat(64), at: '2026-03-02T08:00:00.000Z', signature: `sig${seq}`, publicKey: 'key' });
    rows.insertCheckpoint(cp(20));
    rows.insertCheckpoint(cp(10));
    expect(rows.checkpoints().map((c) => c.seq)).toEqual([10, 20]);
    expect(rows.lastCheckpoint()).toEqual(cp(20));
    expect(() => rows.insertCheckpoint(cp(20))).toThrow(/UNIQUE|PRIMARY KEY/);
  });

  it('joins an open transaction, so a rollback by the caller removes the row', () => {
    const { db } = openTestStore();
    const rows = createJournalRows(db);
    expect(() =>
      db.transaction(() => {
        rows.transaction(() => rows.insert(row(1)));
        expect(rows.count()).toBe(1);
        throw new Error('caller gives up');
      })(),
    ).toThrow('caller gives up');
    expect(rows.count()).toBe(0);
  });

  it('passes the append-only triggers through as errors', () => {
    const { db } = openTestStore();
    const rows = createJournalRows(db);
    rows.insert(row(1));
    expect(() => db.prepare('DELETE FROM journal_entries').run()).toThrow('journal is append-only');
    expect(rows.count()).toBe(1);
  });

  it('names the append-only triggers someone removed', () => {
    const { db } = openTestStore();
    const rows = createJournalRows(db);
    expect(rows.missingGuards()).toEqual([]);
    db.exec('DROP TRIGGER journal_entries_no_delete; DROP TRIGGER journal_checkpoints_no_update');
    expect(rows.missingGuards()).toEqual(['journal_entries_no_delete', 'journal_checkpoints_no_update']);
  });
});
