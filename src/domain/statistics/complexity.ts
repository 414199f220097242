/** The factors that make an order take longer to pack, and the time they are expected to take. */

export const FACTORS = ['order', 'lines', 'units', 'serials', 'lots', 'kits', 'parcels', 'bulk', 'fragile', 'heavy'] as const;
export type Factor = (typeof FACTORS)[number];
export type Factors = Record<Factor, number>;

/**
 * Seconds per factor used until a station's own history is fitted (and for factors its history
 * cannot measure): a plain order of one unit, one line and one parcel is expected to take
 * 45 + 4 + 3 + 25 = 77 seconds.
 */
export const DEFAULT_SECONDS: Readonly<Factors> = {
  order: 45,
  lines: 4,
  units: 3,
  serials: 5,
  lots: 5,
  kits: 10,
  parcels: 25,
  bulk: 6,
  fragile: 8,
  heavy: 6,
};

/** A unit at least this heavy counts as heavy (it is lifted with care, often with two hands). */
export const HEAVY_UNIT_GRAMS = 5000;

export function zeroFactors(): Factors {
  return { order: 0, lines: 0, units: 0, serials: 0, lots: 0, kits: 0, parcels: 0, bulk: 0, fragile: 0, heavy: 0 };
}

/** Expected seconds of an order with these factors. */
export function expectedSeconds(factors: Factors, seconds: Readonly<Factors>): number {
  let total = 0;
  for (const f of FACTORS) total += factors[f] * seconds[f];
  return total;
}
