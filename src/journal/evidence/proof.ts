import crypto from 'node:crypto';
import type { ChainCheck } from '../../app/ports/video';
import type { JournalCheckpoint, JournalRow, JournalRows } from '../../app/ports/journal';
import { checkpointMessage, rowHash } from '../chain';

/**
 * A chain proof: every stored entry from `fromSeq` up to a signed checkpoint, as the database
 * holds them (payload as the canonical text that was hashed). Anyone can recompute each hash,
 * check that each entry names the one before, and check the checkpoint's signature over the
 * last hash: then no entry in the stretch can have been changed, removed or reordered.
 */
export interface ChainProof {
  rows: JournalRow[];
  checkpoint: JournalCheckpoint;
}

const PAGE = 5000;

export function buildChainProof(rows: JournalRows, fromSeq: number, checkpoint: JournalCheckpoint): ChainProof {
  const out: JournalRow[] = [];
  for (let seq = fromSeq; seq <= checkpoint.seq;) {
    const page = rows.fromSeq(seq, Math.min(PAGE, checkpoint.seq - seq + 1));
    if (page.length === 0) break;
    out.push(...page);
    seq = page[page.length - 1]!.seq + 1;
  }
  return { rows: out, checkpoint };
}

/** The problems of a proof, first first; empty when it holds. `trustedKey` pins the station's public key. */
export function checkChainProof(proof: ChainProof, trustedKey?: string): string[] {
  const problems: string[] = [];
  const { rows, checkpoint } = proof;
  let previous: JournalRow | null = null;
  for (const row of rows) {
    if (previous && row.seq !== previous.seq + 1) problems.push(`entry ${previous.seq + 1} is missing before entry ${row.seq}`);
    if (previous && row.prevHash !== previous.hash) problems.push(`entry ${row.seq} does not follow entry ${previous.seq}`);
    if (rowHash(row) !== row.hash) problems.push(`entry ${row.seq} (${row.type}) was changed: its contents do not give its hash`);
    previous = row;
  }
  if (!previous) return ['the proof holds no entries'];
  if (previous.seq !== checkpoint.seq || previous.hash !== checkpoint.hash) {
    problems.push(`the proof ends at entry ${previous.seq}, its checkpoint vouches for entry ${checkpoint.seq} with another hash`);
  }
  const fault = signatureFault(checkpoint, trustedKey);
  if (fault) problems.push(`the checkpoint at entry ${checkpoint.seq}: ${fault}`);
  return problems;
}

export function signatureFault(checkpoint: JournalCheckpoint, trustedKey?: string): string | null {
  if (trustedKey !== undefined && checkpoint.publicKey !== trustedKey) return "it is signed by a key that is not the station's";
  try {
    const key = crypto.createPublicKey({ key: Buffer.from(checkpoint.publicKey, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return 'its key is not an Ed25519 key';
    const ok = crypto.verify(null, checkpointMessage(checkpoint.seq, checkpoint.hash, checkpoint.at), key, Buffer.from(checkpoint.signature, 'base64'));
    return ok ? null : 'its signature is forged';
  } catch {
    return 'its public key or signature cannot be read';
  }
}

/**
 * Checks the stored chain from `fromSeq` to the newest checkpoint at or after it (or to the end
 * when none is signed yet), for the review screen's badge.
 */
export function checkChainFrom(rows: JournalRows, fromSeq: number, trustedKey?: string): ChainCheck {
  const last = rows.last();
  const checkpoint =
    rows
      .checkpoints()
      .filter((cp) => cp.seq >= fromSeq)
      .at(-1) ?? null;
  const toSeq = checkpoint?.seq ?? last?.seq ?? fromSeq - 1;
  const start = Math.max(1, fromSeq - 1);
  const proof = buildChainProof(rows, start, checkpoint ?? { seq: toSeq, hash: '', at: '', signature: '', publicKey: '' });
  let problems = checkChainProof(proof, trustedKey);
  if (!checkpoint) problems = problems.filter((p) => !p.startsWith('the checkpoint') && !p.startsWith('the proof ends'));
  const intact = problems.length === 0;
  const unsigned = (last?.seq ?? 0) - toSeq;
  const message = !intact
    ? problems[0]!
    : checkpoint
      ? `entries ${start} to ${toSeq} intact up to the checkpoint signed ${checkpoint.at}${unsigned > 0 ? `; ${unsigned} later entries not yet signed` : ''}`
      : `entries ${start} to ${toSeq} intact; no checkpoint signed after them yet`;
  return { intact, fromSeq: start, toSeq, checkpointSeq: checkpoint?.seq ?? null, checkpointAt: checkpoint?.at ?? null, message };
}
