/**
 * What every family of entries needs to be said: the reader's words, the entry's payload, and the
 * phrases several families share (a product, a person, a scan). Names of people and products come
 * from the caller's lookups.
 */
import type { Language } from '../user';
import { VOCABULARY, formatGrams, num, str, word, type Vocabulary } from './words';

/** What the formatter reads of an entry: its type, payload and subject (the rest is shown beside it). */
export interface EntryForText {
  type: string;
  payload: Record<string, unknown>;
  subject?: { kind: string; id: string } | null;
  stationId?: string;
}

/** Names the formatter may look up; without them it says codes (a SKU, a user's number). */
export interface EntryTextContext {
  userName?(id: number): string | null;
  /** A product's name by its SKU or its id, whichever the entry carries. */
  productName?(ref: { sku?: string; productId?: number }): string | null;
}

/** One entry about to be said: its words, payload and the phrases several families share. */
export interface Say {
  entry: EntryForText;
  language: Language;
  v: Vocabulary;
  pl: boolean;
  p: Record<string, unknown>;
  grams(value: unknown): string;
  product(ref: { sku?: unknown; productId?: unknown }): string;
  person(id: unknown): string;
  subjectUser(): string;
  details(): string;
  scanned(): string;
}

/** A family's sentences: the entry said, or null when the type is not the family's. */
export type Family = (s: Say) => string | null;

export function createSay(entry: EntryForText, language: Language, context: EntryTextContext): Say {
  const v = VOCABULARY[language];
  const pl = language === 'pl';
  const p = entry.payload;
  const grams = (value: unknown) => (num(value) === null ? '?' : formatGrams(num(value)!, language));
  const product = (ref: { sku?: unknown; productId?: unknown }): string => {
    const sku = str(ref.sku);
    const productId = num(ref.productId);
    const name = context.productName?.({ ...(sku ? { sku } : {}), ...(productId !== null ? { productId } : {}) }) ?? null;
    if (name && sku) return `${name} (${sku})`;
    return name ?? sku ?? (pl ? 'towar' : 'an item');
  };
  const person = (id: unknown): string => {
    const n = num(id) ?? (typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : null);
    if (n === null) return pl ? 'użytkownik' : 'a user';
    return context.userName?.(n) ?? `#${n}`;
  };
  const subjectUser = () => (entry.subject?.kind === 'user' ? person(entry.subject.id) : person(p.userId));
  const details = (): string => {
    const parts: string[] = [];
    if (str(p.serial)) parts.push(`${pl ? 'nr seryjny' : 'serial'} ${str(p.serial)}`);
    if (str(p.lot)) parts.push(`${pl ? 'partia' : 'lot'} ${str(p.lot)}`);
    if (str(p.expiry)) parts.push(`${pl ? 'ważne do' : 'expires'} ${str(p.expiry)}`);
    if (num(p.parcel) !== null && num(p.units) !== 0) parts.push(`${pl ? 'paczka' : 'parcel'} ${num(p.parcel)}`);
    return parts.length > 0 ? ` (${parts.join(', ')})` : '';
  };
  const scanned = (): string => {
    const raw = str(p.raw);
    const units = num(p.units) ?? 0;
    const what = str(p.sku) ? product(p) : null;
    const code = raw ? (pl ? `kod „${raw}”` : `code “${raw}”`) : null;
    const head = pl ? 'Zeskanowano' : 'Scanned';
    const thing = [what, code].filter(Boolean).join(', ') || (pl ? 'kod' : 'a code');
    const count = units > 1 ? ` × ${units}` : '';
    return `${head} ${thing}${count}: ${word(v.verdicts, p.verdict)}${details()}.`;
  };

  return { entry, language, v, pl, p, grams, product, person, subjectUser, details, scanned };
}

export function languageName(code: string, reader: Language): string {
  const names: Record<Language, Record<string, string>> = { en: { en: 'English', pl: 'Polish' }, pl: { en: 'angielski', pl: 'polski' } };
  return names[reader][code] ?? code;
}
