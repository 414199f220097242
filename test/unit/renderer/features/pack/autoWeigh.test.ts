import { describe, expect, it } from 'vitest';
import type { PackingView, ScaleReadingView } from '../../../../../src/contract/packing';
import { autoWeigh, FORGOTTEN, type AutoWeighMemory } from '../../../../../renderer/features/pack/autoWeigh';

const TOLERANCE = { grams: 50, percent: 5 };

type Parcel = PackingView['parcels'][number];

function view(parcel: Partial<Parcel> = {}, extra: Partial<PackingView> = {}): PackingView {
  const boxed: Parcel = {
    no: 1,
    boxCode: 'K1',
    tareGrams: 120,
    expectedGrams: 820,
    weightGrams: null,
    weightSource: null,
    weightOk: null,
    units: 2,
    ...parcel,
  };
  return { sessionId: 7, parcels: [boxed], activeParcel: 1, pending: null, ...extra } as PackingView;
}

const stable = (grams: number): ScaleReadingView => ({ status: 'stable', grams, stable: true, at: '2026-11-20T08:00:00Z' });
const moving = (grams: number): ScaleReadingView => ({ status: 'in_motion', grams, stable: false, at: '2026-11-20T08:00:00Z' });
const zero: ScaleReadingView = { status: 'zero', grams: 0, stable: true, at: '2026-11-20T08:00:00Z' };

/** Feeds readings one after another, as the scale sends them; returns the parcels weighed. */
function feed(readings: ScaleReadingView[], views: PackingView | PackingView[] = view(), start: AutoWeighMemory = { sessionId: 7, taken: null }) {
  let memory = start;
  const weighed: (number | null)[] = [];
  readings.forEach((reading, i) => {
    const current = Array.isArray(views) ? views[Math.min(i, views.length - 1)]! : views;
    const step = autoWeigh(memory, current, { reading, loaded: true }, TOLERANCE);
    memory = step.memory;
    weighed.push(step.weigh);
  });
  return weighed;
}

describe('weighing the parcel by itself', () => {
  it('weighs the boxed parcel once on a settled reading, never while it moves', () => {
    expect(feed([moving(840), moving(800), stable(830), stable(830), stable(831)])).toEqual([null, null, 1, null, null]);
  });

  it('weighs only a parcel with its box and something in it, not yet weighed, with no question open', () => {
    expect(feed([stable(830)], view({ boxCode: null }))).toEqual([null]);
    expect(feed([stable(830)], view({ units: 0 }))).toEqual([null]);
    expect(feed([stable(830)], view({ weightGrams: 800, weightSource: 'scale', weightOk: true }))).toEqual([null]);
    expect(feed([stable(830)], view({}, { pending: { kind: 'error', verdict: 'wrong_item' } }))).toEqual([null]);
  });

  it('never weighs a zero, a fault or an overweight plate', () => {
    expect(feed([zero, { status: 'overweight', grams: null, stable: false, at: 'x' }, { status: 'fault', grams: null, stable: false, at: 'x' }])).toEqual([
      null,
      null,
      null,
    ]);
    expect(autoWeigh({ sessionId: 7, taken: null }, view(), { reading: stable(830), loaded: false }, TOLERANCE).weigh).toBeNull();
  });

  it('weighs the same parcel again only after the weight moved by more than the tolerance or the plate was emptied', () => {
    // The box changed after weighing (the weight is cleared) but the same parcel lies there: no second weighing.
    const cleared = [view(), view({ weightGrams: 830, weightSource: 'scale', weightOk: true }), view()];
    expect(feed([stable(830), stable(830), stable(860)], cleared)).toEqual([1, null, null]);
    expect(feed([stable(830), stable(830), stable(900)], cleared)).toEqual([1, null, 1]);
    expect(feed([stable(830), stable(830), zero, stable(830)], cleared)).toEqual([1, null, null, 1]);
  });

  it('does not take what lay on the plate when the order came up for this order’s parcel', () => {
    expect(feed([stable(830), stable(830)], view(), FORGOTTEN)).toEqual([null, null]);
    expect(feed([stable(830), moving(400), stable(450)], view(), FORGOTTEN)).toEqual([null, null, 1]);
    expect(feed([zero, stable(830)], view(), FORGOTTEN)).toEqual([null, 1]);
  });

  it('counts a weight taken with F6 as taken', () => {
    const f6 = [view(), view({ weightGrams: 830, weightSource: 'scale', weightOk: true }), view()];
    expect(feed([moving(830), stable(830), stable(830)], f6)).toEqual([null, null, null]);
  });
});
