import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from '../../../../renderer/components/afterPaint';

/** Frames by hand: each `frame()` runs the callbacks requestAnimationFrame was given since the last. */
function frames() {
  let queued: (() => void)[] = [];
  vi.stubGlobal('requestAnimationFrame', (fn: () => void) => queued.push(fn));
  return {
    get asked() {
      return queued.length;
    },
    frame() {
      const now = queued;
      queued = [];
      for (const fn of now) fn();
    },
  };
}

/** The tasks posted meanwhile (MessageChannel) have run. */
const tasksRun = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

describe('after the next paint', () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it('runs everything that waits for the same frame from one frame callback, in the order asked, after the frame', async () => {
    const clock = frames();
    const ran: string[] = [];
    afterNextPaint(() => ran.push('sound'));
    afterNextPaint(() => ran.push('timing'));
    afterNextPaint(() => ran.push('panels'));
    expect(clock.asked).toBe(1);
    await tasksRun();
    expect(ran).toEqual([]);
    clock.frame();
    expect(ran).toEqual([]);
    await tasksRun();
    expect(ran).toEqual(['sound', 'timing', 'panels']);
  });

  it('keeps what is asked for once the frame has begun for the frame after it', async () => {
    const clock = frames();
    const ran: string[] = [];
    afterNextPaint(() => ran.push('first'));
    clock.frame();
    afterNextPaint(() => ran.push('second'));
    await tasksRun();
    expect(ran).toEqual(['first']);
    expect(clock.asked).toBe(1);
    clock.frame();
    await tasksRun();
    expect(ran).toEqual(['first', 'second']);
  });

  it('still runs, once, on a page that gets no frames', async () => {
    const clock = frames();
    const ran: string[] = [];
    afterNextPaint(() => ran.push('late'));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(ran).toEqual(['late']);
    clock.frame();
    await tasksRun();
    expect(ran).toEqual(['late']);
    afterNextPaint(() => ran.push('next'));
    expect(clock.asked).toBe(1);
    clock.frame();
    await tasksRun();
    expect(ran).toEqual(['late', 'next']);
  });

  it('runs the others when one of them fails, and the failure stays loud', async () => {
    const clock = frames();
    const ran: string[] = [];
    const failures: unknown[] = [];
    const onUncaught = (error: unknown) => failures.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      afterNextPaint(() => {
        throw new Error('sound failed');
      });
      afterNextPaint(() => ran.push('timing'));
      clock.frame();
      await tasksRun();
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(ran).toEqual(['timing']);
    expect(failures).toEqual([new Error('sound failed')]);
  });
});
