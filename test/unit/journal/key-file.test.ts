import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SecretSealer } from '../../../src/app/ports/journal';
import { KEY_FILE, loadOrCreateStationKey, readStationKey, SEALED_KEY_FILE } from '../../../src/journal/key-file';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function freshDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-key-'));
  dirs.push(dir);
  return dir;
}

const message = Buffer.from('checkpoint 42');
function verifies(publicKey: string, signature: string): boolean {
  const key = crypto.createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
  return crypto.verify(null, message, key, Buffer.from(signature, 'base64'));
}

/** Stands in for safeStorage: a reversible transform that leaves no PEM text in the file. */
const xorSealer: SecretSealer = {
  seal: (plain) => Buffer.from(plain).map((b) => b ^ 0x5a),
  open: (sealed) => Buffer.from(sealed).map((b) => b ^ 0x5a),
};

describe('station key file', () => {
  it('is created once, owner-only, and the same key is used on every later start', () => {
    const dir = freshDir();
    expect(readStationKey(dir)).toBeNull();
    const first = loadOrCreateStationKey(dir);
    const file = path.join(dir, KEY_FILE);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const again = loadOrCreateStationKey(dir);
    expect(again.publicKey).toBe(first.publicKey);
    expect(verifies(first.publicKey, again.sign(message))).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([KEY_FILE]);
  });

  it('gives each data folder its own key', () => {
    expect(loadOrCreateStationKey(freshDir()).publicKey).not.toBe(loadOrCreateStationKey(freshDir()).publicKey);
  });

  it.skipIf(process.platform === 'win32')('tightens a key file that lost its mode in a copy', () => {
    const dir = freshDir();
    loadOrCreateStationKey(dir);
    const file = path.join(dir, KEY_FILE);
    fs.chmodSync(file, 0o644);
    loadOrCreateStationKey(dir);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a file that is not an Ed25519 private key', () => {
    const dir = freshDir();
    const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    fs.writeFileSync(path.join(dir, KEY_FILE), rsa, { mode: 0o600 });
    expect(() => loadOrCreateStationKey(dir)).toThrow(/rsa key, not Ed25519/);
    fs.writeFileSync(path.join(dir, KEY_FILE), 'not a key');
    expect(() => loadOrCreateStationKey(dir)).toThrow(/does not hold a readable private key/);
  });

  it('seals the key when a sealer is given, and moves an existing plain key under it', () => {
    const sealedDir = freshDir();
    const sealed = loadOrCreateStationKey(sealedDir, { sealer: xorSealer });
    expect(fs.readdirSync(sealedDir)).toEqual([SEALED_KEY_FILE]);
    expect(fs.readFileSync(path.join(sealedDir, SEALED_KEY_FILE), 'latin1')).not.toContain('PRIVATE KEY');
    expect(loadOrCreateStationKey(sealedDir, { sealer: xorSealer }).publicKey).toBe(sealed.publicKey);
    expect(() => readStationKey(sealedDir)).toThrow(/sealed, and no secret store/);

    const dir = freshDir();
    const plain = loadOrCreateStationKey(dir);
    const moved = loadOrCreateStationKey(dir, { sealer: xorSealer });
    expect(moved.publicKey).toBe(plain.publicKey);
    expect(fs.readdirSync(dir)).toEqual([SEALED_KEY_FILE]);
  });
});
