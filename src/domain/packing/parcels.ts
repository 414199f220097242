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

/** What went into one parcel, item by item: the order timeline's and the evidence report's summary. */
export interface ParcelContents {
  no: number;
  boxCode: string | null;
  weightGrams: number | null;
  weightSource: 'scale' | 'manual' | null;
  /** Expected from the items and the box's tare. */
  expectedGrams: number;
  items: { sku: string; name: string; count: number; serials: string[]; lots: string[] }[];
}

/** Each parcel of a packing session with the items in it, grouped by product in the order they were packed. */
export function parcelContents(state: PackingState): ParcelContents[] {
  const productOf = new Map<number, { sku: string; name: string }>();
  for (const line of state.lines) {
    productOf.set(line.productId, { sku: line.sku, name: line.name });
    for (const part of line.kitParts ?? []) productOf.set(part.productId, { sku: part.sku, name: part.name });
  }
  return state.parcels.map((parcel) => {
    const items = new Map<number, ParcelContents['items'][number]>();
    for (const unit of state.units.filter((u) => u.parcelNo === parcel.no)) {
      const product = productOf.get(unit.productId) ?? { sku: `#${unit.productId}`, name: `#${unit.productId}` };
      const item = items.get(unit.productId) ?? { ...product, count: 0, serials: [], lots: [] };
      item.count += unit.count;
      if (unit.serial) item.serials.push(unit.serial);
      if (unit.lot && !item.lots.includes(unit.lot)) item.lots.push(unit.lot);
      items.set(unit.productId, item);
    }
    return {
      no: parcel.no,
      boxCode: parcel.boxCode,
      weightGrams: parcel.weightGrams,
      weightSource: parcel.weightSource,
      expectedGrams: expectedParcelGrams(state, parcel),
      items: [...items.values()],
    };
  });
}
