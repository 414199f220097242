/**
 * The newest rows the packing screen keeps of what was scanned; earlier ones are counted in one
 * line (Order review lists every one). A 500-unit order would otherwise lay out 500 rows on every
 * scan.
 */
export const SHOWN_UNIT_ROWS = 40;

/** The newest `shown` units, newest first, and how many earlier ones are left out. */
export function newestUnitRows<T>(units: readonly T[], shown = SHOWN_UNIT_ROWS): { rows: T[]; earlier: number } {
  const rows = units.slice(-shown).reverse();
  return { rows, earlier: units.length - rows.length };
}
