import type { StationError } from '../../contract/errors';
import type { User } from '../../domain/user';
import type { CentralFilesLink, RemoteClipStream } from '../ports/central-files';

export type RemoteClipAnswer = { ok: true; clip: RemoteClipStream } | { ok: false; status: number; error: StationError };

const STATUS: Record<string, number> = {
  NOT_LOGGED_IN: 401,
  FORBIDDEN: 403,
  VIDEO_SEGMENT_NOT_FOUND: 404,
  CENTRAL_NOT_ATTACHED: 404,
  VIDEO_HASH_MISMATCH: 502,
  VIDEO_STATION_OFFLINE: 503,
  CENTRAL_UNREACHABLE: 503,
};

const refuse = (code: StationError['code'], message: string, params?: StationError['params']): RemoteClipAnswer => ({
  ok: false,
  status: STATUS[code] ?? 500,
  error: params ? { code, message, params } : { code, message },
});

/**
 * A clip another station recorded, played here through central. The asker's rules are the ones
 * of a clip recorded here (docs/security.md): someone logged in here as a manager, or as a
 * returns handler when the clip's order has a return at this station; the order comes from
 * central's index (the replicated `video.segment` entry), so the check needs no trust in the URL.
 */
export async function playRemoteClip(
  deps: { link: CentralFilesLink | null; users: readonly User[]; mayRead(user: User, orderNumber: string): boolean },
  stationId: string,
  segmentId: number,
  range: string | null,
): Promise<RemoteClipAnswer> {
  if (deps.users.length === 0) return refuse('NOT_LOGGED_IN', 'Log in first.');
  if (!deps.link) return refuse('CENTRAL_NOT_ATTACHED', 'This station is not attached to central, so it plays only its own clips.');
  const info = await deps.link.clipInfo(stationId, segmentId);
  if (!info.reached) return refuse('CENTRAL_UNREACHABLE', 'Central cannot be reached; the clip of another station plays through central.');
  const clip = info.value;
  if (!clip)
    return refuse('VIDEO_SEGMENT_NOT_FOUND', `Central knows no clip ${segmentId} of station ${stationId}.`, { segment: segmentId, station: stationId });
  if (!clip.orderNumber || !deps.users.some((user) => deps.mayRead(user, clip.orderNumber!))) {
    return refuse('FORBIDDEN', 'Log in as a manager, or as a returns handler for an order with a return, to review recordings.', {
      order: clip.orderNumber ?? '',
    });
  }
  const got = await deps.link.clip(stationId, segmentId, range);
  if (got.ok) return got;
  return refuse(got.refusal.code, got.refusal.message, { ...got.refusal.params, station: stationId, segment: segmentId });
}
