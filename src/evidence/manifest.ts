import crypto from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';

/** The evidence package's table of contents: every other file with its SHA-256. */
export interface EvidenceManifest {
  format: 'packdesk-evidence/1';
  orderNumber: string;
  stationId: string;
  createdAt: string;
  /** The station's Ed25519 public key, SPKI DER base64: signs the checkpoint and this manifest. */
  publicKey: string;
  files: Record<string, string>;
}

export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';
/** Where a return's photos sit in the package (returns/RETURN-NUMBER/photo-ID.png); the verifier finds them by the folder. */
export const RETURNS_FOLDER = 'returns/';

export const sha256Hex = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

/** The SHA-256 of a file, read as a stream: clips and packages can be larger than memory allows. */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** The bytes the station signs: a purpose tag, so this signature means nothing elsewhere, then the manifest's SHA-256. */
export function manifestMessage(manifestBytes: Uint8Array): Buffer {
  return Buffer.from(`packdesk.evidence.manifest:${sha256Hex(manifestBytes)}`, 'utf8');
}

export function manifestSignatureValid(manifestBytes: Uint8Array, signatureBase64: string, publicKey: string): boolean {
  try {
    const key = crypto.createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    return crypto.verify(null, manifestMessage(manifestBytes), key, Buffer.from(signatureBase64.trim(), 'base64'));
  } catch {
    return false;
  }
}

/** A short fingerprint of a public key that people can compare by eye. */
export const keyFingerprint = (publicKey: string) =>
  sha256Hex(Buffer.from(publicKey, 'base64'))
    .slice(0, 16)
    .replace(/(.{4})(?!$)/g, '$1:');
