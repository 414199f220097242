import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SecretSealer, StationKey } from '../app/ports/journal';
import { publishOnce, readOwnerOnly } from '../platform/owner-only-file';

/** The private key as PKCS#8 PEM, readable by its owner only. */
export const KEY_FILE = 'journal-key.pem';
/** The same PEM sealed by a SecretSealer (issue 6 brings safeStorage and the browser-mode key file). */
export const SEALED_KEY_FILE = 'journal-key.sealed';

export interface KeyFileOptions {
  /** Seals the key at rest when present; without one the key is a plain PEM file with mode 0600. */
  sealer?: SecretSealer | undefined;
}

/**
 * The station's Ed25519 key from its data folder, made on first start. Creation publishes the
 * file with link(), which never overwrites: two processes starting together end up sharing the
 * first one's key instead of each keeping a different one.
 */
export function loadOrCreateStationKey(dataDir: string, options: KeyFileOptions = {}): StationKey {
  const existing = readStationKey(dataDir, options);
  if (existing) return existing;
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
  const bytes = options.sealer ? options.sealer.seal(Buffer.from(String(pem), 'utf8')) : Buffer.from(String(pem), 'utf8');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  publishOnce(path.join(dataDir, options.sealer ? SEALED_KEY_FILE : KEY_FILE), bytes);
  const key = readStationKey(dataDir, options);
  if (!key) throw new Error(`The journal key was written to ${dataDir} but could not be read back.`);
  return key;
}

/** The station key if the data folder has one; null otherwise (verification never makes a key). */
export function readStationKey(dataDir: string, options: KeyFileOptions = {}): StationKey | null {
  const plainFile = path.join(dataDir, KEY_FILE);
  const sealedFile = path.join(dataDir, SEALED_KEY_FILE);
  if (options.sealer) {
    const sealed = readOwnerOnly(sealedFile);
    if (sealed) return keyFromPem(Buffer.from(options.sealer.open(sealed)).toString('utf8'), sealedFile);
    const plain = readOwnerOnly(plainFile);
    if (!plain) return null;
    // A sealer arrived after the key was made: seal the same key, then drop the plain copy.
    const key = keyFromPem(plain.toString('utf8'), plainFile);
    publishOnce(sealedFile, Buffer.from(options.sealer.seal(plain)));
    fs.rmSync(plainFile, { force: true });
    return key;
  }
  if (fs.existsSync(sealedFile) && !fs.existsSync(plainFile)) {
    throw new Error(`The journal key in ${sealedFile} is sealed, and no secret store was given to open it.`);
  }
  const plain = readOwnerOnly(plainFile);
  return plain ? keyFromPem(plain.toString('utf8'), plainFile) : null;
}

function keyFromPem(pem: string, file: string): StationKey {
  let privateKey: crypto.KeyObject;
  try {
    privateKey = crypto.createPrivateKey(pem);
  } catch (err) {
    throw new Error(`The journal key file ${file} does not hold a readable private key.`, { cause: err });
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`The journal key file ${file} holds a ${privateKey.asymmetricKeyType ?? 'non-asymmetric'} key, not Ed25519.`);
  }
  const publicKey = crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');
  return {
    publicKey,
    sign: (message) => crypto.sign(null, message, privateKey).toString('base64'),
  };
}
