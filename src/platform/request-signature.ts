import crypto from 'node:crypto';

/**
 * How a station signs each request to central (issue 13) and how central checks it. The signed
 * text binds the station, the method, the path with its query, the body's SHA-256, the time and a
 * nonce, so a request cannot be altered, moved to another path, replayed later (the time window)
 * or replayed at once (central keeps each nonce until the window has passed).
 */
export const SIGNATURE_HEADERS = {
  station: 'packdesk-station',
  timestamp: 'packdesk-timestamp',
  nonce: 'packdesk-nonce',
  signature: 'packdesk-signature',
} as const;

const KEY_PREFIX = 'ed25519:';

export interface RequestToSign {
  method: string;
  /** Path and query exactly as sent, e.g. /v1/claims?x=1. */
  path: string;
  /** The body, or only its SHA-256 (hex) for a body streamed from or to a file (a clip). */
  body: Uint8Array | string | { sha256: string };
}

export interface RequestSignature {
  stationId: string;
  /** Milliseconds since the epoch, as a decimal string. */
  timestamp: string;
  nonce: string;
  /** Ed25519 signature in base64url. */
  signature: string;
}

export function bodyDigest(body: RequestToSign['body']): string {
  if (typeof body === 'object' && 'sha256' in body) return body.sha256;
  return crypto.createHash('sha256').update(body).digest('hex');
}

export function canonicalRequest(request: RequestToSign, stationId: string, timestamp: string, nonce: string): string {
  return ['packdesk-request-v1', stationId, request.method.toUpperCase(), request.path, bodyDigest(request.body), timestamp, nonce].join('\n');
}

/** The headers that make `request` a signed request from `stationId`. */
export function signRequest(privateKey: crypto.KeyObject, stationId: string, request: RequestToSign, now: Date): Record<string, string> {
  const timestamp = String(now.getTime());
  const nonce = crypto.randomBytes(16).toString('base64url');
  const signature = crypto.sign(null, Buffer.from(canonicalRequest(request, stationId, timestamp, nonce)), privateKey).toString('base64url');
  return {
    [SIGNATURE_HEADERS.station]: stationId,
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: signature,
  };
}

/** The signature headers of a request, or null when any is missing or malformed. */
export function readSignature(headers: Record<string, string | string[] | undefined>): RequestSignature | null {
  const one = (name: string): string | null => {
    const v = headers[name];
    return typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : null;
  };
  const stationId = one(SIGNATURE_HEADERS.station);
  const timestamp = one(SIGNATURE_HEADERS.timestamp);
  const nonce = one(SIGNATURE_HEADERS.nonce);
  const signature = one(SIGNATURE_HEADERS.signature);
  if (!stationId || !timestamp || !nonce || !signature || !/^\d{1,16}$/.test(timestamp)) return null;
  return { stationId, timestamp, nonce, signature };
}

export function verifyRequest(publicKey: crypto.KeyObject, request: RequestToSign, sig: RequestSignature): boolean {
  const text = Buffer.from(canonicalRequest(request, sig.stationId, sig.timestamp, sig.nonce));
  try {
    return crypto.verify(null, text, publicKey, Buffer.from(sig.signature, 'base64url'));
  } catch {
    return false;
  }
}

/** `ed25519:` and the raw 32-byte public key in base64url: short enough to paste into a command. */
export function publicKeyText(key: crypto.KeyObject): string {
  const jwk = crypto.createPublicKey(key).export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('The key is not an Ed25519 key.');
  return `${KEY_PREFIX}${jwk.x}`;
}

/** The key in `text` (as publicKeyText prints it); throws a sentence saying what is wrong. */
export function parsePublicKey(text: string): crypto.KeyObject {
  const x = text.trim().startsWith(KEY_PREFIX) ? text.trim().slice(KEY_PREFIX.length) : null;
  if (!x || !/^[A-Za-z0-9_-]{43}$/.test(x)) {
    throw new Error(`"${text}" is not a station key: it looks like ed25519: followed by 43 letters and digits (packdesk station key prints it).`);
  }
  return crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
}
