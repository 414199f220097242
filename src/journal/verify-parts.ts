import type { JournalChainLink, JournalRows } from '../app/ports/journal';
import { GENESIS_HASH, linkHash, rowHash } from './chain';
import { ProblemList, short, type JournalProblem } from './verify-problems';

/** A contiguous run of sequence numbers, checked on its own; `to` null runs to the end of the journal. */
export interface JournalPart {
  from: number;
  to: number | null;
}

/** What every part needs besides its range: plain data, so it can cross to a worker thread. */
export interface PartContext {
  /** [seq, hash] of each checkpoint whose signature checked out. */
  signed: readonly (readonly [seq: number, hash: string])[];
  pageSize: number;
  maxProblems: number;
}

/** A part's findings and the facts at its edges that the merge links to the neighbouring parts. */
export interface PartReport {
  part: JournalPart;
  entries: number;
  /**
   * The part's first entry, not yet checked against the entry before it (unknown to the part;
   * its text starts with the prevHash it stores). The first part starts at the genesis and
   * checks its own, so this is null there.
   */
  first: JournalChainLink | null;
  /** Seq and stored hash of the part's last entry; 0 and '' when the part holds none. */
  lastSeq: number;
  lastHash: string;
  /** In seq order, at most maxProblems. */
  problems: JournalProblem[];
  moreProblems: boolean;
}

/** Below this many entries one thread checks the whole journal: starting threads would cost more. */
export const PARALLEL_FROM_ENTRIES = 200_000;
const MAX_THREADS = 4;

/** Threads worth using for a journal whose newest entry is `lastSeq`: one for a small journal, else the cores, at most four. */
export function threadsFor(lastSeq: number, cores: number, parallelFrom = PARALLEL_FROM_ENTRIES): number {
  return lastSeq < parallelFrom ? 1 : Math.max(1, Math.min(cores, MAX_THREADS));
}

/** Splits 1..lastSeq into `count` even runs; the last one runs on to whatever is appended meanwhile. */
export function planParts(lastSeq: number, count: number): JournalPart[] {
  const n = Math.max(1, Math.min(count, lastSeq));
  const parts: JournalPart[] = [];
  for (let k = 0; k < n; k++) {
    const from = 1 + Math.floor((k * lastSeq) / n);
    parts.push({ from, to: k === n - 1 ? null : Math.floor(((k + 1) * lastSeq) / n) });
  }
  return parts;
}

/**
 * Checks parts in turn, each claimed with one atomic add on `claims` (one Int32 that every thread
 * shares: the index of the next part nobody has claimed), so that a thread slowed by anything
 * else, such as opening its connection, simply checks fewer parts. Reports by part index.
 */
export function claimParts(rows: JournalRows, parts: readonly JournalPart[], claims: SharedArrayBuffer, context: PartContext): [number, PartReport][] {
  const next = new Int32Array(claims);
  const reports: [number, PartReport][] = [];
  for (let k = Atomics.add(next, 0, 1); k < parts.length; k = Atomics.add(next, 0, 1)) {
    const part = parts[k];
    if (part) reports.push([k, checkPart(rows, part, context)]);
  }
  return reports;
}

/** Where the walk along the chain stands: the seq it expects next and the hash it must link to. */
interface ChainPosition {
  expected: number;
  /** null at the start of a part after the first: the merge checks that link. */
  previousHash: string | null;
  lastGoodCheckpoint: number;
}

/**
 * Checks the entries of one part in seq order, a page at a time. Each entry is checked against
 * what is stored before it, never against recomputed values, so one edit is reported once.
 */
