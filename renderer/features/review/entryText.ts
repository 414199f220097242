/** Entries are said in words by the core (src/domain/journal-text.ts); the screen only places them on the clip. */
import type { VideoSegmentView } from '../../../src/contract/video';

/** Where in which clip an entry happened: the clip that covers its moment, else the nearest one before it. */
export function clipMoment<S extends VideoSegmentView>(segments: readonly S[], at: string): { segment: S; seconds: number } | null {
  const moment = Date.parse(at);
  const playable = segments.filter((s) => s.kind === 'webcam' && s.status !== 'deleted');
  let best: S | null = null;
  for (const segment of playable) {
    const start = Date.parse(segment.startedAt);
    const end = segment.endedAt ? Date.parse(segment.endedAt) : Number.POSITIVE_INFINITY;
    if (moment >= start && moment <= end) {
      best = segment;
      break;
    }
    if (start <= moment && (!best || start > Date.parse(best.startedAt))) best = segment;
  }
  best ??= playable[0] ?? null;
  if (!best) return null;
  const start = Date.parse(best.startedAt);
  const end = best.endedAt ? Date.parse(best.endedAt) : moment;
  return { segment: best, seconds: Math.max(0, Math.min(moment, end) - start) / 1000 };
}
