/**
 * Journal entries in words: the one formatter from an entry to a sentence in the reader's language
 * (EN, PL). The journal search, the order timeline and the evidence report all say an entry with
 * this, so the same entry reads the same everywhere, and no raw value (`wrong_item`,
 * `packing_slip`, `scale`) reaches a manager. Pure: names of people and products come from the
 * caller's lookups. One file per family of entries; a new entry type gets its sentence in its
 * family's file and its name in words-en.ts and words-pl.ts.
 */
import type { Language } from '../user';
import { CARRIER_ENTRY_TYPES, carrierEntryText } from './carriers';
import { describePacking } from './packing';
import { describePeople } from './people';
import { describeRecords } from './records';
import { describeReturns } from './returns';
import { createSay, type EntryForText, type EntryTextContext } from './say';
import { describeSettings } from './settings';
import { VOCABULARY, word } from './words';

export type { EntryForText, EntryTextContext } from './say';
export { ENTRY_TYPES, formatGrams } from './words';

const FAMILIES = [describePacking, describeRecords, describeSettings, describePeople, describeReturns];

/** One entry as a sentence, e.g. "Scanned Mug (MUG-01), code 0590…: wrong item: it is not in this order." */
export function describeEntry(entry: EntryForText, language: Language, context: EntryTextContext = {}): string {
  const say = createSay(entry, language, context);
  for (const family of FAMILIES) {
    const sentence = family(say);
    if (sentence !== null) return sentence;
  }
  const carrier = carrierEntryText(entry.type, entry.payload, language);
  if (carrier !== null) return carrier;
  return `${VOCABULARY[language].unknownType}: ${entry.type.replace(/[._]+/g, ' ')}.`;
}

/** The name of an entry type in the reader's language. */
export function entryTypeName(type: string, language: Language): string {
  const v = VOCABULARY[language];
  return v.types[type] ?? CARRIER_ENTRY_TYPES[language][type] ?? v.unknownType;
}

/** A document kind in words (`packing_slip` → "packing slip"). */
export function documentName(kind: string, language: Language): string {
  return word(VOCABULARY[language].documents, kind);
}

/** A verdict in words (`wrong_item` → "wrong item: …"). */
export function verdictText(verdict: string, language: Language): string {
  return word(VOCABULARY[language].verdicts, verdict);
}

export function roleName(role: string, language: Language): string {
  return word(VOCABULARY[language].roles, role);
}

export function orderStatusText(status: string, language: Language): string {
  return word(VOCABULARY[language].orderStatus, status);
}
