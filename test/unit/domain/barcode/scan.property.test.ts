import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GS, parseBracketed, parseElementString, toBracketed, toElementString } from '../../../../src/domain/barcode/gs1';
import { gs1CheckDigit, hasValidCheckDigit } from '../../../../src/domain/barcode/gtin';
import type { ScanResult } from '../../../../src/domain/barcode/scan';
import { interpretScan, isScanProblem } from '../../../../src/domain/barcode/scan';
import { validElementList } from './gs1-arbitraries';

const KINDS = ['gtin', 'gs1', 'sscc', 'sku', 'text'];
const PROBLEMS = ['empty', 'too_long', 'invalid_text', 'control_characters', 'bad_check_digit', 'not_a_gtin', 'gs1_invalid'];

/** Any UTF-16 code unit, lone surrogates and control characters included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
/** Pieces that steer input into the parsers' corners: AIM ids, AIs, GS, brackets, line ends. */
const hostileUnit = fc.oneof(
  fc.constantFrom(
    GS,
    '\r',
    '\n',
    '\u0000',
    '\u007f',
    '\ud800',
    '\udfff',
    '(',
    ')',
    '\\',
    ']',
    ']d2',
    ']E0',
    ']E4',
    ']C1',
    '01',
    '00',
    '17',
    '10',
    '21',
    '99',
    '8003',
    '7007',
    '3103',
  ),
  fc.constantFrom(...'0123456789'),
  codeUnit,
);

/** What every answer must look like, whatever the input was (a boolean keeps 10k runs fast). */
function wellFormed(input: string, result: ScanResult): boolean {
  if (isScanProblem(result)) return PROBLEMS.includes(result.problem) && result.message.length > 0;
  if (!KINDS.includes(result.kind) || !input.startsWith(result.raw) || result.raw.length > 4096) return false;
  if (result.gtin !== undefined && !(result.gtin.length === 14 && hasValidCheckDigit(result.gtin))) return false;
  if (result.sscc !== undefined && !(result.sscc.length === 18 && hasValidCheckDigit(result.sscc))) return false;
  return result.kind !== 'gs1' || (result.aiList?.length ?? 0) > 0;
}

describe('interpretScan never throws and always answers', () => {
  it('random UTF-16 strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: codeUnit, maxLength: 80 }), (input) => wellFormed(input, interpretScan(input))),
      { numRuns: 10_000 },
    );
  });

  it('hostile strings built from scanner and GS1 fragments', () => {
    fc.assert(
      fc.property(fc.string({ unit: hostileUnit, maxLength: 40 }), (input) => wellFormed(input, interpretScan(input))),
      { numRuns: 10_000 },
    );
  });

  it('strings up to 10 kB', () => {
    fc.assert(
      fc.property(fc.string({ unit: hostileUnit, minLength: 3000, maxLength: 10_000 }), (input) => {
        const result = interpretScan(input);
        const tooLong = input.length > 4096 && !/[\r\n]/.test(input);
        return wellFormed(input, result) && (!tooLong || ('problem' in result && result.problem === 'too_long'));
      }),
      { numRuns: 100 },
    );
  });

  it('truncated and damaged GS1 scan data', () => {
    fc.assert(
      fc.property(validElementList, fc.nat(), fc.nat(), codeUnit, (elements, cut, at, junk) => {
        const data = toElementString(elements);
        const truncated = `]d2${data.slice(0, cut % (data.length + 1))}`;
        const i = at % data.length;
        const damaged = `]d2${data.slice(0, i)}${junk}${data.slice(i + 1)}`;
        return wellFormed(truncated, interpretScan(truncated)) && wellFormed(damaged, interpretScan(damaged));
      }),
      { numRuns: 1_500 },
    );
  });
});

describe('valid GS1 element strings from the table round-trip', () => {
  it('through scan data with GS, the bracketed form and interpretScan', () => {
    fc.assert(
      fc.property(validElementList, (elements) => {
        const expected = Object.fromEntries(elements.map((e) => [e.ai, e.value]));
        expect(parseElementString(toElementString(elements))).toEqual({ ok: true, elements, ais: expected });
        expect(parseBracketed(toBracketed(elements))).toEqual({ ok: true, elements, ais: expected });
        const scan = interpretScan(`]d2${toElementString(elements)}`);
        expect(scan).toMatchObject({ ais: expected, aiList: elements, symbology: ']d2' });
      }),
      { numRuns: 2_000 },
    );
  });

  it('a changed check digit in AI (01) is reported as a bad check digit', () => {
    const gtinData = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 13, maxLength: 13 });
    fc.assert(
      fc.property(gtinData, fc.integer({ min: 1, max: 9 }), validElementList, (data, delta, others) => {
        const wrongCheck = (gs1CheckDigit(data) + delta) % 10;
        const broken = [{ ai: '01', value: `${data}${wrongCheck}` }, ...others.filter((e) => e.ai !== '01')];
        expect(interpretScan(`]d2${toElementString(broken)}`)).toMatchObject({ problem: 'bad_check_digit', detail: { ai: '01' } });
      }),
      { numRuns: 500 },
    );
  });
});
