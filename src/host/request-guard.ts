import type { IncomingHttpHeaders } from 'node:http';

/**
 * The one gate in front of every route of the browser host (API, events, static files, media,
 * video upload, fake devices). It reads the request as the router will see it and refuses what a
 * page of ours never sends: odd request targets, foreign Host names (DNS rebinding), other
 * origins, and state changes that are not same-origin JSON with a body.
 */
export interface GuardPolicy {
  /** Host names this station answers to (lower case): loopback names and any configured ones. */
  hostNames: ReadonlySet<string>;
  port: () => number;
  tls: boolean;
}

export type Refusal = { status: number; reason: string } | null;

/**
 * Only plain origin-form paths: letters, digits and `. _ ~ - /`, no empty or dot segments. No
 * percent-encoding at all, so an encoded `/api` can never be routed differently from how it was
 * checked; our own pages and API never need it.
 */
const PATH = /^\/(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*(?:\/(?=[A-Za-z0-9_~-]))?)*\/?$/;
const QUERY = /^[A-Za-z0-9._~\-=&%+]*$/;
const SAFE_METHODS = new Set(['GET', 'HEAD']);

export function checkTarget(rawUrl: string): Refusal {
  if (!rawUrl.startsWith('/') || rawUrl.startsWith('//')) return { status: 400, reason: 'Only origin-form request targets are accepted.' };
  const queryAt = rawUrl.indexOf('?');
  const path = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
  const query = queryAt === -1 ? '' : rawUrl.slice(queryAt + 1);
  if (path.length > 512 || !PATH.test(path)) return { status: 400, reason: 'That path is not one this station serves.' };
  if (query.length > 2048 || !QUERY.test(query)) return { status: 400, reason: 'That query is not one this station accepts.' };
  return null;
}

/** `host[:port]` of a Host header or origin, lower case, IPv6 in brackets; null when malformed. */
export function parseAuthority(authority: string): { name: string; port: number | null } | null {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(authority.trim());
  if (!match?.[1]) return null;
  return { name: match[1].toLowerCase(), port: match[2] === undefined ? null : Number(match[2]) };
}

function knownAuthority(authority: string, policy: GuardPolicy): boolean {
  const parsed = parseAuthority(authority);
  if (!parsed || !policy.hostNames.has(parsed.name)) return false;
  const defaultPort = policy.tls ? 443 : 80;
  return (parsed.port ?? defaultPort) === policy.port();
}

export function checkHost(headers: IncomingHttpHeaders, policy: GuardPolicy): Refusal {
  const host = headers.host;
  if (!host || !knownAuthority(host, policy)) {
    return { status: 421, reason: 'This station does not answer to that host name. Open it by its own address.' };
  }
  return null;
}

function sameOrigin(origin: string, policy: GuardPolicy): boolean {
  const match = /^(https?):\/\/([^/]+)$/i.exec(origin);
  if (!match?.[1] || !match[2]) return false;
  if ((match[1].toLowerCase() === 'https') !== policy.tls) return false;
  return knownAuthority(match[2], policy);
}

/** Where a request comes from: other origins may not read from the station or act through it. */
export function checkOrigin(method: string, headers: IncomingHttpHeaders, policy: GuardPolicy, hasBody: boolean): Refusal {
  const origin = headers.origin;
  const site = headers['sec-fetch-site'];
  if (origin !== undefined && origin !== 'null' && !sameOrigin(origin, policy)) return { status: 403, reason: 'Requests from other sites are refused.' };
  if (origin === 'null') return { status: 403, reason: 'Requests from opaque origins are refused.' };
  if (SAFE_METHODS.has(method)) {
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return { status: 403, reason: 'Requests from other sites are refused.' };
    return null;
  }
  // A state change: our own page's fetch always names its origin; without one, refuse.
  if (origin === undefined && site !== 'same-origin') return { status: 403, reason: 'A change needs a same-origin request (Origin header).' };
  if (site !== undefined && site !== 'same-origin') return { status: 403, reason: 'Requests from other sites are refused.' };
  const type = String(headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (type !== 'application/json') return { status: 415, reason: 'A change must be sent as application/json.' };
  if (!hasBody) return { status: 400, reason: 'A change needs a request body.' };
  return null;
}

export function hasBody(headers: IncomingHttpHeaders): boolean {
  const length = headers['content-length'];
  if (length !== undefined) return Number(length) > 0;
  return headers['transfer-encoding'] !== undefined;
}
