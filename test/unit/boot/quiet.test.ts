import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { repeat } from '../../../src/boot/housekeeping';
import { quietTime } from '../../../src/boot/quiet';
import { countStatisticsAhead } from '../../../src/boot/statistics';

const silent = { info: () => {}, warn: () => {}, error: () => {} };

describe('background work in a quiet moment', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const quiet = () => quietTime({ quietMs: 300, maxWaitMs: 5_000, now: () => Date.now() });

  it('runs at once when nothing was written lately', () => {
    const time = quiet();
    const job = vi.fn();
    time.whenQuiet(job);
    expect(job).toHaveBeenCalledTimes(1);
  });

  it('waits while scans keep coming and runs once they pause', () => {
    const time = quiet();
    const job = vi.fn();
    time.touch();
    time.whenQuiet(job);
    // A scan every 200 ms: never 300 ms without a write.
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(200);
      expect(job).not.toHaveBeenCalled();
      time.touch();
    }
    vi.advanceTimersByTime(299);
    expect(job).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(job).toHaveBeenCalledTimes(1);
  });

  it('runs after waiting its longest on a host that is never quiet', () => {
    const time = quiet();
    const job = vi.fn();
    time.touch();
    time.whenQuiet(job);
    for (let elapsed = 0; elapsed < 4_900; elapsed += 100) {
      vi.advanceTimersByTime(100);
      time.touch();
    }
    expect(job).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(job).toHaveBeenCalledTimes(1);
  });

  it('does not run once cancelled', () => {
    const time = quiet();
    const job = vi.fn();
    time.touch();
    const cancel = time.whenQuiet(job);
    cancel();
    vi.advanceTimersByTime(10_000);
    expect(job).not.toHaveBeenCalled();
  });

  it('holds a repeated job (the WAL checkpoint) until the burst is over, once, and again at the next tick', () => {
    const time = quiet();
    const checkpoint = vi.fn();
    const stop = repeat('WAL checkpoint', 1_000, checkpoint, silent, time);
    try {
      // Scans every 100 ms across two ticks: the job waits, and the second tick does not queue it twice.
      for (let i = 0; i < 25; i++) {
        time.touch();
        vi.advanceTimersByTime(100);
      }
      expect(checkpoint).not.toHaveBeenCalled();
      vi.advanceTimersByTime(300);
      expect(checkpoint).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(1_000);
      expect(checkpoint).toHaveBeenCalledTimes(2);
    } finally {
      stop();
    }
  });

  it('stopping a repeated job cancels a run still waiting for its moment', () => {
    const time = quiet();
    const job = vi.fn();
    const stop = repeat('video housekeeping', 1_000, job, silent, time);
    vi.advanceTimersByTime(900);
    time.touch();
    vi.advanceTimersByTime(100);
    stop();
    vi.advanceTimersByTime(10_000);
    expect(job).not.toHaveBeenCalled();
  });

  it('counts statistics ahead one step per quiet moment', () => {
    const time = quiet();
    const steps: number[] = [];
    const stop = countStatisticsAhead({ countAhead: () => (steps.push(Date.now()), steps.length < 3) }, silent, time);
    try {
      vi.advanceTimersByTime(2_900);
      // Scanning when counting was due: no step until 300 ms after the last scan.
      for (let i = 0; i < 5; i++) {
        time.touch();
        vi.advanceTimersByTime(100);
      }
      expect(steps).toEqual([]);
      vi.advanceTimersByTime(200);
      expect(steps).toHaveLength(1);
      vi.advanceTimersByTime(1_000);
      expect(steps).toHaveLength(3);
    } finally {
      stop();
    }
  });
});
