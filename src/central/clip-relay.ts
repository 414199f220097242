import type { Readable } from 'node:stream';
import type { Clock, Logger } from '../app/ports';
import type { CentralClips, CentralClipIndex } from '../app/ports/central-files';
import type { ClipStorage } from './clip-storage';

/** Wakes whoever waits on a key (a station's long poll, an asker waiting for a clip) in this process. */
export class Wakeups {
  private readonly waiting = new Map<string, Set<() => void>>();

  /** Resolves on wake(key) or after `ms`, whichever comes first. */
  wait(key: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const set = this.waiting.get(key) ?? new Set();
      this.waiting.set(key, set);
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        if (set.size === 0) this.waiting.delete(key);
        resolve();
      };
      const timer = setTimeout(done, ms);
      set.add(done);
    });
  }

  wake(key: string): void {
    for (const done of [...(this.waiting.get(key) ?? [])]) done();
  }
}

export const stationKeyOf = (stationId: string) => `station:${stationId}`;
export const clipKeyOf = (stationId: string, segmentId: number) => `clip:${stationId}:${segmentId}`;

/** Another central process may answer: the database is looked at this often besides a wake-up. */
const RECHECK_MS = 500;

export interface ClipRelayOptions {
  clips: CentralClips;
  storage: ClipStorage;
  wakeups: Wakeups;
  clock: Clock;
  logger: Logger;
  /** How long an asker waits for the station to send the clip (default 20 s). */
  fetchWaitMs: number;
  /** A station that has not polled for this long is offline (default 45 s: it polls every 20 s). */
  offlineAfterMs: number;
}

export type ClipAnswer =
  | { ok: true; index: CentralClipIndex; size: number }
  | {
      ok: false;
      status: number;
      code: 'VIDEO_SEGMENT_NOT_FOUND' | 'VIDEO_STATION_OFFLINE' | 'VIDEO_HASH_MISMATCH';
      message: string;
      params: Record<string, string | number>;
    };

/**
 * A clip for an asking station: from central's storage when it holds it, else fetched from the
 * station that recorded it. That station is asked through its long poll (it opens no port) and
 * uploads the file; the upload is kept only when its SHA-256 is the one of the replicated
 * `video.segment` entry. A station that is not polling, or does not send in time, is offline.
 */
export async function obtainClip(o: ClipRelayOptions, stationId: string, segmentId: number): Promise<ClipAnswer> {
  const index = await o.clips.segment(stationId, segmentId);
  if (!index || index.kind !== 'webcam' || !index.sha256) {
    return {
      ok: false,
      status: 404,
      code: 'VIDEO_SEGMENT_NOT_FOUND',
      message: `Central knows no closed clip ${segmentId} of station ${stationId}.`,
      params: { station: stationId, segment: segmentId },
    };
  }
  const held = await o.storage.size(stationId, segmentId);
  if (held !== null) return { ok: true, index, size: held };
  const offline = (why: string, lastSeen: Date | null): ClipAnswer => ({
    ok: false,
    status: 503,
    code: 'VIDEO_STATION_OFFLINE',
    message: `Station ${stationId} holds this clip and ${why}; play it again when the station is on.`,
    params: { station: stationId, segment: segmentId, lastSeen: lastSeen?.toISOString() ?? '' },
  });
  const lastSeen = await o.clips.lastPoll(stationId);
  const now = o.clock.now();
  if (!lastSeen || now.getTime() - lastSeen.getTime() > o.offlineAfterMs)
    return offline(lastSeen ? `has not been in touch since ${lastSeen.toISOString()}` : 'has never been in touch with central', lastSeen);
  await o.clips.ask(stationId, segmentId, now);
  o.wakeups.wake(stationKeyOf(stationId));
  const deadline = Date.now() + o.fetchWaitMs;
  for (;;) {
    const state = await o.clips.state(stationId, segmentId);
    if (state?.state === 'held') {
      const size = await o.storage.size(stationId, segmentId);
      if (size !== null) return { ok: true, index, size };
    }
    if (state?.state === 'refused') {
      return {
        ok: false,
        status: 502,
        code: 'VIDEO_HASH_MISMATCH',
        message: state.detail ?? 'The clip does not match its journal entry.',
        params: { station: stationId, segment: segmentId },
      };
    }
    if (state?.state === 'missing') {
      return {
        ok: false,
        status: 404,
        code: 'VIDEO_SEGMENT_NOT_FOUND',
        message: `Station ${stationId} no longer has clip ${segmentId}: ${state.detail ?? 'deleted'}.`,
        params: { station: stationId, segment: segmentId },
      };
    }
    const left = deadline - Date.now();
    if (left <= 0) return offline(`did not send it within ${Math.round(o.fetchWaitMs / 1000)} s`, await o.clips.lastPoll(stationId));
    await o.wakeups.wait(clipKeyOf(stationId, segmentId), Math.min(left, RECHECK_MS));
  }
}

/**
 * A clip a station uploaded, judged against its journal: kept (and the askers woken) when its
 * SHA-256 and length are the replicated entry's, else refused and named.
 */
export async function acceptUpload(
  o: ClipRelayOptions,
  stationId: string,
  segmentId: number,
  upload: { file: string; sha256: string; size: number },
): Promise<{ accepted: true } | { accepted: false; status: number; code: string; message: string }> {
  const index = await o.clips.segment(stationId, segmentId);
  if (!index?.sha256)
    return {
      accepted: false,
      status: 404,
      code: 'VIDEO_SEGMENT_NOT_FOUND',
      message: `Central has no video.segment entry for clip ${segmentId} of ${stationId}.`,
    };
  const now = o.clock.now();
  if (upload.sha256 !== index.sha256 || (index.bytes !== null && upload.size !== index.bytes)) {
    const message =
      `Clip ${segmentId} from station ${stationId} does not match its journal: the file has SHA-256 ${upload.sha256} (${upload.size} bytes), ` +
      `the video.segment entry (seq ${index.seq}) says ${index.sha256} (${index.bytes ?? '?'} bytes). The file changed after it was recorded; central refused it.`;
    o.logger.error('central refused a clip whose hash is not its journal entry', {
      station: stationId,
      segment: segmentId,
      seq: index.seq,
      sent: upload.sha256,
      journal: index.sha256,
    });
    await o.clips.answer(stationId, segmentId, 'refused', message, now);
    o.wakeups.wake(clipKeyOf(stationId, segmentId));
    return { accepted: false, status: 409, code: 'VIDEO_HASH_MISMATCH', message };
  }
  await o.storage.put(stationId, segmentId, upload.file, upload.size, upload.sha256);
  await o.clips.answer(stationId, segmentId, 'held', null, now);
  o.logger.info('central holds a clip from its station', { station: stationId, segment: segmentId, bytes: upload.size, storage: o.storage.where });
  o.wakeups.wake(clipKeyOf(stationId, segmentId));
  return { accepted: true };
}

/** The clip's bytes start..end from central's storage. */
export const readClip = (o: Pick<ClipRelayOptions, 'storage'>, stationId: string, segmentId: number, start: number, end: number): Promise<Readable> =>
  o.storage.read(stationId, segmentId, start, end);
