/**
 * The words of a journal entry as central indexes them, folded the way the station's search folds
 * them (SQLite FTS5 unicode61, remove_diacritics 2; storage/migrations/0019): runs of letters and
 * digits, lower case, diacritics removed, from the subject's id and the payload's string and
 * number values. Folding here, not in PostgreSQL, keeps central's matches the station's matches
 * without the unaccent extension; the words go to PostgreSQL's 'simple' configuration as they are.
 */
export function tokens(text: string): string[] {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

function collect(value: unknown, into: string[]): void {
  if (typeof value === 'string') into.push(value);
  else if (typeof value === 'number') into.push(String(value));
  else if (Array.isArray(value)) for (const v of value) collect(v, into);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) collect(v, into);
}

/** The entry's words, space-separated, for to_tsvector('simple', …). */
export function entryWords(subjectId: string | null, payloadText: string): string {
  const values: string[] = subjectId === null ? [] : [subjectId];
  try {
    collect(JSON.parse(payloadText), values);
  } catch {
    // A payload that is not JSON never passes verification; it has no words either.
  }
  return tokens(values.join(' ')).join(' ');
}

/**
 * Typed words as a tsquery, as the station reads them (storage/repositories/journal-search.ts,
 * textQuery): every word required, each a phrase of its letters and digits with the last one a
 * prefix: "PD-10 kowal" is `pd <-> 10:* & kowal:*`. Only letters and digits reach the query, so
 * nothing typed is read as tsquery syntax. Null when nothing searchable was typed.
 */
export function wordsQuery(text: string): string | null {
  const phrases = typedPhrases(text).map((t) => `${t.join(' <-> ')}:*`);
  return phrases.length > 0 ? phrases.join(' & ') : null;
}

/**
 * The typed words as a query of one station's words (station_words in migration 0006: each word
 * of an entry as "<station> <word>", so a prefix is looked up among that station's words only):
 * every token required, the last of each typed word a prefix. That index keeps no positions, so a
 * phrase is asked as all its tokens; the entry's own words (wordsQuery) decide the phrase. Built
 * as tsquery text to cast, not parsed by to_tsquery, which would split the station's id.
 */
export function stationWordsQuery(stationId: string, text: string): string | null {
  const lexeme = (token: string) => `'${`${stationId} ${token}`.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  const tokens = typedPhrases(text).flatMap((t) => t.map((token, i) => lexeme(token) + (i === t.length - 1 ? ':*' : '')));
  return tokens.length > 0 ? tokens.join(' & ') : null;
}

/** The typed words, each as its tokens (the last of each is a prefix). */
export function typedPhrases(text: string): string[][] {
  return text
    .split(/\s+/)
    .map(tokens)
    .filter((t) => t.length > 0);
}

/**
 * Whether the typed words match few entries, judged from PostgreSQL's own statistics of the words
 * column (its most common words and their frequencies): a word is common when it, or for the
 * last token of a phrase any common word it begins, is at least `share` of all entries. Words
 * that all phrases need are ANDed, so one rare token makes the whole query rare.
 */
export function fewMatches(phrases: string[][], common: ReadonlyMap<string, number>, share: number): boolean {
  const frequency = (token: string, prefix: boolean) => {
    if (!prefix) return common.get(token) ?? 0;
    let sum = 0;
    for (const [word, f] of common) if (word.startsWith(token)) sum += f;
    return sum;
  };
  return phrases.some((phrase) => phrase.some((token, i) => frequency(token, i === phrase.length - 1) < share));
}
