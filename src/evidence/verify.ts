import crypto from 'node:crypto';
import type { JournalRow } from '../app/ports/journal';
import { rowHash } from '../journal/chain';
import { checkChainProof, type ChainProof } from '../journal/evidence/proof';
import { keyFingerprint, MANIFEST_FILE, manifestSignatureValid, RETURNS_FOLDER, SIGNATURE_FILE, type EvidenceManifest } from './manifest';
import { readZipEntries } from './zip';

export const ENTRIES_FILE = 'journal/entries.json';
export const CHAIN_FILE = 'journal/chain.json';

export interface EvidenceCheck {
  ok: boolean;
  orderNumber: string | null;
  entries: number;
  clips: number;
  /** Photos of the order's returns, each checked against its returns.photo entry. */
  photos: number;
  checkpointSeq: number | null;
  keyFingerprint: string | null;
  problems: string[];
}

/** The files the check reads; every other file (clips above all) is only hashed as it streams by. */
const READ_FILES = new Set([MANIFEST_FILE, SIGNATURE_FILE, ENTRIES_FILE, CHAIN_FILE]);

/**
 * Checks a package (its bytes, or the path of the file) with nothing but its own content: the
 * manifest's signature, every file's SHA-256, the journal chain from the order's first entry to a
 * signed checkpoint, the order's entries against that chain, and each clip and each return photo
 * against the hash its journal entry recorded.
 */
export async function verifyEvidence(zip: Buffer | string, options: { trustedKey?: string } = {}): Promise<EvidenceCheck> {
  const result: EvidenceCheck = { ok: false, orderNumber: null, entries: 0, clips: 0, photos: 0, checkpointSeq: null, keyFingerprint: null, problems: [] };
  const problems = result.problems;
  const sums = new Map<string, string>();
  const files = new Map<string, Buffer>();
  try {
    await readZipEntries(zip, async ({ name }, content) => {
      // Unzip tools keep one of two same-named files and not always the same one: refuse the doubt.
      if (sums.has(name)) problems.push(`${name} is in the package twice`);
      const hash = crypto.createHash('sha256');
      const chunks: Buffer[] = [];
      for await (const chunk of content as AsyncIterable<Buffer>) {
        hash.update(chunk);
        if (READ_FILES.has(name)) chunks.push(chunk);
      }
      sums.set(name, hash.digest('hex'));
      if (READ_FILES.has(name)) files.set(name, Buffer.concat(chunks));
    });
  } catch (error) {
    problems.push(`the package cannot be read: ${(error as Error).message}`);
    return result;
  }
  const manifestBytes = files.get(MANIFEST_FILE);
  const signature = files.get(SIGNATURE_FILE);
  if (!manifestBytes || !signature) {
    problems.push(`${MANIFEST_FILE} or ${SIGNATURE_FILE} is missing`);
    return result;
  }
  let manifest: EvidenceManifest;
  try {
    manifest = JSON.parse(manifestBytes.toString('utf8')) as EvidenceManifest;
  } catch {
    problems.push(`${MANIFEST_FILE} is not JSON`);
    return result;
  }
  result.orderNumber = manifest.orderNumber;
  result.keyFingerprint = keyFingerprint(manifest.publicKey);
  if (options.trustedKey && options.trustedKey !== manifest.publicKey) problems.push("the package is signed by a key that is not the station's");
  if (!manifestSignatureValid(manifestBytes, signature.toString('utf8'), manifest.publicKey))
    problems.push(`${MANIFEST_FILE} was changed: its signature does not match`);

  for (const [name, sum] of Object.entries(manifest.files)) {
    const actual = sums.get(name);
    if (!actual) problems.push(`${name} is listed in the manifest but missing`);
    else if (actual !== sum) problems.push(`${name} was changed: its SHA-256 is not the one in the manifest`);
  }
  for (const name of sums.keys()) {
    if (name !== MANIFEST_FILE && name !== SIGNATURE_FILE && !Object.hasOwn(manifest.files, name))
      problems.push(`${name} was added: the manifest does not list it`);
  }

  const proof = parse<ChainProof>(files.get(CHAIN_FILE), CHAIN_FILE, problems);
  const entries = parse<JournalRow[]>(files.get(ENTRIES_FILE), ENTRIES_FILE, problems);
  if (proof) {
    result.checkpointSeq = proof.checkpoint.seq;
    for (const p of checkChainProof(proof, manifest.publicKey)) problems.push(`journal chain: ${p}`);
  }
  if (entries && proof) {
    result.entries = entries.length;
    const chained = new Map(proof.rows.map((r) => [r.seq, r.hash]));
    for (const entry of entries) {
      if (rowHash(entry) !== entry.hash) problems.push(`entry ${entry.seq} in ${ENTRIES_FILE} was changed`);
      else if (chained.get(entry.seq) !== entry.hash) problems.push(`entry ${entry.seq} is not the entry of that number in the signed chain`);
    }
    const clipHashes = recordedHashes(entries, 'video.segment');
    for (const [name, sum] of sums) {
      if (!name.startsWith('video/')) continue;
      result.clips++;
      if (!clipHashes.has(sum)) problems.push(`${name} is not the clip any video.segment entry of this order recorded`);
    }
    const photoHashes = recordedHashes(entries, 'returns.photo');
    for (const [name, sum] of sums) {
      if (!name.startsWith(RETURNS_FOLDER)) continue;
      result.photos++;
      if (!photoHashes.has(sum)) problems.push(`${name} is not the photo any returns.photo entry of this order recorded`);
    }
  }
  result.ok = problems.length === 0;
  return result;
}

/** The file hashes the order's entries of one type recorded (clips, return photos). */
function recordedHashes(entries: JournalRow[], type: string): Set<string> {
  return new Set(
    entries
      .filter((e) => e.type === type)
      .map((e) => (JSON.parse(e.payload) as { sha256?: string | null }).sha256)
      .filter((h): h is string => !!h),
  );
}

function parse<T>(bytes: Buffer | undefined, name: string, problems: string[]): T | null {
  if (!bytes) {
    problems.push(`${name} is missing`);
    return null;
  }
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch {
    problems.push(`${name} is not JSON`);
    return null;
  }
}
