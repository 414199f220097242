import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadOrCreateOwnerOnly } from '../platform/owner-only-file';

export const COOKIE_SECRET_FILE = 'host-cookie.key';

/** The secret that signs browsers' client cookies: 32 random bytes, readable by the station's user only. */
export function loadOrCreateCookieSecret(dataDir: string): Buffer {
  const file = path.join(dataDir, COOKIE_SECRET_FILE);
  return loadOrCreateOwnerOnly(
    file,
    () => crypto.randomBytes(32),
    (secret) => {
      if (secret.length !== 32) throw new Error(`${file} is damaged (${secret.length} bytes, 32 expected); delete it and every browser logs in again.`);
      return secret;
    },
  );
}

/** The host token: from a file only the operator can read, or PACKDESK_TOKEN; never from argv, where `ps` shows it. */
export function readToken(tokenFile: string | undefined, env: string | undefined): string | undefined {
  if (tokenFile) {
    const token = fs.readFileSync(tokenFile, 'utf8').trim();
    if (!token) throw new Error(`${tokenFile} holds no token.`);
    return token;
  }
  return env?.trim() || undefined;
}
