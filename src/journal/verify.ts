import crypto from 'node:crypto';
import type { JournalCheckpoint, JournalRows } from '../app/ports/journal';
import { checkpointMessage, GENESIS_HASH } from './chain';
import { checkLink, checkPart, type PartContext, type PartReport } from './verify-parts';
import { ProblemList, type JournalProblem } from './verify-problems';

export type { JournalProblem, JournalProblemKind } from './verify-problems';

export interface JournalVerification {
  intact: boolean;
  entries: number;
  lastSeq: number;
  checkpoints: number;
  /** The newest checkpoint whose signature checked out. */
  lastCheckpoint: JournalCheckpoint | null;
  /** Oldest first; problems[0] names the first broken sequence number. */
  problems: JournalProblem[];
  /** True when more problems existed than were kept. */
  moreProblems: boolean;
}

export interface VerifyOptions {
  /** Public keys (SPKI DER, base64) a checkpoint may be signed with; without them any valid signature counts. */
  trustedKeys?: readonly string[];
  pageSize?: number;
  maxProblems?: number;
}

/** The checkpoints and which of them are signed by a trusted key; checked once, before the entries. */
export interface CheckpointReview {
  count: number;
  signed: Map<number, JournalCheckpoint>;
  problems: JournalProblem[];
}

// Pages of a few thousand keep each page young enough for the cheap garbage collector; larger
// pages measured no faster (1,000-20,000 within noise) and hold more memory.
const PAGE_SIZE = 5000;
const MAX_PROBLEMS = 100;

/**
 * Recomputes the whole chain in this thread, streaming entries in seq order a page at a time.
 * The stored payload is the canonical text that was hashed, so the database joins it with the
 * other fields and the text is hashed as it comes, without parsing (see JournalChainLink).
 * src/boot/verify-journal.ts runs the same parts on several threads.
 */
export function verifyJournal(rows: JournalRows, options: VerifyOptions = {}): JournalVerification {
  const review = reviewCheckpoints(rows.checkpoints(), options.trustedKeys);
  const report = checkPart(rows, { from: 1, to: null }, partContext(review, options));
  return mergeParts(rows, [report], review, options);
}

export function partContext(review: CheckpointReview, options: VerifyOptions): PartContext {
  return {
    signed: [...review.signed.values()].map((cp) => [cp.seq, cp.hash] as const),
    pageSize: options.pageSize ?? PAGE_SIZE,
    maxProblems: options.maxProblems ?? MAX_PROBLEMS,
  };
}

export function reviewCheckpoints(checkpoints: readonly JournalCheckpoint[], trustedKeys: readonly string[] | undefined): CheckpointReview {
  const keys = new Map<string, crypto.KeyObject>();
  const signed = new Map<number, JournalCheckpoint>();
  const problems: JournalProblem[] = [];
  for (const cp of checkpoints) {
    const fault = signatureFault(cp, trustedKeys, keys);
    if (fault) problems.push({ seq: cp.seq, kind: 'bad-signature', message: `checkpoint at entry ${cp.seq}: ${fault}` });
    else signed.set(cp.seq, cp);
  }
  return { count: checkpoints.length, signed, problems };
}

/**
 * Joins the reports of consecutive parts (in seq order) into the verification a single walk
 * from the start would give: each part's first entry is linked here to the last entry of the
 * parts before it, the problems are kept in the same order, and the end is checked against the
 * checkpoints.
 */
export function mergeParts(rows: JournalRows, reports: readonly PartReport[], review: CheckpointReview, options: VerifyOptions): JournalVerification {
  const maxProblems = options.maxProblems ?? MAX_PROBLEMS;
  const entryProblems = new ProblemList(maxProblems);
  let lastSeq = 0;
  let lastHash = GENESIS_HASH;
  let entries = 0;
  for (const report of reports) {
    if (report.first) checkLink(rows, report.first, lastSeq + 1, lastHash, entryProblems);
    for (const p of report.problems) entryProblems.add(p.seq, p.kind, p.message);
    if (report.moreProblems) entryProblems.more = true;
    entries += report.entries;
    if (report.entries > 0) {
      lastSeq = report.lastSeq;
      lastHash = report.lastHash;
    }
  }
  for (const seq of review.signed.keys()) {
    if (seq > lastSeq) {
      entryProblems.add(
        lastSeq + 1,
        'missing',
        `entries ${lastSeq + 1} to ${seq} are missing: a signed checkpoint vouches for entry ${seq}, the journal ends at ${lastSeq}`,
      );
      break;
    }
  }

  // Checkpoint problems (one per checkpoint at most) are kept whole and sorted in among the entries'.
  const all = [...entryProblems.problems, ...review.problems].sort((a, b) => a.seq - b.seq);
  const problems = all.slice(0, maxProblems);
  const moreProblems = entryProblems.more || all.length > maxProblems;
  let lastCheckpoint: JournalCheckpoint | null = null;
  for (const cp of review.signed.values()) if (cp.seq <= lastSeq && (!lastCheckpoint || cp.seq > lastCheckpoint.seq)) lastCheckpoint = cp;
  return { intact: problems.length === 0, entries, lastSeq, checkpoints: review.count, lastCheckpoint, problems, moreProblems };
}

function publicKeyOf(spkiBase64: string, keys: Map<string, crypto.KeyObject>): crypto.KeyObject {
  let key = keys.get(spkiBase64);
  if (!key) {
    key = crypto.createPublicKey({ key: Buffer.from(spkiBase64, 'base64'), format: 'der', type: 'spki' });
    keys.set(spkiBase64, key);
  }
  return key;
}

/** Why a checkpoint cannot be trusted, or null when it can. */
function signatureFault(cp: JournalCheckpoint, trustedKeys: readonly string[] | undefined, keys: Map<string, crypto.KeyObject>): string | null {
  if (trustedKeys && !trustedKeys.includes(cp.publicKey)) return "signed by a key that is not this station's";
  let key: crypto.KeyObject;
  try {
    key = publicKeyOf(cp.publicKey, keys);
  } catch {
    return 'its public key cannot be read';
  }
  if (key.asymmetricKeyType !== 'ed25519') return 'its public key is not an Ed25519 key';
  const valid = crypto.verify(null, checkpointMessage(cp.seq, cp.hash, cp.at), key, Buffer.from(cp.signature, 'base64'));
  return valid ? null : 'bad signature';
}
