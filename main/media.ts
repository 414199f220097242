import fs from 'node:fs';
import { Readable } from 'node:stream';
import { isAppUrl, pathSegmentsAfter, rawPathOf } from './app-url';

export type MediaKind = 'clip' | 'evidence';
/** The core's Station.mediaFile: the absolute path of a clip or an evidence package, or null. */
export type MediaFiles = (kind: MediaKind, id: string) => string | null;

export type MediaTarget = { ok: true; kind: MediaKind; id: string } | { ok: false; status: 400 | 403 | 404; reason: string };

export type ByteRange = { status: 200 } | { status: 206; start: number; end: number } | { status: 416 };

const MEDIA_PREFIX = '/media/';

/** Checked here before the core checks the exact syntax again (Station.mediaFile, evidenceFile). */
const ID_SYNTAX: Record<MediaKind, RegExp> = {
  clip: /^\d{1,15}$/,
  evidence: /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/,
};

const CONTENT_TYPES: Record<MediaKind, string> = { clip: 'video/webm', evidence: 'application/zip' };

/** app://packdesk/media/… is the station's recorded video and evidence, not the renderer build. */
export function isMediaUrl(url: string): boolean {
  return isAppUrl(url) && rawPathOf(url).startsWith(MEDIA_PREFIX);
}

function refuse(status: 400 | 403 | 404, reason: string): MediaTarget {
  return { ok: false, status, reason };
}

/**
 * What app://packdesk/media/<clip|evidence>/<id> asks for. Like rendererFileFor it reads the raw
 * URL text, so `..` in any spelling is refused rather than resolved into another path.
 */
export function mediaTargetFor(url: string): MediaTarget {
  if (!isMediaUrl(url)) return refuse(404, 'not a media URL');
  const path = pathSegmentsAfter(url, MEDIA_PREFIX);
  if (!path.ok) return path;
  const segments = path.segments;
  const [kind, id] = segments;
  if (segments.length !== 2 || (kind !== 'clip' && kind !== 'evidence') || id === undefined) return refuse(404, 'no such media');
  if (!ID_SYNTAX[kind].test(id)) return refuse(404, 'no such media');
  return { ok: true, kind, id };
}

/**
 * The part of a file a `Range: bytes=…` header asks for, answered as the browser host does: one
 * range (a <video> seeks with those); several ranges or a malformed header get the whole file.
 */
export function byteRange(header: string | null, size: number): ByteRange {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  const from = match?.[1] ?? '';
  const to = match?.[2] ?? '';
  if (!match || (from === '' && to === '')) return { status: 200 };
  const start = from === '' ? Math.max(0, size - Number(to)) : Number(from);
  const end = from === '' || to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || start > end) return { status: 416 };
  return { status: 206, start, end };
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

async function sizeOf(file: string): Promise<number | null> {
  try {
    const stat = await fs.promises.stat(file);
    return stat.isFile() ? stat.size : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** A clip or an evidence package from the data folder, streamed (clips run to hundreds of MB). */
export async function mediaResponse(request: { method: string; url: string; headers: Headers }, mediaFiles: MediaFiles): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  const target = mediaTargetFor(request.url);
  if (!target.ok) return plain(target.status, target.reason);
  const file = mediaFiles(target.kind, target.id);
  const size = file === null ? null : await sizeOf(file);
  if (file === null || size === null) return plain(404, target.kind === 'clip' ? 'No such clip' : 'No such evidence package');

  const headers: Record<string, string> = {
    'Content-Type': CONTENT_TYPES[target.kind],
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  if (target.kind === 'evidence') headers['Content-Disposition'] = `attachment; filename="${target.id}"`;
  const range = byteRange(request.headers.get('range'), size);
  if (range.status === 416) return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` } });
  const [start, end] = range.status === 206 ? [range.start, range.end] : [0, size - 1];
  if (range.status === 206) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  headers['Content-Length'] = String(end - start + 1);
  const stream = request.method === 'HEAD' || size === 0 ? null : Readable.toWeb(fs.createReadStream(file, { start, end }));
  // Node's web stream and the DOM lib's ReadableStream are the same object under two type names.
  return new Response(stream as ReadableStream<Uint8Array> | null, { status: range.status, headers });
}
