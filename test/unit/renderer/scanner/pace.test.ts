import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepPace, loadLearnedPace, paceKey, parseLearnedPace } from '../../../../renderer/scanner/pace';
import { WedgeDetector } from '../../../../renderer/scanner/wedge';
import { SLOW_EAN13, SLOW_ORDER } from './recordings';
import { replay } from './replay';

/** The browser's localStorage as far as the scanner uses it. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the wedge scanner's learned pace, kept per station", () => {
  it('survives a reload: a slow scan into a text field is a scan at once, at the station that learned it only', () => {
    const storage = memoryStorage();
    const before = new WedgeDetector();
    keepPace(before, storage, 'ST-01');
    // A slow scanner scans where nobody types: the detector learns its pace.
    expect(replay(before, SLOW_ORDER).scans).toEqual([SLOW_ORDER.code]);
    // Written a moment after the scan, not on its last key.
    expect(storage.items.size).toBe(0);
    vi.advanceTimersByTime(300);
    expect(loadLearnedPace(storage, 'ST-01')).toEqual(before.learnedPace());

    // The page is reloaded: a new detector, the same station.
    const reloaded = new WedgeDetector();
    keepPace(reloaded, storage, 'ST-01');
    const known = replay(reloaded, SLOW_EAN13, { intoField: true, field: 'PD-1' });
    expect(known.scans).toEqual([SLOW_EAN13.code]);
    expect(known.field).toBe('PD-1');

    // Another station's page has not seen this scanner: the same keys are typing until it has.
    const elsewhere = new WedgeDetector();
    keepPace(elsewhere, storage, 'ST-02');
    const unknown = replay(elsewhere, SLOW_EAN13, { intoField: true });
    expect(unknown.scans).toEqual([]);
    expect(unknown.field).toBe(SLOW_EAN13.code);
  });

  it('keeps what was learned before the station was known, and writes what is still waiting when it stops', () => {
    const storage = memoryStorage();
    const detector = new WedgeDetector();
    replay(detector, SLOW_ORDER);
    const stop = keepPace(detector, storage, 'ST-01');
    expect(loadLearnedPace(storage, 'ST-01')).toHaveLength(1);
    replay(detector, SLOW_ORDER, { shift: 100_000 });
    stop();
    expect(loadLearnedPace(storage, 'ST-01')).toHaveLength(2);
  });

  it('never uses a stored pace it did not write: missing, malformed, out of range', () => {
    const storage = memoryStorage();
    for (const stored of [
      'not json',
      '{}',
      '[]',
      '[{"longest":50}]',
      '[{"longest":-1,"median":0}]',
      '[{"longest":20,"median":40}]',
      '[{"longest":5000,"median":40}]',
    ]) {
      storage.items.set(paceKey('ST-01'), stored);
      expect(loadLearnedPace(storage, 'ST-01')).toBeNull();
      const detector = new WedgeDetector();
      keepPace(detector, storage, 'ST-01');
      expect(detector.learnedPace()).toEqual([]);
    }
    expect(parseLearnedPace(Array.from({ length: 9 }, () => ({ longest: 60, median: 40 })))).toBeNull();
    expect(parseLearnedPace([{ longest: 60, median: 40 }])).toEqual([{ longest: 60, median: 40 }]);
  });
});
