import type { PackedUnit, PackingState, SessionLine } from './session';

function countOf(units: PackedUnit[], lineId: number, role: PackedUnit['role'], productId?: number): number {
  let n = 0;
  for (const u of units) if (u.lineId === lineId && u.role === role && (productId === undefined || u.productId === productId)) n += u.count;
  return n;
}

/**
 * Kits packed on a line: pre-assembled kits plus the whole kits its loose components make up.
 * A component beyond what the remaining kits need is an over-scan, so this never over-counts.
 */
export function packedOnLine(state: PackingState, line: SessionLine): number {
  if (!line.kitParts) return countOf(state.units, line.lineId, 'item');
  const assembled = countOf(state.units, line.lineId, 'kit');
  if (line.kitParts.length === 0) return assembled;
  const fromParts = Math.min(...line.kitParts.map((p) => Math.floor(countOf(state.units, line.lineId, 'part', p.productId) / p.perKit)));
  return assembled + fromParts;
}

/** How many kits on a line have at least one loose component in the parcel (complete or not). */
export function kitsStartedFromParts(state: PackingState, line: SessionLine): number {
  if (!line.kitParts) return 0;
  return Math.max(0, ...line.kitParts.map((p) => Math.ceil(countOf(state.units, line.lineId, 'part', p.productId) / p.perKit)));
}

/** Room left on a line for this many more units of a component (or of the item itself). */
export function roomFor(state: PackingState, line: SessionLine, role: PackedUnit['role'], productId: number): number {
  if (role === 'item') return line.ordered - countOf(state.units, line.lineId, 'item');
  const assembled = countOf(state.units, line.lineId, 'kit');
  if (role === 'kit') return line.ordered - assembled - kitsStartedFromParts(state, line);
  const part = line.kitParts?.find((p) => p.productId === productId);
  if (!part) return 0;
  return (line.ordered - assembled) * part.perKit - countOf(state.units, line.lineId, 'part', productId);
}

export function lineComplete(state: PackingState, line: SessionLine): boolean {
  if (packedOnLine(state, line) < line.ordered) return false;
  // A kit line with stray components (half a kit) is not done even if the count is reached.
  return !line.kitParts || line.kitParts.every((p) => roomFor(state, line, 'part', p.productId) === 0);
}

export function orderComplete(state: PackingState): boolean {
  return state.lines.every((line) => lineComplete(state, line));
}
