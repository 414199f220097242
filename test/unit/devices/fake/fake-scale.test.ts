import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import type { ScaleReading } from '../../../../src/app/ports/devices';
import { FakeScale } from '../../../../src/devices/fake/fake-scale';

const clock = { now: () => new Date('2025-03-04T10:15:00.000Z') };

function setup(settleMs = 400) {
  const scale = new FakeScale({ settleMs, clock });
  const readings: ScaleReading[] = [];
  scale.onReading((r) => readings.push(r));
  return { scale, readings, seen: () => readings.map((r) => [r.status, r.grams, r.stable]) };
}

describe('FakeScale', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads zero when started empty', () => {
    const { scale, readings } = setup();
    expect(scale.current()).toBeNull();
    scale.start();
    expect(scale.status()).toEqual({ state: 'connected', device: 'Fake scale', message: null });
    expect(readings).toEqual([{ status: 'zero', grams: 0, stable: true, raw: { unit: 'g', value: 0 }, at: '2025-03-04T10:15:00.000Z' }]);
  });

  it('wobbles in motion and settles to a stable weight after the settle time', () => {
    const { scale, seen } = setup(400);
    scale.start();
    scale.setWeight(1000);
    expect(scale.current()).toMatchObject({ status: 'in_motion', grams: 1020, stable: false });
    vi.advanceTimersByTime(200);
    expect(scale.current()).toMatchObject({ status: 'in_motion', grams: 990 });
    vi.advanceTimersByTime(199);
    expect(scale.current()?.stable).toBe(false);
    vi.advanceTimersByTime(1);
    expect(scale.current()).toMatchObject({ status: 'stable', grams: 1000, stable: true });
    expect(seen()).toEqual([
      ['zero', 0, true],
      ['in_motion', 1020, false],
      ['in_motion', 990, false],
      ['stable', 1000, true],
    ]);
  });

  it('starts over when the parcel is swapped before it settled', () => {
    const { scale, seen } = setup(400);
    scale.start();
    scale.setWeight(1000);
    vi.advanceTimersByTime(300);
    scale.setWeight(250);
    vi.advanceTimersByTime(1000);
    expect(seen().slice(-1)).toEqual([['stable', 250, true]]);
    expect(seen().filter(([status]) => status === 'stable')).toEqual([['stable', 250, true]]);
  });

  it('settles at once with settleMs 0 and reads zero when emptied', () => {
    const { scale, seen } = setup(0);
    scale.start();
    scale.setWeight(480);
    scale.setWeight(0);
    expect(seen()).toEqual([
      ['zero', 0, true],
      ['stable', 480, true],
      ['zero', 0, true],
    ]);
  });

  it('reads under zero for a negative weight and hides weights the scale cannot vouch for', () => {
    const { scale } = setup(0);
    scale.start();
    scale.setWeight(-15);
    expect(scale.current()).toMatchObject({ status: 'under_zero', grams: null, stable: false });
    scale.setWeight(32000);
    scale.setStatus('overweight');
    expect(scale.current()).toMatchObject({ status: 'overweight', grams: null, raw: { unit: 'g', value: 32000 } });
    scale.setStatus('needs_rezero');
    expect(scale.current()?.grams).toBeNull();
  });

  it('stops reporting when stopped or unplugged, and cancels a settle under way', () => {
    const { scale, readings } = setup(400);
    scale.start();
    scale.setWeight(700);
    scale.disconnect('cable pulled');
    expect(scale.current()).toBeNull();
    expect(scale.status()).toEqual({ state: 'disconnected', device: 'Fake scale', message: 'cable pulled' });
    vi.advanceTimersByTime(1000);
    expect(readings.map((r) => r.status)).toEqual(['zero', 'in_motion']);
    scale.start();
    expect(scale.current()).toMatchObject({ status: 'stable', grams: 700 });
    scale.stop();
    scale.setWeight(100);
    vi.advanceTimersByTime(1000);
    expect(scale.current()).toBeNull();
    expect(scale.status().state).toBe('disconnected');
  });
});
