import crypto from 'node:crypto';
import type { JournalCheckpoint, JournalRow } from '../app/ports/journal';
import type { BatchVerdict, ReplicationBatch, ReplicationFault, ReplicationRefusal, StoredJournalState } from '../app/ports/replication';
import { checkpointMessage, GENESIS_HASH, rowHash } from '../journal/chain';

const HASH = /^[0-9a-f]{64}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

const same = (a: JournalRow, b: JournalRow) =>
  a.seq === b.seq &&
  a.at === b.at &&
  a.stationId === b.stationId &&
  a.actorId === b.actorId &&
  a.type === b.type &&
  a.subjectKind === b.subjectKind &&
  a.subjectId === b.subjectId &&
  a.payload === b.payload &&
  a.prevHash === b.prevHash &&
  a.hash === b.hash;

const sameCheckpoint = (a: JournalCheckpoint, b: JournalCheckpoint) =>
  a.seq === b.seq && a.hash === b.hash && a.at === b.at && a.signature === b.signature && a.publicKey === b.publicKey;

function malformed(e: JournalRow): string | null {
  if (!Number.isSafeInteger(e.seq) || e.seq < 1) return 'its seq is not a whole number from 1';
  if (typeof e.at !== 'string' || !ISO.test(e.at)) return 'its time is not a UTC ISO time';
  if (typeof e.stationId !== 'string' || typeof e.type !== 'string' || typeof e.payload !== 'string') return 'a field has the wrong type';
  if (e.actorId !== null && !Number.isSafeInteger(e.actorId)) return 'its actor is not a whole number';
  if ((e.subjectKind === null) !== (e.subjectId === null)) return 'its subject is half there';
  if (typeof e.prevHash !== 'string' || !HASH.test(e.prevHash) || typeof e.hash !== 'string' || !HASH.test(e.hash)) return 'a hash is not 64 hex digits';
  try {
    JSON.parse(e.payload);
  } catch {
    return 'its payload is not JSON';
  }
  return null;
}

function signatureHolds(cp: JournalCheckpoint, publicKey: string): boolean {
  try {
    const key = crypto.createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    return crypto.verify(null, checkpointMessage(cp.seq, cp.hash, cp.at), key, Buffer.from(cp.signature, 'base64'));
  } catch {
    return false;
  }
}

function isEd25519(publicKey: string): boolean {
  try {
    return crypto.createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' }).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

/**
 * Judges one batch of a station's journal against what central holds. Entries are taken in seq
 * order while they continue central's chain: each hash recomputed from the entry's own fields with
 * the station's canonical form (journal/chain.ts), each prevHash the hash before it. The first
 * entry that does not is refused with what is wrong, and so is everything after it in the batch;
 * the verified entries before it are kept. A re-sent identical entry is a no-op; a different one
 * at a seq central holds is a fork. A checkpoint that does not hold (signature, key, or the hash it
 * signs) refuses the whole batch: it vouches for the entries up to it.
 */
export function judgeBatch(batch: ReplicationBatch, state: StoredJournalState): BatchVerdict {
  const entries: JournalRow[] = [];
  const refusal = (seq: number, fault: ReplicationFault, message: string): ReplicationRefusal => ({ seq, fault, message });
  const firstSeq = batch.entries[0]?.seq ?? batch.checkpoints[0]?.seq ?? 0;
  const nothing = (refused: ReplicationRefusal): BatchVerdict => ({ pinKey: null, entries: [], checkpoints: [], refused });

  let pinKey: string | null = null;
  if (state.pinnedKey === null) {
    if (!isEd25519(batch.journalKey)) return nothing(refusal(firstSeq, 'malformed', 'The journal key the station sent is not an Ed25519 public key.'));
    pinKey = batch.journalKey;
  } else if (state.pinnedKey !== batch.journalKey) {
    return nothing(
      refusal(
        firstSeq,
        'foreign-key',
        'The station now presents a journal key other than the one central pinned at its first contact; nothing is taken from it.',
      ),
    );
  }
  const key = state.pinnedKey ?? batch.journalKey;

  let head = state.head;
  let refused: ReplicationRefusal | null = null;
  for (const e of batch.entries) {
    const bad = malformed(e);
    if (bad) {
      refused = refusal(Number.isSafeInteger(e.seq) ? e.seq : (head?.seq ?? 0) + 1, 'malformed', `Entry ${String(e.seq)} is malformed: ${bad}.`);
      break;
    }
    if (rowHash(e) !== e.hash) {
      refused = refusal(e.seq, 'rewritten', `Entry ${e.seq} does not hash to the hash it carries: it was changed after it was written.`);
      break;
    }
    const held = state.existing.get(e.seq);
    if (held) {
      if (same(held, e)) continue;
      refused = refusal(
        e.seq,
        'fork',
        `Entry ${e.seq} differs from the entry ${e.seq} central already holds (hash ${held.hash.slice(0, 12)}…): the station's journal forked.`,
      );
      break;
    }
    const expected = (head?.seq ?? 0) + 1;
    if (e.seq > expected) {
      refused = refusal(expected, 'gap', `Entry ${expected} is missing: entry ${e.seq} came next. It was deleted at the station, or never sent.`);
      break;
    }
    if (e.seq < expected) {
      refused = refusal(e.seq, 'fork', `Entry ${e.seq} arrived again after entry ${expected - 1}, and central has no such entry: the batch is out of order.`);
      break;
    }
    if (e.prevHash !== (head?.hash ?? GENESIS_HASH)) {
      refused = refusal(e.seq, 'broken-chain', `Entry ${e.seq} does not follow entry ${e.seq - 1}: its previous hash is not that entry's hash.`);
      break;
    }
    entries.push(e);
    head = { seq: e.seq, hash: e.hash };
  }

  const hashOf = (seq: number) => state.hashAt.get(seq) ?? entries.find((e) => e.seq === seq)?.hash;
  const checkpoints: JournalCheckpoint[] = [];
  for (const cp of [...batch.checkpoints].sort((a, b) => a.seq - b.seq)) {
    if (!Number.isSafeInteger(cp.seq) || typeof cp.hash !== 'string') return nothing(refusal(firstSeq, 'malformed', 'A checkpoint is malformed.'));
    if (cp.publicKey !== key) {
      return nothing(refusal(cp.seq, 'foreign-key', `The checkpoint at entry ${cp.seq} is signed by a key other than the station's pinned journal key.`));
    }
    if (!signatureHolds(cp, key)) {
      return nothing(refusal(cp.seq, 'forged-checkpoint', `The checkpoint at entry ${cp.seq} carries a signature the station's journal key did not make.`));
    }
    const hash = hashOf(cp.seq);
    // A checkpoint past what central holds waits for its entries; the station sends it again.
    if (hash === undefined) continue;
    if (hash !== cp.hash) {
      return nothing(refusal(cp.seq, 'forged-checkpoint', `The checkpoint at entry ${cp.seq} signs a hash that entry ${cp.seq} does not have.`));
    }
    const held = state.checkpoints.get(cp.seq);
    if (held) {
      if (sameCheckpoint(held, cp)) continue;
      return nothing(refusal(cp.seq, 'fork', `A second, different checkpoint at entry ${cp.seq} arrived.`));
    }
    checkpoints.push(cp);
  }
  return { pinKey, entries, checkpoints, refused };
}
