import type { Pool, PoolClient } from 'pg';
import type { JournalCheckpoint, JournalRow } from '../app/ports/journal';
import type { CentralJournalPage, CentralJournals, ReplicationAlarm, ReplicationFault, StoredJournalState } from '../app/ports/replication';
import { analyseSession, completedLines, type CompletedSession, type SessionFacts, type StatsLine } from '../domain/statistics';
import { insertContributions, statisticsReads } from './contributions';
import { toStatsEntry, type StatsEntryRecord } from './gap-sessions';
import { entryWords, fewMatches, stationWordsQuery, typedPhrases, wordsQuery } from './journal-words';

/** Matches are counted up to this many, as at the station (a page says "more than 1,000"). */
export const COUNT_LIMIT = 1000;
/** Words matching fewer than this share of the entries are looked up in the word index first. */
const RARE_WORD_SHARE = 0.002;
/**
 * Under a filter that narrows the entries (a station, a person, entry types), a word held by fewer
 * than this share of all entries is looked up in the word index as well: walking the filter's
 * entries newest first would read every one of them to count a word only some hold ("wrong" at
 * one station: 358 ms at 1,000,000 entries). A more common word fills a page soon on that walk.
 */
const NARROWED_RARE_WORD_SHARE = 0.05;
/** PostgreSQL's statistics of the words column are read again after this long. */
const COMMON_WORDS_TTL_MS = 5 * 60_000;
/** Key space of the per-station advisory lock that serialises ingest of one station's batches. */
const INGEST_LOCK = 0x6a726e6c; // 'jrnl'

export interface EntryRecord {
  station_id: string;
  seq: string;
  at: string;
  entry_station: string;
  actor_id: string | null;
  type: string;
  subject_kind: string | null;
  subject_id: string | null;
  payload: string;
  prev_hash: string;
  hash: string;
  /** The sending station's name at central, where the query joins it. */
  station_name?: string;
}

export const COLUMNS = 'station_id, seq, at, entry_station, actor_id, type, subject_kind, subject_id, payload, prev_hash, hash';

