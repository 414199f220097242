import type { AiElement, Gs1Parse } from './gs1';
import { checkElements } from './gs1';
import { aiDefinition } from './gs1-ai';
import { GS1_DL_ATTRIBUTES, GS1_DL_PRIMARY_KEYS } from './gs1-ai-table';

/** A GS1 Digital Link URI read as AIs, and what came before its primary key. */
export interface DigitalLink {
  /** Scheme, domain and any path before the primary key, e.g. "https://id.gs1.org". */
  stem: string;
  /** The AIs, checked as an element string's are: path AIs in path order, then query AIs. */
  parsed: Gs1Parse;
}

// The reference parser (gs1/gs1-syntax-engine, dl.c) takes the scheme in lower or upper case only.
const SCHEMES = ['https://', 'HTTPS://', 'http://', 'HTTP://'];
const URI_CHARACTERS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;
const BAD_DOMAIN_CHARACTERS = /[_~?#@!$&'()*+,;=%]/;

/**
 * The short names of GS1 Digital Link 1.0 ("/gtin/…/lot/…/ser/…"), deprecated since but still
 * printed; path only, as in the reference parser's convenience alphas.
 */
const SHORT_NAMES: Readonly<Record<string, string>> = {
  cpid: '8010',
  cpsn: '8011',
  cpv: '22',
  gcn: '255',
  gdti: '253',
  giai: '8004',
  ginc: '401',
  gln: '414',
  glnx: '254',
  gmn: '8013',
  grai: '8003',
  gsin: '402',
  gsrn: '8018',
  gsrnp: '8017',
  gtin: '01',
  itip: '8006',
  lot: '10',
  party: '417',
  refno: '8020',
  ser: '21',
  srin: '8019',
  sscc: '00',
};

/** The AI a path segment names, by number or by short name. */
function pathAi(segment: string): string | undefined {
  if (Object.hasOwn(SHORT_NAMES, segment)) return SHORT_NAMES[segment];
  return /^\d{2,4}$/.test(segment) && aiDefinition(segment) ? segment : undefined;
}

/** Percent-decoding byte by byte; "+" is a space only in the query. Null for an encoded NUL. */
function decode(text: string, query: boolean): string | null {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      const byte = parseInt(hex, 16);
      if (byte === 0) return null;
      out += String.fromCharCode(byte);
      i += 2;
    } else {
      out += query && text[i] === '+' ? ' ' : text[i];
    }
  }
  return out;
}

/** True when the qualifiers follow the key in one of its orders (each optional, none repeated). */
function validPath(key: string, qualifiers: readonly string[]): boolean {
  const orders = Object.hasOwn(GS1_DL_PRIMARY_KEYS, key) ? GS1_DL_PRIMARY_KEYS[key] : undefined;
  return (orders ?? []).some((order) => {
    let at = 0;
    return qualifiers.every((q) => {
      while (at < order.length && order[at] !== q) at++;
      return at++ < order.length;
    });
  });
}

function queryElements(query: string, path: readonly string[]): AiElement[] | null {
  const elements: AiElement[] = [];
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    // Parameters without a value, and named ones (utm_source=…), are not AIs and are left alone.
    if (eq < 0 || !/^\d+$/.test(pair.slice(0, eq))) continue;
    const ai = pair.slice(0, eq);
    let value = decode(pair.slice(eq + 1), true);
    if (!aiDefinition(ai) || !value) return null;
    // As the reference parser does: a GTIN-8/12/13 given as a query (01) is padded to GTIN-14.
    if (ai === '01' && [8, 12, 13].includes(value.length)) value = value.padStart(14, '0');
    const inPath = path.slice(1).map((_, i) => [...path.slice(0, i + 1), ai, ...path.slice(i + 1)]);
    const belongsInPath = [...inPath, [...path, ai]].some(([key = '', ...qualifiers]) => validPath(key, qualifiers));
    const repeated = path.includes(ai) || elements.some((e) => e.ai === ai);
    if (!GS1_DL_ATTRIBUTES.has(ai) || belongsInPath || repeated) return null;
    elements.push({ ai, value });
  }
  return elements;
}

/**
 * Reads a GS1 Digital Link URI (GS1 Digital Link standard; gs1-syntax-engine's dl.c is the
 * reference): any domain, an optional path before the primary key, then "/AI/value" pairs, the
 * primary key first and its qualifiers in the dictionary's order, then AIs as query parameters.
 * Null when the text is not such a URI, or is malformed as one (bad characters, no primary key, an
 * empty value, qualifiers out of order, an unknown numeric parameter, an AI repeated or in the
 * query that belongs in the path): it is then plain text. A well-formed URI comes back with its
 * AIs checked like an element string's, so a wrong check digit or date is reported, not hidden.
 */
export function parseDigitalLink(uri: string): DigitalLink | null {
  const scheme = SCHEMES.find((s) => uri.startsWith(s));
  if (!scheme || !URI_CHARACTERS.test(uri)) return null;
  const afterScheme = uri.slice(scheme.length);
  const slash = afterScheme.indexOf('/');
  if (slash < 1 || BAD_DOMAIN_CHARACTERS.test(afterScheme.slice(0, slash))) return null;
  const [beforeFragment = ''] = afterScheme.slice(slash).split('#');
  const question = beforeFragment.indexOf('?');
  const path = question < 0 ? beforeFragment : beforeFragment.slice(0, question);
  const query = question < 0 ? '' : beforeFragment.slice(question + 1);

  // From the right, "/AI/value" pairs back to the first AI that is a primary key; the rest is stem.
  const segments = path.split('/').slice(1);
  let start = -1;
  for (let i = segments.length - 2; i >= 0 && start < 0; i -= 2) {
    const ai = pathAi(segments[i] ?? '');
    if (!ai) return null;
    if (Object.hasOwn(GS1_DL_PRIMARY_KEYS, ai)) start = i;
  }
  if (start < 0) return null;

  const elements: AiElement[] = [];
  for (let i = start; i < segments.length; i += 2) {
    const value = decode(segments[i + 1] ?? '', false);
    if (!value) return null;
    elements.push({ ai: pathAi(segments[i] ?? '') ?? '', value });
  }
  const pathAis = elements.map((e) => e.ai);
  if (!validPath(pathAis[0] ?? '', pathAis.slice(1))) return null;
  const attributes = queryElements(query, pathAis);
  if (!attributes) return null;
  const stem =
    scheme +
    afterScheme.slice(0, slash) +
    segments
      .slice(0, start)
      .map((s) => `/${s}`)
      .join('');
  return { stem, parsed: checkElements([...elements, ...attributes]) };
}