export function checkPart(rows: JournalRows, part: JournalPart, context: PartContext): PartReport {
  const signed = new Map(context.signed);
  const problems = new ProblemList(context.maxProblems);
  const at: ChainPosition =
    part.from === 1
      ? { expected: 1, previousHash: GENESIS_HASH, lastGoodCheckpoint: 0 }
      : { expected: part.from, previousHash: null, lastGoodCheckpoint: lastGoodCheckpointBefore(rows, part.from, signed) };
  let first: JournalChainLink | null = null;
  let entries = 0;
  let next = part.from;
  for (let ended = false; !ended;) {
    const limit = part.to === null ? context.pageSize : Math.min(context.pageSize, part.to - next + 1);
    const page = limit > 0 ? rows.chainFromSeq(next, limit) : [];
    if (page.length === 0) break;
    for (const link of page) {
      if (part.to !== null && link[0] > part.to) {
        ended = true;
        break;
      }
      entries++;
      if (at.previousHash === null) first = link;
      else checkLink(rows, link, at.expected, at.previousHash, problems);
      const [seq, hash] = link;
      const vouched = signed.size > 0 ? signed.get(seq) : undefined;
      if (vouched !== undefined) {
        if (vouched !== hash) {
          problems.add(
            seq,
            'checkpoint-mismatch',
            `entry ${seq} does not match its signed checkpoint (${short(vouched)}, stored ${short(hash)}): entries after ${at.lastGoodCheckpoint} up to ${seq} were rewritten`,
          );
        } else at.lastGoodCheckpoint = seq;
      }
      at.previousHash = hash;
      at.expected = seq + 1;
    }
    next = at.expected;
  }
  return {
    part,
    entries,
    first,
    lastSeq: entries > 0 ? at.expected - 1 : 0,
    lastHash: entries > 0 ? (at.previousHash ?? '') : '',
    problems: problems.problems,
    moreProblems: problems.more,
  };
}

/**
 * Checks one entry's link to the entry stored before it (seq `expected - 1`, hash `previousHash`).
 * The text starts with the entry's stored prevHash; anything suspicious is re-checked from the
 * entry's own fields, which also names what is wrong.
 */
export function checkLink(rows: JournalRows, [seq, hash, text]: JournalChainLink, expected: number, previousHash: string, problems: ProblemList): void {
  const gap = seq !== expected;
  if (gap) {
    const range = seq - 1 === expected ? `entry ${expected} is` : `entries ${expected} to ${seq - 1} are`;
    const where = expected === 1 ? `the journal starts at ${seq}` : `the journal goes from ${expected - 1} to ${seq}`;
    problems.add(expected, 'missing', `${range} missing: ${where}`);
  }
  if ((!gap && !text.startsWith(previousHash)) || linkHash(text) !== hash) {
    for (const problem of inspectEntry(rows, seq, previousHash, gap)) problems.add(problem.seq, problem.kind, problem.message);
  }
}

/**
 * The newest signed checkpoint before `from` whose entry is stored with the hash it vouches for:
 * what a single walk from the start would have found by the time it reached `from`.
 */
function lastGoodCheckpointBefore(rows: JournalRows, from: number, signed: ReadonlyMap<number, string>): number {
  const before = [...signed.keys()].filter((seq) => seq >= 1 && seq < from).sort((a, b) => b - a);
  for (const seq of before) {
    const row = rows.fromSeq(seq, 1)[0];
    if (row && row.seq === seq && row.hash === signed.get(seq)) return seq;
  }
  return 0;
}

/** What is wrong with one entry, recomputed from its stored fields rather than the database's text. */
function inspectEntry(rows: JournalRows, seq: number, previousHash: string, afterGap: boolean): JournalProblem[] {
  const row = rows.fromSeq(seq, 1)[0];
  if (!row || row.seq !== seq) return [];
  const problems: JournalProblem[] = [];
  if (!afterGap && row.prevHash !== previousHash) {
    const before = seq === 1 ? 'the start of the journal' : `entry ${seq - 1}`;
    problems.push({
      seq,
      kind: 'out-of-order',
      message: `entry ${seq} does not follow ${before}: it names ${short(row.prevHash)} as its predecessor, which is ${short(previousHash)} (entries reordered or replaced)`,
    });
  }
  const actual = rowHash(row);
  if (actual !== row.hash) {
    problems.push({
      seq,
      kind: 'changed',
      message: `entry ${seq} (${row.type}) was changed: its contents hash to ${short(actual)}, it is stored with ${short(row.hash)}`,
    });
  }
  return problems;
}
