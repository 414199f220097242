import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScanOutcomeView } from '../../../../../src/contract/packing';
import { mugView } from '../../../../support/packing-view';
import { usePackStore } from '../../../../../renderer/features/pack/packStore';

/** Order PD-1 with `packed` of its 3 mugs packed. */
const view = (packed: number) => mugView(packed, 3);

// Taken before the fake timers: the panels' own task (a MessageChannel message) still needs a real turn.
const realTimeout = globalThis.setTimeout;
/** The next paint (without frames here, its 100 ms fallback), then the task the panels wait for. */
async function nextPaint(): Promise<void> {
  vi.advanceTimersByTime(100);
  await new Promise((resolve) => realTimeout(resolve, 10));
}

const accepted: ScanOutcomeView = { verdict: 'accepted', sku: 'MUG-01', name: 'Mug', units: 1 } as ScanOutcomeView;
const packed = () => usePackStore.getState().panels.view?.lines[0]?.packed;

describe("the packing screen's panels after a scan", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    usePackStore.getState().reset();
    usePackStore.getState().showView(view(0));
  });
  afterEach(() => {
    usePackStore.getState().reset();
    vi.useRealTimers();
  });

  it('show the scan one frame after its verdict, which goes by the new view at once', async () => {
    usePackStore.getState().showOutcome(accepted, view(1), true);
    expect(usePackStore.getState().shown?.outcome?.verdict).toBe('accepted');
    expect(usePackStore.getState().view?.lines[0]?.packed).toBe(1);
    expect(packed()).toBe(0);
    // Without frames (no window here) the wait for the next paint ends by itself.
    await nextPaint();
    expect(packed()).toBe(1);
    expect(usePackStore.getState().panels.view).toBe(usePackStore.getState().view);
  });

  it('never go back to an older scan when two answers come before a frame', async () => {
    usePackStore.getState().showOutcome(accepted, view(1), false);
    usePackStore.getState().showOutcome(accepted, view(2), false);
    await nextPaint();
    expect(packed()).toBe(2);
  });

  it('follow any other change at once, and a later scan answer does not undo it', async () => {
    usePackStore.getState().showOutcome(accepted, view(1), false);
    usePackStore.getState().showView(view(3));
    expect(packed()).toBe(3);
    await nextPaint();
    expect(packed()).toBe(3);
  });

  it('mark the line of the scan with the panels, a frame after the verdict, and unmark it at once for a notice', async () => {
    usePackStore.getState().showOutcome(accepted, view(1), false);
    expect(usePackStore.getState().panels.scannedSku).toBeNull();
    await nextPaint();
    expect(usePackStore.getState().panels.scannedSku).toBe('MUG-01');
    usePackStore.getState().notify('weighed');
    expect(usePackStore.getState().panels.scannedSku).toBeNull();
  });
});
