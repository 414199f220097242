import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../../src/storage/db';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { journalSearch } from '../../../../src/storage/migrations/0019-journal-search';
import { createJournalSearch, textQuery } from '../../../../src/storage/repositories/journal-search';
import { freshDir, track } from '../fixtures';
import { migrationsBefore, planOf, usesIndex } from './schema-probe';

const BEFORE = migrationsBefore(journalSearch);
const HASH = 'a'.repeat(64);

function insertEntry(
  db: Database,
  seq: number,
  fields: { at?: string; actor?: number | null; station?: string; type?: string; order?: string; payload?: object },
): void {
  db.prepare(
    `INSERT INTO journal_entries (seq, at, station_id, actor_id, type, subject_kind, subject_id, payload, prev_hash, hash)
     VALUES (@seq, @at, @station, @actor, @type, 'order', @order, @payload, @hash, @hash)`,
  ).run({
    seq,
    at: fields.at ?? `2026-03-02T08:00:${String(seq).padStart(2, '0')}.000Z`,
    station: fields.station ?? 'ST-01',
    actor: fields.actor === undefined ? 1 : fields.actor,
    type: fields.type ?? 'pack.scan',
    order: fields.order ?? 'PD-1',
    payload: JSON.stringify(fields.payload ?? {}),
    hash: HASH,
  });
}

/** A journal of three entries written before 0017, then migrated. */
function migratedWithHistory(): Database {
  const db = track(openDatabase(path.join(freshDir(), 'packdesk.sqlite')));
  migrate(db, BEFORE);
  insertEntry(db, 1, { payload: { raw: '5901234123457', sku: 'MUG-01', verdict: 'wrong_item' } });
  insertEntry(db, 2, { type: 'pack.override', payload: { manager: 'Katarzyna Wójcik', reason: 'Torn label' } });
  insertEntry(db, 3, { order: 'PD-2', station: 'ST-02', actor: 2, payload: { units: 3 } });
  migrate(db, [...BEFORE, journalSearch]);
  return db;
}

const seqs = (db: Database, query: Parameters<ReturnType<typeof createJournalSearch>['search']>[0]) =>
  createJournalSearch(db)
    .search(query)
    .entries.map((e) => e.seq);

describe('migration 0019-journal-search', () => {
  it('indexes the entries already written, at schema version 19', () => {
    const db = migratedWithHistory();
    expect(schemaVersion(db)).toBe(19);
    expect(seqs(db, { text: 'wojcik', limit: 10, offset: 0 })).toEqual([2]);
    expect(seqs(db, { text: 'wrong', limit: 10, offset: 0 })).toEqual([1]);
    expect(seqs(db, { text: 'PD-2', limit: 10, offset: 0 })).toEqual([3]);
  });

  it('keeps the words in step with every append, through the trigger', () => {
    const db = migratedWithHistory();
    insertEntry(db, 4, { type: 'pack.weighed', payload: { grams: 8701, source: 'scale' } });
    expect(seqs(db, { text: '8701', limit: 10, offset: 0 })).toEqual([4]);
    expect(seqs(db, { text: 'scale 87', limit: 10, offset: 0 })).toEqual([4]);
    // The words are a copy: the journal's append-only guard still refuses changes.
    expect(() => db.exec("UPDATE journal_entries SET payload = '{}' WHERE seq = 4")).toThrow('journal is append-only');
  });

  it('answers each filter from an index that ends in seq, and words from the text index newest first', () => {
    const db = migratedWithHistory();
    const page = (where: string) => `SELECT seq FROM journal_entries e WHERE ${where} ORDER BY e.seq DESC LIMIT 50`;
    expect(planOf(db, page('e.actor_id = ?'), 1)).toMatch(usesIndex('journal_entries_actor'));
    expect(planOf(db, page('e.station_id = ?'), 'ST-01')).toMatch(usesIndex('journal_entries_station'));
    expect(planOf(db, page('e.type IN (?)'), 'pack.scan')).toMatch(usesIndex('journal_entries_type'));
    expect(planOf(db, 'SELECT seq FROM journal_entries WHERE at >= ? ORDER BY at, seq LIMIT 1', 'x')).toMatch(usesIndex('journal_entries_at'));
    expect(planOf(db, page('e.actor_id = ?'), 1)).not.toContain('TEMP B-TREE');
    expect(seqs(db, { actorId: 1, limit: 10, offset: 0 })).toEqual([2, 1]);
    expect(seqs(db, { stationId: 'ST-02', limit: 10, offset: 0 })).toEqual([3]);
    expect(seqs(db, { types: ['pack.override', 'pack.scan'], subject: { kind: 'order', id: 'PD-1' }, limit: 10, offset: 0 })).toEqual([2, 1]);
  });

  it('reads a time range as the seq range it covers, and checks the times themselves', () => {
    const db = migratedWithHistory();
    // Written under a clock set back: its time is before the range's end but its place in the journal is after it.
    insertEntry(db, 4, { at: '2026-03-02T07:00:00.000Z' });
    expect(seqs(db, { from: '2026-03-02T08:00:02.000Z', limit: 10, offset: 0 })).toEqual([3, 2]);
    expect(seqs(db, { to: '2026-03-02T08:00:02.000Z', limit: 10, offset: 0 })).toEqual([1]);
    expect(seqs(db, { from: '2026-03-02T06:00:00.000Z', to: '2026-03-02T07:30:00.000Z', limit: 10, offset: 0 })).toEqual([]);
    expect(seqs(db, { from: '2026-03-02T09:00:00.000Z', limit: 10, offset: 0 })).toEqual([]);
  });

  it('reads typed words as quoted prefixes, never as FTS syntax', () => {
    expect(textQuery('PD-10 kowal')).toBe('"PD 10"* AND "kowal"*');
    expect(textQuery('NEAR(a b) OR "x')).toBe('"NEAR a"* AND "b"* AND "OR"* AND "x"*');
    expect(textQuery(' "* ')).toBeNull();
  });
});
