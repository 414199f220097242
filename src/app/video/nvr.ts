import { StationFailure } from '../../contract/errors';

export interface PlaybackRange {
  cameraId: string;
  start: Date;
  end: Date;
}

/** ISO 8601 UTC to the second, e.g. 2026-11-20T08:00:00Z. */
const iso = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;
/** The basic format many NVRs take in RTSP playback URLs, e.g. 20261120T080000Z. */
const compact = (d: Date) => iso(d).replace(/[-:]/g, '');
const epoch = (d: Date) => String(Math.floor(d.getTime() / 1000));

const PLACEHOLDERS: Record<string, (r: PlaybackRange) => string> = {
  camera: (r) => r.cameraId,
  start: (r) => iso(r.start),
  end: (r) => iso(r.end),
  startCompact: (r) => compact(r.start),
  endCompact: (r) => compact(r.end),
  startEpoch: (r) => epoch(r.start),
  endEpoch: (r) => epoch(r.end),
};

const ALLOWED_SCHEMES = ['rtsp:', 'rtsps:', 'https:', 'http:'];
const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** Why a template cannot be used, or null; checked when a manager saves it, not when a parcel is packed. */
export function templateProblem(template: string): string | null {
  for (const [, name] of template.matchAll(PLACEHOLDER)) {
    if (!name || !Object.hasOwn(PLACEHOLDERS, name))
      return `unknown placeholder {${name}}; use ${Object.keys(PLACEHOLDERS)
        .map((p) => `{${p}}`)
        .join(', ')}`;
  }
  let url: URL;
  try {
    url = new URL(template.replace(PLACEHOLDER, 'x'));
  } catch {
    return 'it is not a URL';
  }
  if (!ALLOWED_SCHEMES.includes(url.protocol)) return `the scheme ${url.protocol} is not one of ${ALLOWED_SCHEMES.join(' ')}`;
  return null;
}

/** The NVR's playback link for one packing session; values are URL-encoded, so a camera id cannot change the link's shape. */
export function playbackUrl(template: string, range: PlaybackRange): string {
  const problem = templateProblem(template);
  if (problem) throw new StationFailure('NVR_TEMPLATE_INVALID', `The NVR playback template cannot be used: ${problem}.`, { reason: problem });
  return template.replace(PLACEHOLDER, (_, name: string) => encodeURIComponent(PLACEHOLDERS[name]!(range)));
}
