import crypto from 'node:crypto';

/** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
export function tokenMatches(expected: string, given: string | undefined | null): boolean {
  if (!given) return false;
  const a = crypto.createHash('sha256').update(expected).digest();
  const b = crypto.createHash('sha256').update(given).digest();
  return crypto.timingSafeEqual(a, b);
}

/** The token from `Authorization: Bearer …`, or from `?token=` where a header cannot be set (EventSource). */
export function presentedToken(authorization: string | undefined, query: unknown): string | null {
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  if (match?.[1]) return match[1].trim();
  if (query && typeof query === 'object' && 'token' in query && typeof query.token === 'string') return query.token;
  return null;
}
