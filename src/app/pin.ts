import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

// OWASP's scrypt floor; a login is rare enough that ~50 ms of CPU per check costs nothing.
const COST = 2 ** 14;
const BLOCK_SIZE = 8;
const PARALLEL = 1;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
// Refuse stored parameters that would make one verification eat the machine (a tampered row).
const MAX_COST = 2 ** 20;

/**
 * Hashes a PIN for storage as `scrypt$N$r$p$saltB64$hashB64`. The string carries its own
 * parameters so they can be raised later without breaking the PINs already stored.
 */
export function hashPin(pin: string): string {
  const salt = randomBytes(SALT_BYTES);
  const key = derive(pin, salt, COST, BLOCK_SIZE, PARALLEL, KEY_BYTES);
  return ['scrypt', COST, BLOCK_SIZE, PARALLEL, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * True when the PIN matches the stored hash; a malformed hash never matches. The derivation runs
 * on libuv's thread pool: a burst of guesses must not stall every other request of the station.
 */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await new Promise<Buffer>((resolve, reject) =>
    scrypt(pin.normalize('NFC'), parsed.salt, parsed.key.length, scryptOptions(parsed.cost, parsed.blockSize, parsed.parallel), (error, derived) =>
      error ? reject(error) : resolve(derived),
    ),
  );
  return timingSafeEqual(key, parsed.key);
}

interface StoredHash {
  cost: number;
  blockSize: number;
  parallel: number;
  salt: Buffer;
  key: Buffer;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function parse(stored: string): StoredHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, n, r, p, salt, key] = parts as [string, string, string, string, string, string];
  const cost = positiveInt(n);
  const blockSize = positiveInt(r);
  const parallel = positiveInt(p);
  if (cost === null || blockSize === null || parallel === null) return null;
  if (cost < 2 || cost > MAX_COST || (cost & (cost - 1)) !== 0 || blockSize > 32 || parallel > 16) return null;
  if (!BASE64.test(salt) || !BASE64.test(key)) return null;
  const saltBytes = Buffer.from(salt, 'base64');
  const keyBytes = Buffer.from(key, 'base64');
  if (saltBytes.length < 8 || keyBytes.length < 16 || keyBytes.length > 64) return null;
  return { cost, blockSize, parallel, salt: saltBytes, key: keyBytes };
}

function positiveInt(text: string): number | null {
  if (!/^[1-9]\d{0,8}$/.test(text)) return null;
  return Number(text);
}

function scryptOptions(cost: number, blockSize: number, parallel: number) {
  // 128·N·r bytes are needed; Node's default 32 MiB cap would reject legitimate raised costs.
  return { N: cost, r: blockSize, p: parallel, maxmem: 256 * cost * blockSize + 1024 * 1024 };
}

function derive(pin: string, salt: Buffer, cost: number, blockSize: number, parallel: number, keyBytes: number): Buffer {
  return scryptSync(pin.normalize('NFC'), salt, keyBytes, scryptOptions(cost, blockSize, parallel));
}
