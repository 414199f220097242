import crypto from 'node:crypto';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { normaliseBadge } from '../domain/user';
import { loadOrCreateOwnerOnly } from '../platform/owner-only-file';

/** The badge key in the data folder: 32 random bytes as base64, readable by its owner only. */
export const BADGE_KEY_FILE = 'badge.key';
const KEY_BYTES = 32;

/** A KeyObject rather than bytes: printed in a log or an error it shows no key material. */
export type BadgeKey = crypto.KeyObject;

/**
 * A badge as the users table keeps it: HMAC-SHA-256 of the normalised code. Keyed, because badge
 * codes are short and patterned (PD-P-0001): a plain hash of one is found by trying them all.
 */
export function badgeDigest(key: BadgeKey, badge: string): string {
  return crypto.createHmac('sha256', key).update(normaliseBadge(badge)).digest('hex');
}

/** badge_digest(code) in SQL on this connection, for the migration that hashes stored codes. */
export function registerBadgeDigest(db: Database, key: BadgeKey): void {
  db.function('badge_digest', { deterministic: true }, (code: unknown) => {
    if (typeof code !== 'string') throw new TypeError('badge_digest takes a badge code as text.');
    return badgeDigest(key, code);
  });
}

/** The data folder's badge key, made on first start and shared by every process on the folder. */
export function loadOrCreateBadgeKey(dataDir: string): BadgeKey {
  const file = path.join(dataDir, BADGE_KEY_FILE);
  return loadOrCreateOwnerOnly(
    file,
    () => Buffer.from(`${crypto.randomBytes(KEY_BYTES).toString('base64')}\n`),
    (bytes) => badgeKeyFrom(bytes, file),
  );
}

function badgeKeyFrom(text: Buffer, file: string): BadgeKey {
  const bytes = Buffer.from(text.toString('utf8').trim(), 'base64');
  if (bytes.length !== KEY_BYTES) {
    // Not replaced: a new key would leave every enrolled badge unknown, a restored copy would not.
    throw new Error(`${file} does not hold a ${KEY_BYTES}-byte badge key; restore it from a copy of the data folder.`);
  }
  return crypto.createSecretKey(bytes);
}
