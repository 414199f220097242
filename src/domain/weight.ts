export interface WeightTolerance {
  grams: number;
  percent: number;
}

export interface WeightCheck {
  ok: boolean;
  expectedGrams: number;
  actualGrams: number;
  /** The larger of the fixed and the relative tolerance: small parcels get grams, heavy ones percent. */
  allowedGrams: number;
  deviationGrams: number;
}

export function checkWeight(expectedGrams: number, actualGrams: number, tolerance: WeightTolerance): WeightCheck {
  const allowedGrams = Math.max(tolerance.grams, Math.round((expectedGrams * tolerance.percent) / 100));
  const deviationGrams = actualGrams - expectedGrams;
  return { ok: Math.abs(deviationGrams) <= allowedGrams, expectedGrams, actualGrams, allowedGrams, deviationGrams };
}
