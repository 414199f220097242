import type { PackingState, Parcel } from './session';

export function expectedParcelGrams(state: PackingState, parcel: Parcel): number {
  let grams = parcel.tareGrams;
  for (const unit of state.units) if (unit.parcelNo === parcel.no) grams += unit.weightGrams;
  return grams;
}

/** Opens another parcel for the order; the next scans go into it. */
export function addParcel(state: PackingState): PackingState {
  const no = Math.max(...state.parcels.map((p) => p.no)) + 1;
  return { ...state, parcels: [...state.parcels, { no, boxCode: null, tareGrams: 0, weightGrams: null, weightSource: null }], activeParcel: no };
}

export function activateParcel(state: PackingState, no: number): PackingState | null {
  return state.parcels.some((p) => p.no === no) ? { ...state, activeParcel: no } : null;
}

export function chooseBox(state: PackingState, no: number, box: { code: string; tareGrams: number }): PackingState | null {
  if (!state.parcels.some((p) => p.no === no)) return null;
  // A new box changes the expected weight, so an earlier weighing no longer says anything.
  const parcels = state.parcels.map((p) => (p.no === no ? { ...p, boxCode: box.code, tareGrams: box.tareGrams, weightGrams: null, weightSource: null } : p));
  return { ...state, parcels };
}

/** Moves one scan's units to another parcel; both parcels must be weighed again. */
export function moveUnit(state: PackingState, unitId: number, toParcel: number): PackingState | null {
  const unit = state.units.find((u) => u.id === unitId);
  if (!unit || !state.parcels.some((p) => p.no === toParcel)) return null;
  const touched = new Set([unit.parcelNo, toParcel]);
  return {
    ...state,
    units: state.units.map((u) => (u.id === unitId ? { ...u, parcelNo: toParcel } : u)),
    parcels: state.parcels.map((p) => (touched.has(p.no) ? { ...p, weightGrams: null, weightSource: null } : p)),
  };
}

/** Removes an empty parcel (never the only one). */
export function removeParcel(state: PackingState, no: number): PackingState | null {
  if (state.parcels.length === 1 || state.units.some((u) => u.parcelNo === no)) return null;
  const parcels = state.parcels.filter((p) => p.no !== no);
  const activeParcel = state.activeParcel === no ? parcels[0]!.no : state.activeParcel;
  return { ...state, parcels, activeParcel };
}

export function recordWeight(state: PackingState, no: number, grams: number, source: 'scale' | 'manual'): PackingState | null {
  if (!state.parcels.some((p) => p.no === no)) return null;
  return { ...state, parcels: state.parcels.map((p) => (p.no === no ? { ...p, weightGrams: grams, weightSource: source } : p)) };
}
