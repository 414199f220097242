import crypto from 'node:crypto';
import type { JournalCheckpoint, JournalRows } from '../app/ports/journal';
import { checkpointMessage, GENESIS_HASH, linkHash, rowHash } from './chain';

export type JournalProblemKind =
  /** The entry's fields no longer give its hash: something in it was edited. */
  | 'changed'
  /** A sequence number is absent: entries were deleted. */
  | 'missing'
  /** The entry does not link to the one stored before it: entries were reordered or replaced. */
  | 'out-of-order'
  /** A checkpoint's signature is forged, or made by a key that is not this station's. */
  | 'bad-signature'
  /** A correctly signed checkpoint names a different hash: history up to it was rewritten. */
  | 'checkpoint-mismatch';

export interface JournalProblem {
  seq: number;
  kind: JournalProblemKind;
  message: string;
}

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

// Pages of a few thousand keep each page young enough for the cheap garbage collector; larger
// pages measured no faster (1,000-20,000 within noise) and hold more memory.
const PAGE_SIZE = 5000;
const MAX_PROBLEMS = 100;
const short = (hash: string) => `${hash.slice(0, 12)}…`;

/**
 * Recomputes the whole chain, streaming entries in seq order a page at a time. Each entry is
 * checked against what is stored before it, never against recomputed values, so one edit is
 * reported once rather than breaking every later entry. The stored payload is the canonical
 * text that was hashed, so the database joins it with the other fields and the text is hashed
 * as it comes, without parsing (see JournalChainLink).
 */
export function verifyJournal(rows: JournalRows, options: VerifyOptions = {}): JournalVerification {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const maxProblems = options.maxProblems ?? MAX_PROBLEMS;
  // Entry problems arrive in seq order, so keeping the first few loses none that sort earlier;
  // checkpoint problems (one per checkpoint at most) are kept whole and merged at the end.
  const entryProblems: JournalProblem[] = [];
  const checkpointProblems: JournalProblem[] = [];
  let moreProblems = false;
  const report = (seq: number, kind: JournalProblemKind, message: string) => {
    if (entryProblems.length < maxProblems) entryProblems.push({ seq, kind, message });
    else moreProblems = true;
  };

  const checkpoints = rows.checkpoints();
  const keys = new Map<string, crypto.KeyObject>();
  const signed = new Map<number, JournalCheckpoint>();
  for (const cp of checkpoints) {
    const fault = signatureFault(cp, options.trustedKeys, keys);
    if (fault) checkpointProblems.push({ seq: cp.seq, kind: 'bad-signature', message:  `checkpoint at entry ${cp.seq}: ${fault}` });
    else signed.set(cp.seq, cp);
  }
  const signedSeqs = [...signed.keys()];

  let expected = 1;
  let previousHash = GENESIS_HASH;
  let entries = 0;
  let lastGoodCheckpoint = 0;
  for (;;) {
    const page = rows.chainFromSeq(expected, pageSize);
    if (page.length === 0) break;
    for (const [seq, hash, text] of page) {
      entries++;
      const gap = seq !== expected;
      if (gap) {
        const range = seq - 1 === expected ? `entry ${expected} is` : `entries ${expected} to ${seq - 1} are`;
        const where = expected === 1 ? `the journal starts at ${seq}` : `the journal goes from ${expected - 1} to ${seq}`;
        report(expected, 'missing', `${range} missing: ${where}`);
      }
      // The text starts with the entry's stored prevHash. Anything suspicious is re-checked
      // from the entry's own fields, which also names what is wrong.
      if ((!gap && !text.startsWith(previousHash)) || linkHash(text) !== hash) {
        for (const problem of inspectEntry(rows, seq, previousHash, gap)) report(problem.seq, problem.kind, problem.message);
      }
      const cp = signed.size > 0 ? signed.get(seq) : undefined;
      if (cp) {
        if (cp.hash !== hash) {
          report(seq, 'checkpoint-mismatch', `entry ${seq} does not match its signed checkpoint (${short(cp.hash)}, stored ${short(hash)}): entries after ${lastGoodCheckpoint} up to ${seq} were rewritten`);
        } else lastGoodCheckpoint = seq;
      }
      previousHash = hash;
      expected = seq + 1;
    }
  }
  const lastSeq = expected - 1;
  for (const seq of signedSeqs) {
    if (seq > lastSeq) {
      report(lastSeq + 1, 'missing', `entries ${lastSeq + 1} to ${seq} are missing: a signed checkpoint vouches for entry ${seq}, the journal ends at ${lastSeq}`);
      break;
    }
  }

  const all = [...entryProblems, ...checkpointProblems].sort((a, b) => a.seq - b.seq);
  const problems = all.slice(0, maxProblems);
  if (all.length > maxProblems) moreProblems = true;
  let lastCheckpoint: JournalCheckpoint | null = null;
  for (const cp of signed.values()) if (cp.seq <= lastSeq && (!lastCheckpoint || cp.seq > lastCheckpoint.seq)) lastCheckpoint = cp;
  return { intact: problems.length === 0, entries, lastSeq, checkpoints: checkpoints.length, lastCheckpoint, problems, moreProblems };
}

function publicKeyOf(spkiBase64: string, keys: Map<string, crypto.KeyObject>): crypto.KeyObject {
  let key = keys.get(spkiBase64);
  if (!key) {
    key = crypto.createPublicKey({ key: Buffer.from(spkiBase64, 'base64'), format: 'der', type: 'spki' });
    keys.set(spkiBase64, key);
  }
  return key;
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
    problems.push({ seq, kind: 'changed', message: `entry ${seq} (${row.type}) was changed: its contents hash to ${short(actual)}, it is stored with ${short(row.hash)}` });
  }
  return problems;
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
