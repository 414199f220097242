import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/journal/canonical';
import { checkpointMessage, GENESIS_HASH } from '../../../src/journal/chain';
import { appendScans, openTestJournal, scan } from './fixtures';

describe('journal append', () => {
  it('numbers entries from 1 and chains each to the one before, starting from 64 zeros', () => {
    const { journal } = openTestJournal();
    expect(journal.lastSeq()).toBe(0);
    const first = journal.append(scan(1));
    const second = journal.append(scan(2));
    expect(first.seq).toBe(1);
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(second.seq).toBe(2);
    expect(second.prevHash).toBe(first.hash);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.at).toBe('2026-03-02T08:00:00.000Z');
    expect(second.at).toBe('2026-03-02T08:00:01.000Z');
    expect(journal.lastSeq()).toBe(2);
  });

  it('hashes SHA-256(prevHash || canonical JSON of the entry), reproducible without our code', () => {
    const { journal } = openTestJournal();
    journal.append(scan(1));
    const entry = journal.append({ type: 'pack.override', stationId: 'ST-01', actorId: null, subject: null, payload: { why: 'label "torn"', by: 3 } });
    const { seq, at, stationId, actorId, type, subject, payload, prevHash } = entry;
    const text = `${prevHash}{"actorId":null,"at":"${at}","payload":{"by":3,"why":"label \\"torn\\""},"seq":2,"stationId":"ST-01","subject":null,"type":"pack.override"}`;
    expect(canonicalJson({ seq, at, stationId, actorId, type, subject, payload })).toBe(text.slice(64));
    expect(entry.hash).toBe(crypto.createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('returns and reads back entries exactly as stored, by subject and by range', () => {
    const { journal } = openTestJournal();
    appendScans(journal, 9);
    const other = journal.append({ ...scan(10), payload: { nested: { b: [1, 2], a: -0 } } });
    expect(other.payload).toEqual({ nested: { a: 0, b: [1, 2] } });
    expect(journal.bySubject({ kind: 'order', id: 'SO-1001' }).map((e) => e.seq)).toEqual([1, 5, 9]);
    const range = journal.range(4, 3);
    expect(range.map((e) => e.seq)).toEqual([4, 5, 6]);
    expect(range[0]).toEqual({ ...scan(4), seq: 4, at: '2026-03-02T08:00:03.000Z', prevHash: expect.any(String), hash: expect.any(String) });
    expect(journal.range(10, 5)).toEqual([other]);
  });

  it('refuses an entry it cannot hash or that is malformed, writing nothing', () => {
    const { journal } = openTestJournal();
    expect(() => journal.append({ ...scan(1), payload: { grams: Number.NaN } })).toThrow(/\$\.grams is NaN/);
    expect(() => journal.append({ ...scan(1), payload: { at: new Date() } })).toThrow(/Date/);
    expect(() => journal.append({ ...scan(1), type: '' })).toThrow(/type is empty/);
    expect(() => journal.append({ ...scan(1), actorId: 1.5 })).toThrow(/actorId/);
    expect(journal.lastSeq()).toBe(0);
  });

  it("stays chained when the caller's transaction rolls back after an append", () => {
    const { journal, db } = openTestJournal();
    const kept = journal.append(scan(1));
    expect(() =>
      db.transaction(() => {
        journal.append(scan(2));
        journal.append(scan(3));
        throw new Error('order could not be completed');
      })(),
    ).toThrow('order could not be completed');
    expect(journal.lastSeq()).toBe(1);
    const next = journal.append(scan(4));
    expect(next.seq).toBe(2);
    expect(next.prevHash).toBe(kept.hash);
  });

  it('commits together with the changes of the transaction it joins', () => {
    const { journal, db } = openTestJournal();
    db.transaction(() => {
      appendScans(journal, 3);
    })();
    expect(journal.lastSeq()).toBe(3);
  });
});

describe('journal checkpoints', () => {
  it('signs one every N entries with the station key', () => {
    const { journal, rows, key } = openTestJournal({ checkpointEvery: 4 });
    appendScans(journal, 9);
    const checkpoints = rows.checkpoints();
    expect(checkpoints.map((c) => c.seq)).toEqual([4, 8]);
    const eighth = journal.range(8, 1)[0];
    const cp = checkpoints[1];
    expect(cp?.hash).toBe(eighth?.hash);
    expect(cp?.publicKey).toBe(key.publicKey);
    const publicKey = crypto.createPublicKey({ key: Buffer.from(key.publicKey, 'base64'), format: 'der', type: 'spki' });
    expect(crypto.verify(null, checkpointMessage(8, cp?.hash ?? '', cp?.at ?? ''), publicKey, Buffer.from(cp?.signature ?? '', 'base64'))).toBe(true);
  });

  it('signs the newest entry on demand, once per entry, and nothing for an empty journal', () => {
    const { journal, rows } = openTestJournal();
    expect(journal.checkpoint()).toBeNull();
    appendScans(journal, 3);
    const cp = journal.checkpoint();
    expect(cp?.seq).toBe(3);
    expect(journal.checkpoint()).toEqual(cp);
    expect(journal.lastCheckpoint()).toEqual(cp);
    expect(rows.checkpoints()).toHaveLength(1);
  });

  it('rolls a checkpoint back with the entry that triggered it', () => {
    const { journal, rows, db } = openTestJournal({ checkpointEvery: 2 });
    journal.append(scan(1));
    expect(() =>
      db.transaction(() => {
        journal.append(scan(2));
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(rows.checkpoints()).toEqual([]);
  });
});
