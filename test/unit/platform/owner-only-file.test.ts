import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadOrCreateCookieSecret } from '../../../src/host/cookie-secret';
import { loadOrCreateOwnerOnly, publishOnce, readOwnerOnly } from '../../../src/platform/owner-only-file';
import { keyFileSecrets, SECRETS_KEY_FILE } from '../../../src/sync/secrets/key-file-sealer';

const dirs: string[] = [];
const freshDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-owner-only-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const enoent = () => Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
const enospc = () => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });

/** The next read of `file` finds nothing, and meanwhile another process publishes `bytes` there: the race two starting processes run. */
function loseTheRaceTo(file: string, bytes: Buffer): void {
  const realRead = fs.readFileSync;
  let raced = false;
  vi.spyOn(fs, 'readFileSync').mockImplementation(((target: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
    if (!raced && String(target) === file) {
      raced = true;
      fs.writeFileSync(file, bytes, { mode: 0o600 });
      throw enoent();
    }
    return (realRead as (...a: unknown[]) => unknown).call(fs, target, ...rest);
  }) as typeof fs.readFileSync);
}

/** The first write of the key's bytes fails as a crash or a full disk would, after the file was opened. */
function failTheFirstWrite(): void {
  const realOpen = fs.openSync;
  vi.spyOn(fs, 'writeFileSync').mockImplementationOnce(((file: fs.PathOrFileDescriptor, _data: unknown, options?: { flag?: string; mode?: number }) => {
    fs.closeSync(realOpen(String(file), options?.flag ?? 'w', options?.mode));
    throw enospc();
  }) as typeof fs.writeFileSync);
  vi.spyOn(fs, 'writeSync').mockImplementationOnce(() => {
    throw enospc();
  });
}

describe('owner-only files made once', () => {
  it('publishes whole with mode 0600 and never overwrites a file that is there', () => {
    const file = path.join(freshDir(), 'k.key');
    publishOnce(file, Buffer.from('first'));
    publishOnce(file, Buffer.from('second'));
    expect(fs.readFileSync(file, 'utf8')).toBe('first');
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['k.key']);
  });

  it('tightens a copy that lost its mode, and reads an absent file as null', () => {
    const dir = freshDir();
    const file = path.join(dir, 'k.key');
    expect(readOwnerOnly(file)).toBeNull();
    fs.writeFileSync(file, 'x', { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    expect(readOwnerOnly(file)?.toString()).toBe('x');
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('hands the loser of a creation race the winner’s value', () => {
    const file = path.join(freshDir(), 'k.key');
    loseTheRaceTo(file, Buffer.from('winner'));
    expect(
      loadOrCreateOwnerOnly(
        file,
        () => Buffer.from('loser'),
        (b) => b.toString(),
      ),
    ).toBe('winner');
  });
});

describe('the keys that use them', () => {
  it('the secrets key: a process that loses the creation race opens what the winner sealed', () => {
    const dir = freshDir();
    const winnerKey = Buffer.from(`${crypto.randomBytes(32).toString('base64')}\n`);
    loseTheRaceTo(path.join(dir, SECRETS_KEY_FILE), winnerKey);
    const loser = keyFileSecrets(dir);
    vi.restoreAllMocks();
    const winner = keyFileSecrets(dir);
    expect(Buffer.from(loser.sealer.open(winner.sealer.seal(Buffer.from('shop secret')))).toString()).toBe('shop secret');
  });

  it('the cookie secret: a write that fails part-way leaves no damaged file, and the next start makes a good one', () => {
    const dir = freshDir();
    failTheFirstWrite();
    expect(() => loadOrCreateCookieSecret(dir)).toThrow(/ENOSPC/);
    vi.restoreAllMocks();
    const secret = loadOrCreateCookieSecret(dir);
    expect(secret).toHaveLength(32);
    expect(loadOrCreateCookieSecret(dir).equals(secret)).toBe(true);
  });

  it('the secrets key: a write that fails part-way leaves no damaged file either', () => {
    const dir = freshDir();
    failTheFirstWrite();
    expect(() => keyFileSecrets(dir)).toThrow(/ENOSPC/);
    vi.restoreAllMocks();
    const secrets = keyFileSecrets(dir);
    expect(Buffer.from(secrets.sealer.open(secrets.sealer.seal(Buffer.from('s')))).toString()).toBe('s');
  });
});
