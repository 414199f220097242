import type { TimelineSegmentView } from '../../contract/review';
import type { JournalEntry } from '../ports/journal';
import type { VideoSegmentView } from '../../contract/video';

/** An entry as central answers it: the station's own entry, with the id central registered that station under. */
export type EntryAtCentral = JournalEntry & { centralStationId?: string; centralStationName?: string };

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const count = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/**
 * The clips other stations recorded of an order, from their replicated `video.segment` entries
 * that central answered (`elsewhere`, this station's own left out by the caller): one per station
 * and segment, its newest entry winning, each naming the station it plays from through central.
 * A clip is closed when its entry is written, so every one here is `closed`.
 */
export function remoteSegments(elsewhere: readonly EntryAtCentral[]): TimelineSegmentView[] {
  const byKey = new Map<string, TimelineSegmentView>();
  for (const entry of elsewhere) {
    if (entry.type !== 'video.segment' || !entry.centralStationId || entry.subject?.kind !== 'order') continue;
    const p = entry.payload;
    const id = count(p.segmentId);
    const startedAt = text(p.startedAt);
    if (id === null || startedAt === null) continue;
    const kind: VideoSegmentView['kind'] = p.kind === 'nvr' ? 'nvr' : 'webcam';
    byKey.set(`${entry.centralStationId}/${id}`, {
      id,
      sessionId: count(p.sessionId),
      returnNumber: text(p.returnNumber),
      orderNumber: entry.subject.id,
      stationId: entry.stationId,
      kind,
      status: 'closed',
      startedAt,
      endedAt: text(p.endedAt),
      bytes: count(p.bytes) ?? 0,
      sha256: text(p.sha256),
      cameraId: text(p.cameraId),
      playbackUrl: text(p.playbackUrl),
      recordedAt: entry.centralStationId,
      recordedAtName: entry.centralStationName ?? entry.centralStationId,
    });
  }
  return [...byKey.values()];
}
