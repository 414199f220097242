import { aiDefinition, describeFormat, leadingAi, maxLength, minLength } from './gs1-ai';
import { charsetName, fitsCharset, runLinter } from './gs1-lint';

/** The GS character (0x1D) that stands for FNC1 between variable-length fields in scan data. */
export const GS = '\u001d';

export interface AiElement {
  ai: string;
  value: string;
}

export type Gs1ProblemCode =
  | 'empty'
  | 'malformed'
  | 'unknown_ai'
  | 'truncated'
  | 'too_short'
  | 'too_long'
  | 'missing_separator'
  | 'bad_character'
  | 'bad_check_digit'
  | 'bad_date'
  | 'bad_value'
  | 'conflicting_ai';

export interface Gs1Problem {
  code: Gs1ProblemCode;
  /** The AI the problem is about, when there is one. */
  ai?: string;
  message: string;
}

export type Gs1Parse = { ok: true; elements: AiElement[]; ais: Record<string, string> } | { ok: false; problem: Gs1Problem };

const problem = (code: Gs1ProblemCode, message: string, ai?: string): { ok: false; problem: Gs1Problem } => ({
  ok: false,
  problem: ai === undefined ? { code, message } : { code, ai, message },
});

/** Shows a character in a message even when it is invisible or a control character. */
function showChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x21 || (code >= 0x7f && code <= 0xa0) || code > 0x7e ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `"${ch}"`;
}

function label(ai: string): string {
  const title = aiDefinition(ai)?.title;
  return title ? `AI (${ai}) ${title}` : `AI (${ai})`;
}

/** Checks one AI's value against its length, character sets and GS1 syntax tests. */
export function validateElement(ai: string, value: string): Gs1Problem | null {
  const def = aiDefinition(ai);
  if (!def) return { code: 'unknown_ai', ai, message: `AI (${ai}) is not a GS1 Application Identifier` };
  const name = label(ai);
  const format = describeFormat(def);
  if (value.length === 0) return { code: 'too_short', ai, message: `${name} has no data` };
  if (value.length > maxLength(def)) {
    return { code: 'too_long', ai, message: `${name} is ${value.length} characters long; its format is ${format}` };
  }
  if (value.length < minLength(def)) {
    return { code: 'too_short', ai, message: `${name} is ${value.length} characters long; its format is ${format}` };
  }
  let pos = 0;
  for (const c of def.components) {
    if (pos >= value.length && c.optional) break;
    const take = c.min === c.max ? c.max : Math.min(c.max, value.length - pos);
    const part = value.slice(pos, pos + take);
    if (part.length < c.min) {
      return { code: 'too_short', ai, message: `${name} is ${value.length} characters long; its format is ${format}` };
    }
    if (!fitsCharset(part, c.charset)) {
      const bad = [...part].find((ch) => !fitsCharset(ch, c.charset)) ?? part;
      return {
        code: 'bad_character',
        ai,
        message: `${name} contains ${showChar(bad)}, which is not allowed: it takes ${charsetName(c.charset)}`,
      };
    }
    for (const linter of c.linters) {
      const failure = runLinter(linter, part);
      if (failure) return { code: failure.code, ai, message: `${name}: ${failure.reason}` };
    }
    pos += take;
  }
  if (pos < value.length) {
    return { code: 'too_long', ai, message: `${name} is ${value.length} characters long; its format is ${format}` };
  }
  return null;
}

/**
 * Checks every element and builds the AI map; an AI repeated with another value is refused.
 *
 * The dictionary's associations between AIs (req=, ex=: (37) needs (00) and (02), (02) needs
 * (37), (10) and (21) need (01)…) are deliberately not checked, though GS1's parser does: a
 * logistic label splits its data over several barcodes ((02)(37) on one, (00) on the lowest),
 * each is scanned on its own, and each part of a valid label must be read. Whether the AIs a
 * scan brings are enough is for the packing rules to say, against the order.
 */
export function checkElements(elements: AiElement[]): Gs1Parse {
  if (elements.length === 0) return problem('empty', 'The GS1 element string holds no AIs');
  const ais: Record<string, string> = {};
  for (const { ai, value } of elements) {
    const invalid = validateElement(ai, value);
    if (invalid) return { ok: false, problem: invalid };
    const earlier = ais[ai];
    if (earlier !== undefined && earlier !== value) {
      return problem('conflicting_ai', `${label(ai)} appears twice with different values`, ai);
    }
    ais[ai] = value;
  }
  return { ok: true, elements, ais };
}

