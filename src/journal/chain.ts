import crypto from 'node:crypto';
import type { JournalEntry, JournalRow } from '../app/ports/journal';

/** prevHash of the first entry: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

const q = JSON.stringify;

/**
 * The canonical JSON of an entry's own fields, built by concatenation because verification does
 * this a million times. It equals canonicalJson({ actorId, at, payload, seq, stationId, subject:
 * { id, kind } | null, type }) with the payload already canonical (a test holds the two equal);
 * the keys are written in their sorted order.
 */
export function entryPreimage(
  seq: number,
  at: string,
  stationId: string,
  actorId: number | null,
  type: string,
  subjectKind: string | null,
  subjectId: string | null,
  payload: string,
): string {
  const subject = subjectKind === null || subjectId === null ? 'null' : `{"id":${q(subjectId)},"kind":${q(subjectKind)}}`;
  return `{"actorId":${actorId === null ? 'null' : actorId},"at":${q(at)},"payload":${payload},"seq":${seq},"stationId":${q(stationId)},"subject":${subject},"type":${q(type)}}`;
}

/** SHA-256 over the previous hash (64 hex characters) followed by the entry's canonical JSON, UTF-8, as hex. */
export function chainHash(prevHash: string, preimage: string): string {
  return linkHash(prevHash + preimage);
}

/** The hash of a chain link's text: prevHash and the canonical entry, already joined. */
export function linkHash(text: string): string {
  return crypto.hash('sha256', text, 'hex');
}

export function rowHash(row: Omit<JournalRow, 'hash'>): string {
  return chainHash(row.prevHash, entryPreimage(row.seq, row.at, row.stationId, row.actorId, row.type, row.subjectKind, row.subjectId, row.payload));
}

/** The bytes a checkpoint signs: canonical JSON with a purpose tag, so the signature means nothing elsewhere. */
export function checkpointMessage(seq: number, hash: string, at: string): Uint8Array {
  return Buffer.from(`{"at":${q(at)},"hash":${q(hash)},"purpose":"packdesk.journal.checkpoint","seq":${seq}}`, 'utf8');
}

export function rowToEntry(row: JournalRow): JournalEntry {
  return {
    seq: row.seq,
    at: row.at,
    stationId: row.stationId,
    actorId: row.actorId,
    type: row.type,
    subject:
      row.subjectKind === null || row.subjectId === null ? null : { kind: row.subjectKind as NonNullable<JournalEntry['subject']>['kind'], id: row.subjectId },
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
