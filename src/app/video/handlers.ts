import { StationFailure } from '../../contract/errors';
import type { VideoOwner, VideoSettings } from '../../contract/video';
import type { CommonPorts } from '../context';
import type { HandlerSlice } from '../handlers';
import type { VideoPorts } from '../ports/video';
import { templateProblem } from './nvr';
import type { VideoDesk } from './recorder';
import { DEFAULT_VIDEO_SETTINGS } from './settings';

type VideoMethods = 'video.settings' | 'video.settings.set' | 'video.start' | 'video.chunk' | 'video.stop' | 'video.problem';

/** The contract checked that exactly one owner is given. */
function asOwner({ sessionId, returnNumber }: { sessionId?: number | undefined; returnNumber?: string | undefined }): VideoOwner {
  return sessionId !== undefined ? { sessionId } : { returnNumber: returnNumber! };
}

/** A host without video ports (a tool, an interop test) answers as a station with video off. */
export function videoHandlers(core: Pick<CommonPorts, 'store' | 'journal'>, desk: VideoDesk | null, video: VideoPorts | null): HandlerSlice<VideoMethods> {
  const unavailable = () => new StationFailure('VIDEO_SEGMENT_NOT_FOUND', 'This station keeps no packing video.');
  return {
    'video.settings': (_input, call) => desk?.settings(call.stationId) ?? DEFAULT_VIDEO_SETTINGS,
    'video.settings.set': (changes, call) => {
      if (!desk || !video) throw unavailable();
      const next: VideoSettings = { ...desk.settings(call.stationId), ...changes };
      if (next.mode === 'nvr' && !next.nvr)
        throw new StationFailure('NVR_TEMPLATE_INVALID', 'NVR mode needs a camera id and a playback URL template.', { reason: 'missing' });
      const problem = next.nvr ? templateProblem(next.nvr.urlTemplate) : null;
      if (problem) throw new StationFailure('NVR_TEMPLATE_INVALID', `The NVR playback template cannot be used: ${problem}.`, { reason: problem });
      core.store.transaction(() => {
        video.segments.saveSettings(call.stationId, next);
        core.journal.append({
          type: 'video.settings',
          stationId: call.stationId,
          actorId: call.user?.id ?? null,
          subject: { kind: 'station', id: call.stationId },
          payload: { ...next },
        });
      });
      return next;
    },
    'video.start': ({ mimeType, ...owner }, call) => (desk ? desk.start(call, asOwner(owner), mimeType) : { mode: 'off' }),
    'video.chunk': ({ segmentId, index, ms, data }, call) => {
      if (!desk) throw unavailable();
      return desk.chunk(call, segmentId, index, ms, Buffer.from(data, 'base64'));
    },
    'video.stop': ({ segmentId }, call) => {
      if (!desk) throw unavailable();
      return desk.stop(call, segmentId);
    },
    'video.problem': ({ problem, detail, ...owner }, call) => ({ policy: desk ? desk.problem(call, asOwner(owner), problem, detail) : 'warn' }),
  };
}
