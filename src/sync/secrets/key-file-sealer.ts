import crypto from 'node:crypto';
import path from 'node:path';
import type { Secrets } from '../../app/ports/secrets';
import { loadOrCreateOwnerOnly } from '../../platform/owner-only-file';

export const SECRETS_KEY_FILE = 'secrets.key';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 1;

/**
 * AES-256-GCM under a random key kept in `<data>/secrets.key`, created with mode 0600 so only
 * the user running the station can read it. For the browser host and the CLI, where Electron's
 * safeStorage is not available. Sealed layout: version byte, IV, tag, ciphertext.
 */
export function keyFileSecrets(dataDir: string): Secrets {
  const file = path.join(dataDir, SECRETS_KEY_FILE);
  const key = loadOrCreateKey(file);
  return {
    describe: `key file ${file} (mode 0600)`,
    sealer: {
      seal(plain) {
        const iv = crypto.randomBytes(IV_BYTES);
        const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
        const body = Buffer.concat([cipher.update(plain), cipher.final()]);
        return new Uint8Array(Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]));
      },
      open(sealed) {
        const bytes = Buffer.from(sealed);
        if (bytes[0] !== VERSION) throw new Error('The secret was sealed in an unknown format.');
        const iv = bytes.subarray(1, 1 + IV_BYTES);
        const tag = bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
        const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAuthTag(tag);
        return new Uint8Array(Buffer.concat([decipher.update(bytes.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]));
      },
    },
  };
}

function loadOrCreateKey(file: string): Buffer {
  return loadOrCreateOwnerOnly(
    file,
    () => Buffer.from(`${crypto.randomBytes(32).toString('base64')}\n`),
    (text) => {
      const key = Buffer.from(text.toString('utf8').trim(), 'base64');
      if (key.length !== 32) throw new Error(`${file} does not hold a 256-bit key; move it away to start over (stored secrets must then be entered again).`);
      return key;
    },
  );
}
