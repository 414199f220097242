import { Readable } from 'node:stream';
import type { RemoteClipAnswer } from '../src/app/central/remote-clips';
import { isAppUrl, pathSegmentsAfter, rawPathOf } from './app-url';

/**
 * The core's Station.remoteClip for the window that asked: a clip another station recorded,
 * through central, with the window's logins checked by the core as for the browser host's
 * /video/central/<station>/<segment>; null while the station has not booted or no window is open.
 */
export type RemoteClips = (stationId: string, segmentId: number, range: string | null) => Promise<RemoteClipAnswer | null>;

export type RemoteClipTarget = { ok: true; stationId: string; segmentId: number } | { ok: false; status: 400 | 403 | 404; reason: string };

/** app://packdesk/media/central/<station>/<segment>: the browser host's /video/central/<station>/<segment>. */
const REMOTE_PREFIX = '/media/central/';

export function isRemoteClipUrl(url: string): boolean {
  return isAppUrl(url) && rawPathOf(url).startsWith(REMOTE_PREFIX);
}

const refuse = (status: 400 | 403 | 404, reason: string): RemoteClipTarget => ({ ok: false, status, reason });

/** Which station's clip the URL asks for; read from the raw URL text like every app:// path, `..` in any spelling refused. */
export function remoteClipTargetFor(url: string): RemoteClipTarget {
  if (!isRemoteClipUrl(url)) return refuse(404, 'not a clip of another station');
  const path = pathSegmentsAfter(url, REMOTE_PREFIX);
  if (!path.ok) return path;
  const segments = path.segments;
  const [stationId, segmentId] = segments;
  if (segments.length !== 2 || stationId === undefined || segmentId === undefined || stationId.length > 200) return refuse(404, 'no such clip');
  if (!/^\d{1,15}$/.test(segmentId)) return refuse(404, 'no such clip');
  return { ok: true, stationId, segmentId: Number(segmentId) };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });
}

/**
 * A clip of another station, answered as the browser host answers it: the core's status (206 for
 * a Range), its headers and its bytes streamed, or the core's refusal as `{ ok: false, error }`.
 */
export async function remoteClipResponse(request: { method: string; url: string; headers: Headers }, remoteClips: RemoteClips): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return json(405, { ok: false, error: { code: 'VALIDATION_FAILED', message: 'Method not allowed.' } });
  const target = remoteClipTargetFor(request.url);
  if (!target.ok) {
    if (target.status === 404) return json(404, { ok: false, error: { code: 'VIDEO_SEGMENT_NOT_FOUND', message: 'No such clip.' } });
    return json(target.status, { ok: false, error: { code: 'VALIDATION_FAILED', message: target.reason } });
  }
  const answer = await remoteClips(target.stationId, target.segmentId, request.headers.get('range'));
  if (answer === null) return json(401, { ok: false, error: { code: 'NOT_LOGGED_IN', message: 'Log in first.' } });
  if (!answer.ok) return json(answer.status, { ok: false, error: answer.error });
  const { clip } = answer;
  const headers = { ...clip.headers, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
  if (request.method === 'HEAD') {
    // Nothing of the body is read: central's answer is let go.
    await clip.body[Symbol.asyncIterator]().return?.();
    return new Response(null, { status: clip.status, headers });
  }
  // Node's web stream and the DOM lib's ReadableStream are the same object under two type names.
  return new Response(Readable.toWeb(Readable.from(clip.body)) as ReadableStream<Uint8Array>, { status: clip.status, headers });
}