/**
 * Parses scan data: AIs concatenated, a GS after each variable-length field unless it is last.
 * A GS where an AI should start is skipped: a leading one is FNC1 in first position sent as a
 * character (by scanners that do not drop it after the identifier, and by printers that write it
 * into a plain symbol), and one after a fixed-length field is superfluous but harmless. GS1's
 * scan-data form has neither, so its parser is stricter; neither changes what the AIs say.
 */
export function parseElementString(data: string): Gs1Parse {
  const elements: AiElement[] = [];
  let pos = 0;
  while (pos < data.length) {
    if (data[pos] === GS) {
      pos++;
      continue;
    }
    const ai = leadingAi(data, pos);
    if (!ai) {
      const rest = data.slice(pos, pos + 4);
      if (/^\d{0,3}$/.test(rest) && pos + rest.length === data.length) {
        return problem('truncated', `The GS1 data ends in the middle of an AI ("${rest}")`);
      }
      const shown = [...data.slice(pos, pos + 4)].map((ch) => (fitsCharset(ch, 'X') ? ch : '?')).join('');
      const after = elements.length > 0 ? ` after AI (${elements[elements.length - 1]?.ai})` : '';
      return problem('unknown_ai', `No GS1 Application Identifier starts at "${shown}"${after}`);
    }
    const def = aiDefinition(ai);
    if (!def) return problem('unknown_ai', `AI (${ai}) is not a GS1 Application Identifier`, ai);
    pos += ai.length;
    const fixed = minLength(def) === maxLength(def) && !def.components.some((c) => c.optional);
    if (def.predefinedLength && fixed) {
      const value = data.slice(pos, pos + maxLength(def));
      const gs = value.indexOf(GS);
      const got = gs >= 0 ? gs : value.length;
      if (got < maxLength(def)) {
        return problem('truncated', `${label(ai)} needs ${maxLength(def)} characters but has ${got}`, ai);
      }
      elements.push({ ai, value });
      pos += value.length;
      continue;
    }
    const gs = data.indexOf(GS, pos);
    const end = gs >= 0 ? gs : data.length;
    const value = data.slice(pos, end);
    if (value.length === 0) return problem('truncated', `${label(ai)} has no data`, ai);
    if (value.length > maxLength(def)) {
      return problem(
        'missing_separator',
        `${label(ai)} runs on for ${value.length} characters (at most ${maxLength(def)}): a GS separator is probably missing`,
        ai,
      );
    }
    elements.push({ ai, value });
    pos = end;
  }
  return checkElements(elements);
}

/** True for the human-readable form "(01)09501101530003(17)251231…". */
export function looksBracketed(text: string): boolean {
  return /^\(\d{2,4}\)/.test(text);
}

/** Parses the bracketed form; "\(" stands for a "(" inside a value. */
export function parseBracketed(text: string): Gs1Parse {
  const elements: AiElement[] = [];
  let pos = 0;
  while (pos < text.length) {
    if (text[pos] !== '(') return problem('malformed', 'The bracketed GS1 text must start each AI with "("');
    const close = text.indexOf(')', pos);
    if (close < 0) return problem('truncated', 'The bracketed GS1 text ends inside an AI');
    const ai = text.slice(pos + 1, close);
    if (!/^\d{2,4}$/.test(ai)) return problem('malformed', `"(${ai.slice(0, 8)})" is not an AI: AIs are 2 to 4 digits`);
    if (!aiDefinition(ai)) return problem('unknown_ai', `AI (${ai}) is not a GS1 Application Identifier`, ai);
    let value = '';
    pos = close + 1;
    while (pos < text.length && text[pos] !== '(') {
      if (text[pos] === '\\' && text[pos + 1] === '(') pos++;
      value += text[pos];
      pos++;
    }
    elements.push({ ai, value });
  }
  return checkElements(elements);
}

/** The scan-data form, with a GS only where a variable-length field is followed by another AI. */
export function toElementString(elements: readonly AiElement[]): string {
  return elements
    .map(({ ai, value }, i) => {
      const predefined = aiDefinition(ai)?.predefinedLength ?? false;
      return ai + value + (predefined || i === elements.length - 1 ? '' : GS);
    })
    .join('');
}

export function toBracketed(elements: readonly AiElement[]): string {
  return elements.map(({ ai, value }) => `(${ai})${value.replace(/\(/g, '\\(')}`).join('');
}
