import type { Language } from '../user';
import { EN } from './words-en';
import { PL } from './words-pl';

export type Words = Record<string, string>;

export interface Vocabulary {
  types: Words;
  verdicts: Words;
  documents: Words;
  roles: Words;
  logoutReasons: Words;
  overrideKinds: Words;
  orderStatus: Words;
  cameraProblems: Words;
  videoModes: Words;
  videoPolicies: Words;
  syncFlags: Words;
  /** What of an order the shop changed (sync.details_changed). */
  orderDetailParts: Words;
  outboxTypes: Words;
  printerKinds: Words;
  deleteReasons: Words;
  source: Words;
  questions: Words;
  unknownType: string;
}

export const VOCABULARY: Record<Language, Vocabulary> = { en: EN, pl: PL };

/** Every entry type the station writes, in the order a manager picks them from a list. */
export const ENTRY_TYPES: readonly string[] = Object.keys(EN.types);

export const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null);
export const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** A word for a raw value from a table, never the raw value itself: unknown ones are humanised. */
export function word(table: Words, value: unknown): string {
  const key = str(value);
  if (key === null) return '—';
  return table[key] ?? key.replace(/[._]+/g, ' ');
}

/** Grams as the scale shows them, grouped as the reader writes numbers: "8,701 g" (EN), "8 701 g" (PL). */
export function formatGrams(grams: number, language: Language): string {
  return `${Math.round(grams).toLocaleString(language === 'pl' ? 'pl-PL' : 'en-GB', { useGrouping: true })} g`;
}
