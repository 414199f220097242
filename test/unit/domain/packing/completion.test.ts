import { describe, expect, it } from 'vitest';
import {
  addParcel,
  applyScan,
  chooseBox,
  completionBlockers,
  expectedParcelGrams,
  moveUnit,
  recordWeight,
  remainingBlockers,
  removeParcel,
  shippedLines,
  startPacking,
  type PackingState,
} from '../../../../src/domain/packing';
import { checkWeight } from '../../../../src/domain/weight';
import { MUG, product, rules } from './fixtures';

const completion = { tolerance: { grams: 50, percent: 5 }, requireWeight: true };

function twoMugs(): PackingState {
  let state = startPacking(1, 'PD-2', [
    { lineId: 1, productId: MUG, sku: 'MUG', name: 'Mug', ordered: 2, weightGrams: 350, tracking: 'none', refuseExpired: false, kitParts: null },
  ]);
  state = applyScan(state, product(MUG), 'm', rules()).state;
  return applyScan(state, product(MUG), 'm', rules()).state;
}

describe('weight tolerance', () => {
  it('uses grams for light parcels and percent for heavy ones', () => {
    expect(checkWeight(500, 549, { grams: 50, percent: 5 }).ok).toBe(true);
    expect(checkWeight(500, 551, { grams: 50, percent: 5 }).ok).toBe(false);
    expect(checkWeight(10_000, 10_450, { grams: 50, percent: 5 })).toMatchObject({ ok: true, allowedGrams: 500 });
  });
});

describe('completing a packing session', () => {
  it('blocks until a box is chosen and the parcel weighs what it should', () => {
    let state = twoMugs();
    expect(completionBlockers(state, completion).map((b) => b.kind)).toEqual(['box_missing', 'weight_missing']);
    state = chooseBox(state, 1, { code: 'K1', tareGrams: 120 })!;
    expect(expectedParcelGrams(state, state.parcels[0]!)).toBe(820);
    state = recordWeight(state, 1, 1000, 'scale')!;
    expect(completionBlockers(state, completion)).toEqual([
      { kind: 'weight_out_of_tolerance', parcel: 1, expectedGrams: 820, actualGrams: 1000, allowedGrams: 50 },
    ]);
    state = recordWeight(state, 1, 830, 'scale')!;
    expect(completionBlockers(state, completion)).toEqual([]);
  });

  it('lets a force-complete override lift failed checks but not missing items', () => {
    let state = twoMugs();
    state = { ...state, overrides: [{ kind: 'force_complete', managerId: 3, reason: 'scale broken', at: 'now' }] };
    expect(remainingBlockers(state, completion)).toEqual([]);
    const half = startPacking(1, 'PD-3', twoMugs().lines);
    const one = applyScan(half, product(MUG), 'm', rules()).state;
    const forced = { ...one, overrides: [{ kind: 'force_complete' as const, managerId: 3, reason: 'x', at: 'now' }] };
    expect(remainingBlockers(forced, completion).map((b) => b.kind)).toEqual(['lines_incomplete']);
    const partial = { ...forced, overrides: [...forced.overrides, { kind: 'partial' as const, managerId: 3, reason: 'out of stock', at: 'now' }] };
    expect(remainingBlockers(partial, completion)).toEqual([]);
    expect(shippedLines(partial)).toEqual([{ lineId: 1, sku: 'MUG', name: 'Mug', ordered: 2, shipped: 1, backordered: 1 }]);
  });

  it('splits units over parcels, re-weighing both, and refuses to leave a parcel empty', () => {
    let state = chooseBox(twoMugs(), 1, { code: 'K1', tareGrams: 120 })!;
    state = recordWeight(state, 1, 820, 'scale')!;
    state = addParcel(state);
    expect(state.activeParcel).toBe(2);
    expect(completionBlockers(state, completion).map((b) => b.kind)).toEqual(['parcel_empty']);
    state = moveUnit(state, 2, 2)!;
    expect(state.parcels.map((p) => p.weightGrams)).toEqual([null, null]);
    state = chooseBox(state, 2, { code: 'K1', tareGrams: 120 })!;
    state = recordWeight(recordWeight(state, 1, 470, 'scale')!, 2, 470, 'manual')!;
    expect(completionBlockers(state, completion)).toEqual([]);
    expect(removeParcel(state, 2)).toBeNull();
    expect(moveUnit(state, 99, 1)).toBeNull();
  });

  it('does not ask for weight at a station without a scale', () => {
    const state = chooseBox(twoMugs(), 1, { code: 'K1', tareGrams: 120 })!;
    expect(completionBlockers(state, { ...completion, requireWeight: false })).toEqual([]);
  });
});
