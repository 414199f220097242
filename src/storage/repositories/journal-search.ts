import type { Database } from 'better-sqlite3';
import type { JournalEntry, JournalSearch } from '../../app/ports/journal';
import { guardRepository } from '../failures';
import { entryColumns, type JournalEntryRecord as EntryRecord } from './journal-record';

/**
 * Matches are counted up to this many; a page says "more than 1,000" past it. Counting further
 * would walk the index past what anyone pages through, for every page.
 */
export const COUNT_LIMIT = 1000;
const WORD_PAGES_COUNTED = 5;

const COLUMNS = entryColumns('e');

function toEntry(r: EntryRecord): JournalEntry {
  return {
    seq: r.seq,
    at: r.at,
    stationId: r.station_id,
    actorId: r.actor_id,
    type: r.type,
    subject:
      r.subject_kind === null || r.subject_id === null ? null : { kind: r.subject_kind as NonNullable<JournalEntry['subject']>['kind'], id: r.subject_id },
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/**
 * Typed words as an FTS5 query: each word a quoted phrase of its letters and digits (so nothing
 * typed is read as FTS syntax) with a prefix star, all of them required. "PD-10 kowal" becomes
 * `"pd 10"* AND "kowal"*`. Null when nothing searchable was typed.
 */
export function textQuery(text: string): string | null {
  const phrases = text
    .split(/\s+/)
    .map((word) => word.match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((tokens) => tokens.length > 0)
    .map((tokens) => `"${tokens.join(' ')}"*`);
  return phrases.length > 0 ? phrases.join(' AND ') : null;
}

/**
 * The journal search over migration 0019's indexes. A time range is turned into a range of seq
 * first (the journal is written in time order, so the first entry at or after each bound is where
 * the range starts and ends), which every index ending in seq can walk; the times themselves are
 * still checked, so an entry written under a clock set wrong is never shown outside the range
 * (though one written while the clock stood back may be missed by it: its place is its seq).
 * Words are looked up in the contentless FTS5 table, which answers newest first, and the other
 * filters are checked on the entries it names until a page is full.
 */
export function createJournalSearch(db: Database): JournalSearch {
  const firstAtOrAfter = db.prepare<[string], number>('SELECT seq FROM journal_entries WHERE at >= ? ORDER BY at, seq LIMIT 1').pluck(true);
  const statements = new Map<string, ReturnType<Database['prepare']>>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  return guardRepository<JournalSearch>(
    {
      search(query) {
        const where: string[] = [];
        const params: Record<string, unknown> = {};
        if (query.actorId !== undefined) {
          where.push('e.actor_id = @actor');
          params.actor = query.actorId;
        }
        if (query.stationId !== undefined) {
          where.push('e.station_id = @station');
          params.station = query.stationId;
        }
        if (query.types && query.types.length > 0) {
          const names = query.types.map((type, i) => {
            params[`type${i}`] = type;
            return `@type${i}`;
          });
          where.push(`e.type IN (${names.join(', ')})`);
        }
        if (query.subject) {
          where.push('e.subject_kind = @subjectKind AND e.subject_id = @subjectId');
          params.subjectKind = query.subject.kind;
          params.subjectId = query.subject.id;
        }
        if (query.from !== undefined) {
          const seq = firstAtOrAfter.get(query.from);
          if (seq === undefined) return { entries: [], total: 0, totalIsAtLeast: false };
          where.push('e.seq >= @fromSeq AND e.at >= @from');
          params.fromSeq = seq;
          params.from = query.from;
        }
        if (query.to !== undefined) {
          const seq = firstAtOrAfter.get(query.to);
          if (seq !== undefined) {
            where.push('e.seq < @toSeq');
            params.toSeq = seq;
          }
          where.push('e.at < @to');
          params.to = query.to;
        }
        const text = query.text === undefined ? null : textQuery(query.text);
        if (query.text !== undefined && query.text.trim() !== '' && text === null) return { entries: [], total: 0, totalIsAtLeast: false };
        let from = 'journal_entries e';
        let order = 'e.seq DESC';
        if (text !== null) {
          // The words drive: FTS5 walks its matches newest first and each is checked against the rest.
          from = 'journal_text t JOIN journal_entries e ON e.seq = t.rowid';
          where.unshift('journal_text MATCH @text');
          params.text = text;
          order = 't.rowid DESC';
        }
        const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
        const page = prepared(`SELECT ${COLUMNS} FROM ${from} ${filter} ORDER BY ${order} LIMIT @limit OFFSET @offset`);
        const count = prepared(`SELECT count(*) FROM (SELECT 1 FROM ${from} ${filter} LIMIT @countLimit)`).pluck(true);
        const rows = page.all({ ...params, limit: query.limit, offset: query.offset }) as EntryRecord[];
        // Words are counted five pages past this one at most: each match the count walks is an entry read.
        const countLimit = text === null ? COUNT_LIMIT : Math.min(COUNT_LIMIT, query.offset + WORD_PAGES_COUNTED * query.limit);
        const counted = count.get({ ...params, countLimit: countLimit + 1 }) as number;
        return { entries: rows.map(toEntry), total: Math.min(counted, countLimit), totalIsAtLeast: counted > countLimit };
      },
    },
    db.name,
  );
}
