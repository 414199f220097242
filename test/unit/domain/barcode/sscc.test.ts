import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasValidCheckDigit } from '../../../../src/domain/barcode/gtin';
import { interpretScan } from '../../../../src/domain/barcode/scan';
import { composeSscc, isSscc, ssccText } from '../../../../src/domain/barcode/sscc';

describe('SSCC', () => {
  it('composes extension digit, company prefix and serial reference with the GS1 check digit', () => {
    // GS1 General Specifications' example SSCC: 1 0614141 123456789 7
    expect(composeSscc(1, '0614141', 123456789)).toEqual({ ok: true, sscc: '106141411234567897' });
    const composed = composeSscc(3, '5901234567', 42);
    if (!composed.ok) throw new Error(composed.message);
    expect(composed.sscc).toBe(`35901234567000042${composed.sscc.at(-1)}`);
    expect(hasValidCheckDigit(composed.sscc) && isSscc(composed.sscc)).toBe(true);
  });

  it('refuses a serial that does not fit and a malformed prefix or extension digit, saying why', () => {
    expect(composeSscc(0, '0614141', 1_000_000_000)).toEqual({
      ok: false,
      problem: 'serial_does_not_fit',
      message: 'Serial reference 1000000000 does not fit the 9 digits left by prefix 0614141',
    });
    expect(composeSscc(0, '61414', 1)).toMatchObject({ ok: false, problem: 'bad_company_prefix' });
    expect(composeSscc(0, '06141410000', 1)).toMatchObject({ ok: false, problem: 'bad_company_prefix' });
    expect(composeSscc(0, '061414a', 1)).toMatchObject({ ok: false, problem: 'bad_company_prefix' });
    expect(composeSscc(10, '0614141', 1)).toMatchObject({ ok: false, problem: 'bad_extension_digit' });
    expect(composeSscc(-1, '0614141', 1)).toMatchObject({ ok: false, problem: 'bad_extension_digit' });
    for (const serial of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) {
      expect(composeSscc(0, '0614141', serial)).toMatchObject({ ok: false, problem: 'serial_does_not_fit' });
    }
  });

  it('fills exactly the digits the prefix leaves: the last serial fits, the next does not', () => {
    expect(composeSscc(0, '0614141', 999_999_999)).toMatchObject({ ok: true, sscc: expect.stringMatching(/^00614141999999999\d$/) });
    expect(composeSscc(0, '0614141234', 999_999)).toMatchObject({ ok: true, sscc: expect.stringMatching(/^00614141234999999\d$/) });
    expect(composeSscc(0, '0614141234', 1_000_000)).toMatchObject({ ok: false, problem: 'serial_does_not_fit' });
    expect(composeSscc(9, '0614141', 0)).toMatchObject({ ok: true, sscc: expect.stringMatching(/^90614141000000000\d$/) });
  });

  it('makes an 18-digit code that scans back as that SSCC, for every prefix length and serial that fits', () => {
    const parts = fc
      .tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 7, max: 10 }))
      .chain(([extension, prefixLength]) =>
        fc.tuple(fc.constant(extension), fc.stringMatching(new RegExp(`^\\d{${prefixLength}}$`)), fc.integer({ min: 0, max: 10 ** (16 - prefixLength) - 1 })),
      );
    fc.assert(
      fc.property(parts, ([extension, prefix, serial]) => {
        const composed = composeSscc(extension, prefix, serial);
        if (!composed.ok) return false;
        const { sscc } = composed;
        const scanned = interpretScan(sscc);
        return (
          isSscc(sscc) &&
          sscc.startsWith(`${extension}${prefix}`) &&
          Number(sscc.slice(1 + prefix.length, 17)) === serial &&
          'kind' in scanned &&
          scanned.kind === 'sscc' &&
          scanned.sscc === sscc
        );
      }),
    );
  });

  it('recognises an SSCC by length and check digit only', () => {
    expect(isSscc('106141411234567897')).toBe(true);
    expect(isSscc('106141411234567890')).toBe(false);
    expect(isSscc('06141411234567897')).toBe(false);
    expect(isSscc('10614141123456789x')).toBe(false);
  });

  it('prints its human-readable text with the AI in brackets', () => {
    expect(ssccText('106141411234567897')).toBe('(00) 106141411234567897');
  });
});
