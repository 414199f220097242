import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson } from '../../../src/journal/canonical';

describe('canonical JSON', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: true }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":true,"z":null}]},"b":1}');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson([])).toBe('[]');
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 does', () => {
    // RFC 8785 section 3.2.3's example keys, in the order the RFC gives as sorted.
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const text = canonicalJson(value);
    const positions = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'].map((k) => text.indexOf(`${JSON.stringify(k)}:`));
    expect(positions.every((p, i) => p >= 0 && (i === 0 || p > (positions[i - 1] as number)))).toBe(true);
  });

  it('writes numbers as ECMAScript does (RFC 8785 appendix B vectors)', () => {
    const vectors: [number, string][] = [
      [0, '0'],
      [-0, '0'],
      [1e21, '1e+21'],
      [1e-7, '1e-7'],
      [123456789012345680000, '123456789012345680000'],
      [4.5, '4.5'],
      [0.000001, '0.000001'],
      [333333333.3333333, '333333333.3333333'],
      [Number.MAX_SAFE_INTEGER, '9007199254740991'],
      [5e-324, '5e-324'],
    ];
    for (const [n, text] of vectors) expect(canonicalJson(n)).toBe(text);
  });

  it('escapes strings exactly as JSON.stringify does and keeps other characters as they are', () => {
    expect(canonicalJson('a"b\\c\n\t\u0001\u007f\u2028é€😀')).toBe('"a\\"b\\\\c\\n\\t\\u0001\u007f\u2028é€😀"');
    expect(canonicalJson({ 'key "q"': 'v' })).toBe('{"key \\"q\\"":"v"}');
  });

  it('refuses what JSON cannot hold, naming where it is', () => {
    const refused: [unknown, RegExp][] = [
      [{ a: { b: undefined } }, /\$\.a\.b is undefined/],
      [{ a: [1, Number.NaN] }, /\$\.a\[1\] is NaN/],
      [{ w: Number.POSITIVE_INFINITY }, /\$\.w is Infinity/],
      [{ f: () => 1 }, /\$\.f is a function/],
      [{ n: 10n }, /\$\.n is a bigint/],
      [{ s: Symbol('x') }, /\$\.s is a symbol/],
      [{ at: new Date(0) }, /\$\.at is a Date/],
      [{ m: new Map() }, /\$\.m is a Map/],
      // eslint-disable-next-line no-sparse-arrays
      [{ list: [1, , 3] }, /\$\.list\[1\] is a hole/],
      [{ text: 'half \ud83d pair' }, /\$\.text holds a lone surrogate/],
      [{ ['\udc00']: 1 }, /lone surrogate/],
    ];
    for (const [value, message] of refused) {
      expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
      expect(() => canonicalJson(value)).toThrow(message);
    }
  });

  it('accepts objects without a prototype and round-trips through JSON.parse', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { b: 2, a: 1 });
    expect(canonicalJson(bare)).toBe('{"a":1,"b":2}');
    const value = { order: 'SO-1', lines: [{ sku: 'MUG', qty: 2 }], weight: 412.5, ok: false };
    expect(canonicalJson(JSON.parse(canonicalJson(value)))).toBe(canonicalJson(value));
  });
});
