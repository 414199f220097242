import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { normaliseBadge } from '../domain/user';

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

/**
 * The data folder's badge key, made on first start. Written whole under a temporary name and
 * linked into place, which never overwrites: two processes starting together share one key.
 */
export function loadOrCreateBadgeKey(dataDir: string): BadgeKey {
  const file = path.join(dataDir, BADGE_KEY_FILE);
  const existing = readBadgeKey(file);
  if (existing) return existing;
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeSync(fd, `${crypto.randomBytes(KEY_BYTES).toString('base64')}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(temp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  const key = readBadgeKey(file);
  if (!key) throw new Error(`The badge key was written to ${file} but could not be read back.`);
  return key;
}

function readBadgeKey(file: string): BadgeKey | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const bytes = Buffer.from(text.trim(), 'base64');
  if (bytes.length !== KEY_BYTES) {
    // Not replaced: a new key would leave every enrolled badge unknown, a restored copy would not.
    throw new Error(`${file} does not hold a ${KEY_BYTES}-byte badge key; restore it from a copy of the data folder.`);
  }
  return crypto.createSecretKey(bytes);
}