function toRow(r: EntryRecord): JournalRow {
  return {
    seq: Number(r.seq),
    at: r.at,
    stationId: r.entry_station,
    actorId: r.actor_id === null ? null : Number(r.actor_id),
    type: r.type,
    subjectKind: r.subject_kind,
    subjectId: r.subject_id,
    payload: r.payload,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** An entry as the console reads it: the station's fields, the payload parsed, and the station that sent it. */
export function toCentralEntry(r: EntryRecord): CentralJournalPage['entries'][number] {
  const row = toRow(r);
  return {
    seq: row.seq,
    at: row.at,
    stationId: row.stationId,
    actorId: row.actorId,
    type: row.type,
    subject: row.subjectKind === null || row.subjectId === null ? null : { kind: row.subjectKind as 'order', id: row.subjectId },
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    prevHash: row.prevHash,
    hash: row.hash,
    centralStationId: r.station_id,
    ...(r.station_name === undefined ? {} : { centralStationName: r.station_name }),
  };
}

async function readState(client: PoolClient, stationId: string, entries: JournalRow[], checkpoints: JournalCheckpoint[]): Promise<StoredJournalState> {
  const head = await client.query<{ seq: string; hash: string }>('SELECT seq, hash FROM journal_entries WHERE station_id = $1 ORDER BY seq DESC LIMIT 1', [
    stationId,
  ]);
  const key = await client.query<{ public_key: string }>('SELECT public_key FROM journal_keys WHERE station_id = $1', [stationId]);
  const existing = new Map<number, JournalRow>();
  const seqs = entries.map((e) => e.seq).filter((s) => Number.isSafeInteger(s));
  if (seqs.length > 0) {
    const { rows } = await client.query<EntryRecord>(`SELECT ${COLUMNS} FROM journal_entries WHERE station_id = $1 AND seq = ANY($2::bigint[])`, [
      stationId,
      seqs,
    ]);
    for (const r of rows) existing.set(Number(r.seq), toRow(r));
  }
  const cpSeqs = checkpoints.map((c) => c.seq).filter((s) => Number.isSafeInteger(s));
  const hashAt = new Map<number, string>();
  const held = new Map<number, JournalCheckpoint>();
  if (cpSeqs.length > 0) {
    const hashes = await client.query<{ seq: string; hash: string }>(
      'SELECT seq, hash FROM journal_entries WHERE station_id = $1 AND seq = ANY($2::bigint[])',
      [stationId, cpSeqs],
    );
    for (const r of hashes.rows) hashAt.set(Number(r.seq), r.hash);
    const cps = await client.query<{ seq: string; hash: string; at: string; signature: string; public_key: string }>(
      'SELECT seq, hash, at, signature, public_key FROM journal_checkpoints WHERE station_id = $1 AND seq = ANY($2::bigint[])',
      [stationId, cpSeqs],
    );
    for (const c of cps.rows) held.set(Number(c.seq), { seq: Number(c.seq), hash: c.hash, at: c.at, signature: c.signature, publicKey: c.public_key });
  }
  const h = head.rows[0];
  return { head: h ? { seq: Number(h.seq), hash: h.hash } : null, pinnedKey: key.rows[0]?.public_key ?? null, existing, hashAt, checkpoints: held };
}

async function insertEntries(client: PoolClient, stationId: string, entries: JournalRow[]): Promise<void> {
  if (entries.length === 0) return;
  const col = <T>(pick: (e: JournalRow) => T) => entries.map(pick);
  // One statement per batch: unnest turns the columns back into rows.
  await client.query(
    `INSERT INTO journal_entries (station_id, seq, at, entry_station, actor_id, type, subject_kind, subject_id, payload, prev_hash, hash, at_time, words)
     SELECT $1, u.seq, u.at, u.entry_station, u.actor_id, u.type, u.subject_kind, u.subject_id, u.payload, u.prev_hash, u.hash, u.at::timestamptz,
            to_tsvector('simple', u.words)
     FROM unnest($2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
       AS u(seq, at, entry_station, actor_id, type, subject_kind, subject_id, payload, prev_hash, hash, words)`,
    [
      stationId,
      col((e) => e.seq),
      col((e) => e.at),
      col((e) => e.stationId),
      col((e) => e.actorId),
      col((e) => e.type),
      col((e) => e.subjectKind),
      col((e) => e.subjectId),
      col((e) => e.payload),
      col((e) => e.prevHash),
      col((e) => e.hash),
      col((e) => entryWords(e.subjectId, e.payload)),
    ],
  );
  // The video index: each closed segment is a 'video.segment' entry; central keeps where to fetch it.
  for (const e of entries) {
    if (e.type !== 'video.segment') continue;
    const p = JSON.parse(e.payload) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' ? v : null);
    await client.query(
      `INSERT INTO video_segments (station_id, seq, segment_id, order_number, kind, started_at, ended_at, bytes, sha256, playback_url)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        stationId,
        e.seq,
        typeof p.segmentId === 'number' ? p.segmentId : 0,
        e.subjectKind === 'order' ? e.subjectId : null,
        text(p.kind) ?? 'webcam',
        text(p.startedAt),
        text(p.endedAt),
        typeof p.bytes === 'number' ? p.bytes : null,
        text(p.sha256),
        text(p.playbackUrl),
      ],
    );
  }
}

/**
 * For a completion written before completions carried the order's lines (payload.lines): the
 * order's lines as central pulled them from the shop (migration 0005), with what its products say,
 * in the shape the station's statistics read its own (storage/statistics/journal.ts). The shop
 * has no kits, so a station's pulled products have none; they are fragile when the shop marks them. Null for an order
 * central never pulled (an order of a station's own, or the demo shop's): like a station that
 * does not hold the order, central then leaves the session out.
 */
async function pulledLines(client: PoolClient, orderNumber: string): Promise<StatsLine[] | null> {
  const order = await client.query<{ shop_kind: string; external_id: string }>(
    'SELECT shop_kind, external_id FROM central_orders WHERE order_number = $1 ORDER BY updated_at DESC LIMIT 1',
    [orderNumber],
  );
  const pulled = order.rows[0];
  if (!pulled) return null;
  const { rows } = await client.query<{ sku: string; quantity: number; weight: number | null; fragile: boolean | null }>(
    `SELECT l.sku, l.quantity, (p.product->>'weightGrams')::integer AS weight, (p.product->>'fragile')::boolean AS fragile
       FROM central_order_lines l JOIN central_products p ON p.sku = l.sku
      WHERE (l.shop_kind, l.external_id) = ($1, $2)
      ORDER BY l.position`,
    [pulled.shop_kind, pulled.external_id],
  );
  return rows.map((r, i) => ({ productId: i + 1, sku: r.sku, quantity: r.quantity, kit: false, unitGrams: r.weight ?? 0, fragile: r.fragile === true }));
}

/**
 * Counts each packing session whose completion is among the entries just stored: the order's
 * packing entries since its previous completion, analysed once by the station's own rules
 * (domain/statistics) and made numbers once (session_contributions), so the console's statistics
 * sum numbers, not the journal. The order's lines are those the completion carries, as the
 * station counts them; older completions fall back to the order as central pulled it.
 */
async function countSessions(client: PoolClient, stationId: string, entries: JournalRow[]): Promise<void> {
  for (const done of entries) {
    if (done.type !== 'pack.completed' || done.subjectKind !== 'order' || done.subjectId === null) continue;
    const { rows } = await client.query<StatsEntryRecord>(
      `SELECT seq, at, entry_station, actor_id, type, payload FROM journal_entries
       WHERE station_id = $1 AND subject_kind = 'order' AND subject_id = $2 AND type LIKE 'pack.%' AND seq <= $3
         AND seq > coalesce((SELECT max(seq) FROM journal_entries
                             WHERE station_id = $1 AND subject_kind = 'order' AND subject_id = $2 AND type = 'pack.completed' AND seq < $3), 0)
       ORDER BY seq`,
      [stationId, done.subjectId, done.seq],
    );
    const payload = JSON.parse(done.payload) as Record<string, unknown>;
    const lines = completedLines(payload) ?? (await pulledLines(client, done.subjectId));
    if (lines === null) continue;
    const sessionId = payload.sessionId;
    const session: CompletedSession = {
      sessionId: typeof sessionId === 'number' ? sessionId : null,
      orderId: 0,
      orderNumber: done.subjectId,
      stationId: done.stationId,
      completedAt: done.at,
      entries: rows.map(toStatsEntry),
      lines,
    };
    const facts: SessionFacts = { ...analyseSession(session), session: { ...session, entries: [] } };
    await client.query('INSERT INTO session_facts (station_id, seq, completed_at, facts) VALUES ($1, $2, $3, $4)', [
      stationId,
      done.seq,
      done.at,
      JSON.stringify(facts),
    ]);
    await insertContributions(client, [{ stationId, seq: done.seq, completedAt: done.at, facts }]);
  }
}

interface AlarmRecord {
  id: string;
  station_id: string;
  seq: string;
  kind: string;
  detail: string;
  first_at: Date;
  last_at: Date;
  times: number;
}

const toAlarm = (r: AlarmRecord): ReplicationAlarm => ({
  id: Number(r.id),
  stationId: r.station_id,
  seq: Number(r.seq),
  fault: r.kind as ReplicationFault,
  message: r.detail,
  firstAt: r.first_at.toISOString(),
  lastAt: r.last_at.toISOString(),
  times: r.times,
});

export function createCentralJournals(pool: Pool): CentralJournals {
  let common: { at: number; words: Map<string, number> } | null = null;
  /** The words column's most common words and their share of entries, from ANALYZE's statistics. */
  const commonWords = async (): Promise<Map<string, number>> => {
    if (common && Date.now() - common.at < COMMON_WORDS_TTL_MS) return common.words;
    const { rows } = await pool.query<{ words: string[] | null; freqs: number[] | null }>(
      `SELECT most_common_elems::text::text[] AS words, most_common_elem_freqs AS freqs FROM pg_stats
       WHERE tablename = 'journal_entries' AND attname = 'words' AND schemaname = current_schema()`,
    );
    const words = new Map<string, number>();
    const r = rows[0];
    r?.words?.forEach((w, i) => words.set(w, r.freqs?.[i] ?? 0));
    common = { at: Date.now(), words };
    return words;
  };
  return {
    async ingest(stationId, batch, judge, now) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // Two batches of one station (a retry racing its original) are judged one after the other.
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [INGEST_LOCK, stationId]);
        const verdict = judge(await readState(client, stationId, batch.entries, batch.checkpoints));
        if (verdict.pinKey !== null) {
          await client.query('INSERT INTO journal_keys (station_id, public_key, pinned_at) VALUES ($1, $2, $3)', [stationId, verdict.pinKey, now]);
        }
        await insertEntries(client, stationId, verdict.entries);
        await countSessions(client, stationId, verdict.entries);
        for (const c of verdict.checkpoints) {
          await client.query('INSERT INTO journal_checkpoints (station_id, seq, hash, at, signature, public_key) VALUES ($1, $2, $3, $4, $5, $6)', [
            stationId,
            c.seq,
            c.hash,
            c.at,
            c.signature,
            c.publicKey,
          ]);
        }
        if (verdict.refused) {
          const r = verdict.refused;
          // A station retries the same refused batch: one alarm, counted, not one per retry.
          await client.query(
            `INSERT INTO replication_alarms (station_id, seq, kind, detail, first_at, last_at) VALUES ($1, $2, $3, $4, $5, $5)
             ON CONFLICT (station_id, seq, kind) DO UPDATE SET last_at = EXCLUDED.last_at, times = replication_alarms.times + 1, detail = EXCLUDED.detail`,
            [stationId, r.seq, r.fault, r.message, now],
          );
        }
        const head = await client.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM journal_entries WHERE station_id = $1', [stationId]);
        await client.query('COMMIT');
        return { stored: verdict.entries.length, headSeq: Number(head.rows[0]?.seq ?? 0), refused: verdict.refused };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },

    async headSeq(stationId) {
      const { rows } = await pool.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM journal_entries WHERE station_id = $1', [stationId]);
      return Number(rows[0]?.seq ?? 0);
    },

    async entries(stationId, fromSeq, limit) {
      const { rows } = await pool.query<EntryRecord>(`SELECT ${COLUMNS} FROM journal_entries WHERE station_id = $1 AND seq >= $2 ORDER BY seq LIMIT $3`, [
        stationId,
        fromSeq,
        limit,
      ]);
      return rows.map(toRow);
    },

    async alarms(limit) {
      const { rows } = await pool.query<AlarmRecord>('SELECT * FROM replication_alarms ORDER BY last_at DESC, id DESC LIMIT $1', [limit]);
      return rows.map(toAlarm);
    },

    async search(query): Promise<CentralJournalPage> {
      const where: string[] = [];
      const params: unknown[] = [];
      const param = (v: unknown) => {
        params.push(v);
        return `$${params.length}`;
      };
      const text = query.text !== undefined && query.text.trim() !== '' ? query.text : null;
      const words = text === null ? null : wordsQuery(text);
      if (text !== null && words === null) return { entries: [], total: 0, totalIsAtLeast: false };
      // The planner cannot tell a rare word from a common one by a prefix query (it guesses 2 %):
      // rare words are looked up in the word index and sorted; common ones walk the time index.
      const narrowed = query.stationId !== undefined || query.actorId !== undefined || (query.types?.length ?? 0) > 0;
      const rare = text !== null && fewMatches(typedPhrases(text), await commonWords(), narrowed ? NARROWED_RARE_WORD_SHARE : RARE_WORD_SHARE);
      // A rare word at one station is looked up in that station's words (station_words): the word
      // index would collect the word's entries at every station first ("wrong" at one station,
      // 10,000,000 entries). The station's own index and the word index are then kept out of the
      // plan (IS TRUE, ts_match_vq: the same tests, which the planner takes to no index), or it
      // ANDs them in at the cost of reading every entry each one finds.
      const atStation = rare && query.stationId !== undefined && text !== null ? stationWordsQuery(query.stationId, text) : null;
      if (query.stationId !== undefined)
        where.push(atStation === null ? `station_id = ${param(query.stationId)}` : `(station_id = ${param(query.stationId)}) IS TRUE`);
      if (query.actorId !== undefined) where.push(`actor_id = ${param(query.actorId)}`);
      if (query.types && query.types.length > 0) where.push(`type = ANY(${param([...query.types])}::text[])`);
      if (query.subject) where.push(`subject_kind = ${param(query.subject.kind)} AND subject_id = ${param(query.subject.id)}`);
      if (query.from !== undefined) where.push(`at_time >= ${param(query.from)}::timestamptz`);
      if (query.to !== undefined) where.push(`at_time < ${param(query.to)}::timestamptz`);
      if (atStation !== null)
        where.push(`station_words(station_id, words) @@ ${param(atStation)}::tsquery AND ts_match_vq(words, to_tsquery('simple', ${param(words)}))`);
      else if (words !== null) where.push(`words @@ to_tsquery('simple', ${param(words)})`);
      // A page of 50 gains nothing from parallel workers or JIT compilation, and waits for their start.
      const plan = ['SET LOCAL jit = off', 'SET LOCAL max_parallel_workers_per_gather = 0'];
      if (text !== null) plan.push(...(rare ? ['SET LOCAL enable_seqscan = off', 'SET LOCAL enable_indexscan = off'] : ['SET LOCAL enable_bitmapscan = off']));
      const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
      const client = await pool.connect();
      try {
        await client.query('BEGIN READ ONLY');
        for (const setting of plan) await client.query(setting);
        const page = await client.query<EntryRecord>(
          `SELECT ${COLUMNS} FROM journal_entries ${filter} ORDER BY at_time DESC, station_id, seq DESC LIMIT ${param(query.limit)} OFFSET ${param(query.offset)}`,
          params,
        );
        const countParams = params.slice(0, -2);
        const counted = await client.query<{ n: string }>(
          `SELECT count(*) AS n FROM (SELECT 1 FROM journal_entries ${filter} LIMIT ${COUNT_LIMIT + 1}) m`,
          countParams,
        );
        await client.query('COMMIT');
        const n = Number(counted.rows[0]?.n ?? 0);
        return {
          entries: page.rows.map(toCentralEntry),
          total: Math.min(n, COUNT_LIMIT),
          totalIsAtLeast: n > COUNT_LIMIT,
        };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },

    ...statisticsReads(pool),
  };
}
