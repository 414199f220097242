/**
 * Canonical JSON, after RFC 8785 (JSON Canonicalization Scheme): object keys sorted by UTF-16
 * code units, no whitespace, strings and numbers written exactly as ECMAScript's JSON.stringify
 * writes them (shortest round-trip numbers, -0 as 0, the same escapes). The same value therefore
 * always gives the same text, here or in any JCS implementation, so its hash is reproducible.
 *
 * Stricter than JSON.stringify where that would silently change the data: undefined, functions,
 * symbols, bigints, NaN and ±Infinity, non-plain objects (Date, Map, class instances), sparse
 * arrays and strings with lone surrogates (not valid Unicode, so SQLite would store them
 * altered) are refused with the path to the offending value.
 */
export class CanonicalJsonError extends Error {
  override name = 'CanonicalJsonError';
}

export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function write(value: unknown, path: string): string {
  switch (typeof value) {
    case 'string':
      if (LONE_SURROGATE.test(value)) throw new CanonicalJsonError(`${path} holds a lone surrogate, which is not valid Unicode.`);
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${path} is ${String(value)}; JSON has only finite numbers.`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return writeArray(value, path);
      return writeObject(value, path);
    default:
      throw new CanonicalJsonError(`${path} is ${typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`}, which JSON cannot hold.`);
  }
}

function writeArray(items: unknown[], path: string): string {
  const parts: string[] = [];
  for (let i = 0; i < items.length; i++) {
    if (!(i in items)) throw new CanonicalJsonError(`${path}[${i}] is a hole in a sparse array.`);
    parts.push(write(items[i], `${path}[${i}]`));
  }
  return `[${parts.join(',')}]`;
}

function writeObject(object: object, path: string): string {
  const proto = Object.getPrototypeOf(object) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    const kind = (object as { constructor?: { name?: string } }).constructor?.name ?? 'object';
    throw new CanonicalJsonError(`${path} is a ${kind}, not a plain object; convert it first (a Date to its ISO string).`);
  }
  // Default sort compares UTF-16 code units, which is what RFC 8785 asks for.
  const keys = Object.keys(object).sort();
  const parts: string[] = [];
  for (const key of keys) {
    if (LONE_SURROGATE.test(key)) throw new CanonicalJsonError(`${path} has a key with a lone surrogate.`);
    parts.push(`${JSON.stringify(key)}:${write((object as Record<string, unknown>)[key], `${path}.${key}`)}`);
  }
  return `{${parts.join(',')}}`;
}
