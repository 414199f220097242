import path from 'node:path';

/** The renderer is served from app://packdesk/, never from file:// or the network. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'packdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const INDEX_FILE = 'index.html';
const MAX_URL_LENGTH = 4096;

/** True for a URL on our own origin: scheme app, host packdesk, no port and no credentials. */
export function isAppUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/** The path of a URL as it was sent, before the URL parser resolves `..` or decodes anything. */
export function rawPathOf(url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url)?.[1] ?? '';
}

export type PathRefusal = { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * The decoded segments of an app:// path after `prefix` (which the caller has checked it starts
 * with), read from the raw URL text: NUL or a backslash in any spelling, an empty segment, `.` or
 * `..`, a decoded separator, drive letter, control character or leftover `%` are refused.
 */
export function pathSegmentsAfter(url: string, prefix: string): { ok: true; segments: string[] } | PathRefusal {
  if (/[\0\\]|%00|%5c/i.test(url)) return { ok: false, status: 403, reason: 'forbidden character in URL' };
  const segments: string[] = [];
  for (const raw of rawPathOf(url).slice(prefix.length).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400, reason: 'malformed percent-encoding' };
    }
    if (segment === '' || segment === '.' || segment === '..') return { ok: false, status: 403, reason: 'path traversal' };
    if (/[/\\:%]/.test(segment) || /\p{Cc}/u.test(segment)) return { ok: false, status: 403, reason: 'forbidden character in path' };
    segments.push(segment);
  }
  return { ok: true, segments };
}

export type RendererFile = { ok: true; filePath: string; fallbackPath: string | null } | { ok: false; status: 400 | 403 | 404; reason: string };

function refuse(status: 400 | 403 | 404, reason: string): RendererFile {
  return { ok: false, status, reason };
}

/**
 * Maps an app:// URL to a file under the renderer root. Works on the raw URL text rather than
 * on `new URL().pathname`, because the URL parser quietly resolves `..` and `%2e%2e`: a request
 * that tries to climb out is refused outright instead of being "repaired" into another file.
 * `fallbackPath` is index.html for navigation-like paths (no extension), so client-side routes
 * survive a reload; asset paths that do not exist stay 404.
 */
export function rendererFileFor(url: string, rendererRoot: string): RendererFile {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return refuse(400, 'malformed URL');
  // Backslashes and NUL are separators or terminators to some file systems; never legitimate here.
  if (/[\0\\]|%00|%5c/i.test(url)) return refuse(403, 'forbidden character in URL');
  if (!isAppUrl(url)) return refuse(403, 'not the app origin');

  const rawPath = rawPathOf(url);
  const root = path.resolve(rendererRoot);
  const index = path.join(root, INDEX_FILE);
  if (rawPath === '' || rawPath === '/') return { ok: true, filePath: index, fallbackPath: null };

  const segments: string[] = [];
  for (const raw of rawPath.slice(1).split('/')) {
    // An empty segment would make `//etc/passwd` or `a//b` look absolute to some path APIs.
    if (raw === '') return refuse(403, 'empty path segment');
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return refuse(400, 'malformed percent-encoding');
    }
    if (segment === '.' || segment === '..') return refuse(403, 'path traversal');
    // A decoded separator, drive letter, control character or leftover % (double encoding)
    // means someone is trying to smuggle a path past the segment check.
    if (/[/\\:%]/.test(segment) || /\p{Cc}/u.test(segment)) return refuse(403, 'forbidden character in path');
    if (segment.startsWith('.')) return refuse(404, 'hidden files are not served');
    segments.push(segment);
  }

  const filePath = path.join(root, ...segments);
  const relative = path.relative(root, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return refuse(403, 'path outside the renderer root');
  }
  const last = segments[segments.length - 1] ?? '';
  const looksLikeRoute = !/\.[A-Za-z0-9]+$/.test(last);
  return { ok: true, filePath, fallbackPath: looksLikeRoute ? index : null };
}
