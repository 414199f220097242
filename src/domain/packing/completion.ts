import { checkWeight, type WeightTolerance } from '../weight';
import { expectedParcelGrams } from './parcels';
import { lineComplete, packedOnLine } from './progress';
import type { Override, PackingState } from './session';

export interface CompletionRules {
  tolerance: WeightTolerance;
  /** Stations without a scale complete without weighing. */
  requireWeight: boolean;
}

export type Blocker =
  | { kind: 'pending' }
  | { kind: 'nothing_packed' }
  | { kind: 'lines_incomplete'; lineIds: number[] }
  | { kind: 'parcel_empty'; parcel: number }
  | { kind: 'box_missing'; parcel: number }
  | { kind: 'weight_missing'; parcel: number }
  | { kind: 'weight_out_of_tolerance'; parcel: number; expectedGrams: number; actualGrams: number; allowedGrams: number };

/** Which override lifts which blocker: a partial shipment covers missing items, force-complete a failed check. */
const LIFTED_BY: Record<Blocker['kind'], Override['kind'] | null> = {
  pending: null,
  nothing_packed: null,
  parcel_empty: null,
  lines_incomplete: 'partial',
  box_missing: 'force_complete',
  weight_missing: 'force_complete',
  weight_out_of_tolerance: 'force_complete',
};

export function overrideFor(blocker: Blocker): Override['kind'] | null {
  return LIFTED_BY[blocker.kind];
}

/** Everything that stands between this parcel and "complete", before overrides. */
export function completionBlockers(state: PackingState, rules: CompletionRules): Blocker[] {
  const blockers: Blocker[] = [];
  if (state.pending) blockers.push({ kind: 'pending' });
  if (state.units.length === 0) blockers.push({ kind: 'nothing_packed' });
  const open = state.lines.filter((line) => !lineComplete(state, line)).map((line) => line.lineId);
  if (open.length > 0) blockers.push({ kind: 'lines_incomplete', lineIds: open });
  for (const parcel of state.parcels) {
    if (!state.units.some((u) => u.parcelNo === parcel.no)) {
      blockers.push({ kind: 'parcel_empty', parcel: parcel.no });
      continue;
    }
    if (parcel.boxCode === null) blockers.push({ kind: 'box_missing', parcel: parcel.no });
    if (!rules.requireWeight) continue;
    if (parcel.weightGrams === null) {
      blockers.push({ kind: 'weight_missing', parcel: parcel.no });
      continue;
    }
    const check = checkWeight(expectedParcelGrams(state, parcel), parcel.weightGrams, rules.tolerance);
    if (!check.ok) {
      blockers.push({
        kind: 'weight_out_of_tolerance',
        parcel: parcel.no,
        expectedGrams: check.expectedGrams,
        actualGrams: check.actualGrams,
        allowedGrams: check.allowedGrams,
      });
    }
  }
  return blockers;
}

/** Blockers still standing once the session's overrides are taken into account. */
export function remainingBlockers(state: PackingState, rules: CompletionRules): Blocker[] {
  const granted = new Set(state.overrides.map((o) => o.kind));
  return completionBlockers(state, rules).filter((b) => {
    const lift = overrideFor(b);
    return lift === null || !granted.has(lift);
  });
}

export interface ShippedLine {
  lineId: number;
  sku: string;
  name: string;
  ordered: number;
  shipped: number;
  backordered: number;
}

export function shippedLines(state: PackingState): ShippedLine[] {
  return state.lines.map((line) => {
    const shipped = Math.min(line.ordered, packedOnLine(state, line));
    return { lineId: line.lineId, sku: line.sku, name: line.name, ordered: line.ordered, shipped, backordered: line.ordered - shipped };
  });
}
