/**
 * The words a returns handler may type to find an order by its customer: each word of the names,
 * lower-cased, and again without Polish letters or accents (so "lukasz" finds "Łukasz"), and the
 * e-mail whole and by its local part.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase();
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Words of a typed search, folded: what the terms are matched against (each as a prefix). */
export function searchWords(text: string): string[] {
  return [...new Set(foldText(text).match(WORD) ?? [])].filter((w) => w.length >= 2);
}

/** Every term an order is found by: name words (as written and folded), the e-mail and its local part. */
export function customerTerms(names: readonly (string | null)[], email: string | null): string[] {
  const terms = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    for (const word of name.toLowerCase().match(WORD) ?? []) if (word.length >= 2) terms.add(word);
    for (const word of searchWords(name)) terms.add(word);
  }
  const mail = email?.trim().toLowerCase();
  if (mail) {
    terms.add(mail);
    const local = mail.split('@')[0];
    if (local && local.length >= 2) terms.add(foldText(local));
  }
  return [...terms];
}
