import type { PackingView, ScaleReadingView } from '../../../src/contract/packing';
import { checkWeight, type WeightTolerance } from '../../../src/domain/weight';

/**
 * What the screen remembers between scale readings: the order it has seen, and the weight last
 * taken off the plate (weighed, or already lying there when the order came up). A stable reading
 * within the tolerance of it is that same parcel, not a new one to weigh.
 */
export interface AutoWeighMemory {
  sessionId: number | null;
  taken: number | null;
}

export const FORGOTTEN: AutoWeighMemory = { sessionId: null, taken: null };

/** The grams of a reading the scale stands behind: settled, and something on the plate. */
function settledGrams(reading: ScaleReadingView | null): number | null {
  if (!reading || reading.status !== 'stable' || !reading.stable || reading.grams === null || reading.grams <= 0) return null;
  return reading.grams;
}

function plateEmpty(reading: ScaleReadingView | null): boolean {
  return reading !== null && (reading.status === 'zero' || (reading.grams !== null && reading.grams <= 0));
}

/**
 * Whether to weigh the active parcel by itself, now. Only the parcel being packed, with its box and
 * something in it but no weight yet, on a settled non-zero reading; and only once per weight: after
 * that the reading must move by more than the tolerance, or the plate be emptied, before it counts
 * again. Whatever lay on the plate when the order came up is not this order's parcel. Pure: the
 * caller keeps the memory it returns.
 */
export function autoWeigh(
  memory: AutoWeighMemory,
  view: PackingView,
  scale: { reading: ScaleReadingView | null; loaded: boolean },
  tolerance: WeightTolerance,
): { memory: AutoWeighMemory; weigh: number | null } {
  if (!scale.loaded) return { memory, weigh: null };
  const grams = settledGrams(scale.reading);
  if (memory.sessionId !== view.sessionId) return { memory: { sessionId: view.sessionId, taken: grams }, weigh: null };
  if (plateEmpty(scale.reading)) return { memory: { ...memory, taken: null }, weigh: null };
  const parcel = view.parcels.find((p) => p.no === view.activeParcel);
  if (!parcel) return { memory, weigh: null };
  // A weight taken by hand (F6) is the parcel on the plate as much as one taken here.
  if (parcel.weightGrams !== null) return { memory: parcel.weightSource === 'scale' ? { ...memory, taken: parcel.weightGrams } : memory, weigh: null };
  if (grams === null || parcel.boxCode === null || parcel.units === 0 || view.pending !== null) return { memory, weigh: null };
  const allowed = checkWeight(parcel.expectedGrams, parcel.expectedGrams, tolerance).allowedGrams;
  if (memory.taken !== null && Math.abs(grams - memory.taken) <= allowed) return { memory, weigh: null };
  return { memory: { ...memory, taken: grams }, weigh: parcel.no };
}
