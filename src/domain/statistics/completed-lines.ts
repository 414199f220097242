import type { CompletedLine, StatsLine } from './types';

/**
 * The order's lines a 'pack.completed' entry carries (payload.lines): the station writes them from
 * its catalogue when the order is packed; the station's statistics and central's count the
 * session from them, so both count it alike whatever either knows of the order later.
 */
export function completedLinesPayload(lines: readonly CompletedLine[]): CompletedLine[] {
  return lines.map(({ sku, quantity, kit, unitGrams, fragile }) => ({ sku, quantity, kit, unitGrams, fragile }));
}

const isLine = (v: unknown): v is CompletedLine => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const l = v as Record<string, unknown>;
  const count = typeof l.quantity === 'number' && Number.isSafeInteger(l.quantity) && l.quantity >= 0;
  const grams = typeof l.unitGrams === 'number' && Number.isFinite(l.unitGrams) && l.unitGrams >= 0;
  return typeof l.sku === 'string' && count && typeof l.kit === 'boolean' && grams && typeof l.fragile === 'boolean';
};

/**
 * The lines of a 'pack.completed' payload as the statistics read them, or null when it carries
 * none (an entry written before completions carried them) or they are not lines (never written
 * so: the caller then reads the order's lines as it did before). Product ids are the lines'
 * places: the station's own ids mean nothing elsewhere, and the statistics match lines by SKU.
 */
export function completedLines(payload: Record<string, unknown>): StatsLine[] | null {
  const lines = payload.lines;
  if (!Array.isArray(lines) || !lines.every(isLine)) return null;
  return completedLinesPayload(lines).map((line, i) => ({ productId: i + 1, ...line }));
}
