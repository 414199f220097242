import { PACE_SCANS_KEPT, type LearnedPace, type ScanPace, type WedgeDetector } from './wedge';

/**
 * The pace a station's wedge scanner has shown (wedge.ts learns it from its scans), kept in the
 * browser per station, so a reload or a restart does not forget a slow scanner and take its
 * scans into a text field for typing until it has scanned a few times again.
 */
export const PACE_KEY_PREFIX = 'packdesk.scanner.pace.';

/** Longer gaps are not a scanner's (the detector's slowest setting is 1 s). */
const MAX_GAP_MS = 1000;

/** How long learning waits before it is written: a burst of scans is written once. */
const SAVE_AFTER_MS = 250;

export function paceKey(stationId: string): string {
  return `${PACE_KEY_PREFIX}${stationId}`;
}

/** A stored pace read back, or null when it is missing or not what this code writes: a bad one is never used. */
export function parseLearnedPace(raw: unknown): LearnedPace | null {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > PACE_SCANS_KEPT) return null;
  const scans: ScanPace[] = [];
  for (const item of raw as unknown[]) {
    if (typeof item !== 'object' || item === null) return null;
    const { longest, median } = item as Record<string, unknown>;
    if (!isGap(longest) || !isGap(median) || median > longest) return null;
    scans.push({ longest, median });
  }
  return scans;
}

export function loadLearnedPace(storage: Pick<Storage, 'getItem'>, stationId: string): LearnedPace | null {
  try {
    const text = storage.getItem(paceKey(stationId));
    return text ? parseLearnedPace(JSON.parse(text)) : null;
  } catch {
    return null;
  }
}

export function saveLearnedPace(storage: Pick<Storage, 'setItem'>, stationId: string, pace: LearnedPace): void {
  try {
    storage.setItem(paceKey(stationId), JSON.stringify(pace));
  } catch {
    // Storage full or switched off: the pace is learned again from the next scans.
  }
}

/**
 * Keeps `detector`'s learned pace for the station it scans at: restores the pace stored for the
 * station, then stores it again whenever scans teach more. Call again when the station changes;
 * returns the function that stops keeping it.
 */
export function keepPace(detector: WedgeDetector, storage: Pick<Storage, 'getItem' | 'setItem'>, stationId: string): () => void {
  const learnedHere = detector.learnedPace().length > 0;
  const stored = loadLearnedPace(storage, stationId);
  if (stored) detector.restorePace(stored);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    timer = undefined;
    saveLearnedPace(storage, stationId, detector.learnedPace());
  };
  // Written a moment later, off the key that ended the scan.
  detector.onLearned = () => {
    timer ??= setTimeout(save, SAVE_AFTER_MS);
  };
  // Scans made before the station was known count for it too.
  if (learnedHere) save();
  return () => {
    detector.onLearned = null;
    if (timer !== undefined) {
      clearTimeout(timer);
      save();
    }
  };
}

function isGap(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_GAP_MS;
}
