import { describe, expect, it } from 'vitest';
import { expandUpcE, gs1CheckDigit, gtinReadings, hasValidCheckDigit, normaliseGtin, readGtin, sameGtin } from '../../../../src/domain/barcode/gtin';

// Check-digit vectors from gs1/gs1-syntax-engine (test_ai_validateParity).
const CHECK_VECTORS: [good: string, bad: string, check: number][] = [
  ['24012345678905', '24012345678909', 5],
  ['2112233789657', '2112233789658', 7],
  ['416000336108', '416000336107', 8],
  ['02345680', '02345689', 0],
];

describe('GS1 check digit', () => {
  it.each(CHECK_VECTORS)('accepts %s, refuses %s', (good, bad, check) => {
    expect(hasValidCheckDigit(good)).toBe(true);
    expect(hasValidCheckDigit(bad)).toBe(false);
    expect(gs1CheckDigit(bad.slice(0, -1))).toBe(check);
  });

  it('checks an SSCC the same way', () => {
    expect(hasValidCheckDigit('123456789012345675')).toBe(true);
    expect(hasValidCheckDigit('123456789012345670')).toBe(false);
  });
});

describe('UPC-E expansion', () => {
  it.each([
    ['04252614', '042100005264'], // last digit 0–2: manufacturer keeps it, product moves right
    ['01234531', '012300000451'], // last digit 3
    ['00123457', '001234000057'], // last digit 5–9 (gs1-syntax-engine UPC-E vector)
    ['01234565', '012345000065'],
    ['11234546', '112340000056'], // last digit 4, number system 1
  ])('%s expands to UPC-A %s', (upce, upca) => {
    expect(expandUpcE(upce)).toBe(upca);
  });

  it('refuses codes that cannot be UPC-E', () => {
    expect(expandUpcE('24252614')).toBeNull(); // number system 2
    expect(expandUpcE('0425261')).toBeNull();
    expect(expandUpcE('0425261X')).toBeNull();
  });
});

describe('readGtin', () => {
  it('pads every length to 14 digits and names the format', () => {
    expect(readGtin('02345673')).toEqual({ ok: true, gtin: '00000002345673', format: 'EAN-8' });
    expect(readGtin('416000336108')).toEqual({ ok: true, gtin: '00416000336108', format: 'UPC-A' });
    expect(readGtin('2112233789657')).toEqual({ ok: true, gtin: '02112233789657', format: 'EAN-13' });
    expect(readGtin('24012345678905')).toEqual({ ok: true, gtin: '24012345678905', format: 'GTIN-14' });
  });

  it('reads an 8-digit code as UPC-E when it is no valid EAN-8', () => {
    expect(readGtin('04252614')).toEqual({ ok: true, gtin: '00042100005264', format: 'UPC-E' });
  });

  it('lets the AIM identifier decide an 8-digit code valid both ways', () => {
    // 00123457 is a valid EAN-8 and a valid UPC-E (for UPC-A 001234000057).
    expect(readGtin('00123457')).toMatchObject({ ok: true, format: 'EAN-8', gtin: '00000000123457' });
    expect(readGtin('00123457', 'ean8')).toMatchObject({ ok: true, format: 'EAN-8' });
    expect(readGtin('00123457', 'upce')).toMatchObject({ ok: true, format: 'UPC-E', gtin: '00001234000057' });
  });

  it('refuses a UPC-E hint on a code that is not UPC-E, and a bad EAN-8 under ]E4', () => {
    expect(readGtin('07654329', 'upce')).toMatchObject({ ok: false, problem: 'bad_check_digit' });
    expect(readGtin('52345673', 'upce')).toMatchObject({ ok: false, problem: 'not_upce' });
    expect(readGtin('07654329')).toMatchObject({ ok: true, format: 'EAN-8' });
    expect(readGtin('04252614', 'ean8')).toMatchObject({ ok: false, problem: 'bad_check_digit' });
  });

  it('refuses bad check digits, wrong lengths and non-digits', () => {
    for (const [, bad] of CHECK_VECTORS) expect(readGtin(bad)).toMatchObject({ ok: false, problem: 'bad_check_digit' });
    expect(readGtin('04252615')).toMatchObject({ ok: false, problem: 'bad_check_digit' });
    expect(readGtin('1234567890')).toMatchObject({ ok: false, problem: 'bad_length' });
    expect(readGtin('')).toMatchObject({ ok: false, problem: 'not_digits' });
    expect(readGtin('4006381333931 ')).toMatchObject({ ok: false, problem: 'not_digits' });
  });
});

describe('gtinReadings: every GTIN an unmarked code can stand for', () => {
  // GS1 General Specifications 2.1.2 / 5.2.1: GTIN-8 is carried by EAN-8, GTIN-12 by UPC-A or,
  // zero-suppressed, by UPC-E; both symbols carry 8 digits. 01234565 has a valid EAN-8 check digit
  // and is also the UPC-E of UPC-A 012345000065 (number system 0, last digit 5: 12345 + 0000 + 6).
  it('gives both readings of an 8-digit code valid as EAN-8 and as UPC-E, EAN-8 first', () => {
    expect(gtinReadings('01234565')).toEqual([
      { gtin: '00000001234565', format: 'EAN-8' },
      { gtin: '00012345000065', format: 'UPC-E' },
    ]);
    expect(gtinReadings('00123457')).toEqual([
      { gtin: '00000000123457', format: 'EAN-8' },
      { gtin: '00001234000057', format: 'UPC-E' },
    ]);
  });

  it('gives one reading when only one check digit fits, or the code is not 8 digits', () => {
    expect(gtinReadings('04252614')).toEqual([{ gtin: '00042100005264', format: 'UPC-E' }]);
    expect(gtinReadings('07654329')).toEqual([{ gtin: '00000007654329', format: 'EAN-8' }]);
    expect(gtinReadings('52345678')).toEqual([{ gtin: '00000052345678', format: 'EAN-8' }]); // number system 5: no UPC-E
    expect(gtinReadings('4006381333931')).toEqual([{ gtin: '04006381333931', format: 'EAN-13' }]);
  });

  it('gives none for codes that are no GTIN', () => {
    expect(gtinReadings('04252615')).toEqual([]);
    expect(gtinReadings('SKU-1')).toEqual([]);
    expect(gtinReadings('1234567890')).toEqual([]);
  });
});

describe('UPC-A and EAN-13 are the same item', () => {
  it('compares equal as GTIN-14', () => {
    expect(normaliseGtin('036000291452')).toBe('00036000291452');
    expect(sameGtin('036000291452', '0036000291452')).toBe(true);
    expect(sameGtin('0036000291452', '00036000291452')).toBe(true);
    expect(sameGtin('04252614', '042100005264')).toBe(true);
  });

  it('does not match different items or invalid codes', () => {
    expect(sameGtin('036000291452', '4006381333931')).toBe(false);
    expect(sameGtin('036000291453', '0036000291453')).toBe(false);
  });
});
