import { describe, expect, it } from 'vitest';
import { interpretScan, MAX_SCAN_LENGTH } from '../../../../src/domain/barcode/scan';

const GS = '\u001d';

describe('interpretScan: readings', () => {
  it('reads retail codes as 14-digit GTINs', () => {
    expect(interpretScan('4006381333931')).toEqual({ kind: 'gtin', raw: '4006381333931', gtin: '04006381333931' });
    expect(interpretScan('036000291452\r\n')).toEqual({ kind: 'gtin', raw: '036000291452', gtin: '00036000291452' });
    expect(interpretScan('04252614')).toMatchObject({ kind: 'gtin', gtin: '00042100005264' });
    expect(interpretScan(']I124012345678905')).toMatchObject({ kind: 'gtin', gtin: '24012345678905', symbology: ']I1' });
  });

  it('lets ]E0 and ]E4 decide an 8-digit code', () => {
    expect(interpretScan(']E400123457')).toMatchObject({ kind: 'gtin', gtin: '00000000123457', symbology: ']E4' });
    expect(interpretScan(']E000123457')).toMatchObject({ kind: 'gtin', gtin: '00001234000057', symbology: ']E0' });
    expect(interpretScan('00123457')).toMatchObject({ kind: 'gtin', gtin: '00000000123457' });
    expect(interpretScan(']E02112345678900')).toMatchObject({ kind: 'gtin', gtin: '02112345678900' });
    expect(interpretScan(']E00416000336108')).toMatchObject({ kind: 'gtin', gtin: '00416000336108' });
  });

  it('says an unmarked 8-digit code valid as EAN-8 and as UPC-E is ambiguous, with both readings', () => {
    // Wedge scanners send UPC-E as its 8 digits without an AIM identifier; 01234565 is then
    // EAN-8 00000001234565 or UPC-E for UPC-A 012345000065, and only the symbol tells which.
    expect(interpretScan('01234565')).toEqual({
      kind: 'gtin',
      raw: '01234565',
      gtin: '00000001234565',
      ambiguous: true,
      readings: [
        { gtin: '00000001234565', format: 'EAN-8' },
        { gtin: '00012345000065', format: 'UPC-E' },
      ],
    });
    // A code valid only one way is not ambiguous.
    expect(interpretScan('04252614')).toEqual({ kind: 'gtin', raw: '04252614', gtin: '00042100005264' });
    expect(interpretScan('07654329')).toEqual({ kind: 'gtin', raw: '07654329', gtin: '00000007654329' });
  });

  it('takes ]E0 and ]E4 as deciding the 8-digit reading (ISO/IEC 15420 modifiers)', () => {
    expect(interpretScan(']E001234565')).toEqual({ kind: 'gtin', raw: ']E001234565', gtin: '00012345000065', symbology: ']E0' });
    expect(interpretScan(']E401234565')).toEqual({ kind: 'gtin', raw: ']E401234565', gtin: '00000001234565', symbology: ']E4' });
    // ]E0's standard packet is 13 digits, UPC-A and UPC-E included (gs1-syntax-engine scandata.c).
    expect(interpretScan(']E00012345000065')).toMatchObject({ kind: 'gtin', gtin: '00012345000065' });
    expect(interpretScan(']E0012345000065')).toMatchObject({ kind: 'gtin', gtin: '00012345000065' });
    expect(interpretScan(']E024012345678905')).toMatchObject({ problem: 'not_a_gtin' }); // 14 digits are no EAN/UPC
  });

  it('reads ]E3 as 13 digits of EAN/UPC followed by a 2- or 5-digit add-on', () => {
    expect(interpretScan(']E3590123412345712')).toEqual({
      kind: 'gtin',
      raw: ']E3590123412345712',
      gtin: '05901234123457',
      addOn: '12',
      symbology: ']E3',
    });
    // 18 digits under ]E3 are EAN-13 + 5, never an SSCC.
    expect(interpretScan(']E3978149205374354499')).toMatchObject({ kind: 'gtin', gtin: '09781492053743', addOn: '54499' });
    expect(interpretScan(']E35901234123457')).toMatchObject({ problem: 'not_a_gtin' });
    expect(interpretScan(']E3590123412345812')).toMatchObject({ problem: 'bad_check_digit' });
  });

  it('reads GS1 DataMatrix scan data with GS separators', () => {
    const raw = `]d2010950110153000317251231${GS}10LOT-7${GS}21SN0001`;
    expect(interpretScan(raw)).toEqual({
      kind: 'gs1',
      raw,
      symbology: ']d2',
      gtin: '09501101530003',
      ais: { '01': '09501101530003', '17': '251231', '10': 'LOT-7', '21': 'SN0001' },
      aiList: [
        { ai: '01', value: '09501101530003' },
        { ai: '17', value: '251231' },
        { ai: '10', value: 'LOT-7' },
        { ai: '21', value: 'SN0001' },
      ],
    });
  });

  it('takes GS, the bracketed form or a GS1 symbology as GS1', () => {
    expect(interpretScan(`0109501101530003${GS}`)).toMatchObject({ kind: 'gs1', gtin: '09501101530003' });
    expect(interpretScan(`10ABC${GS}0109501101530003`)).toMatchObject({ kind: 'gs1', gtin: '09501101530003' });
    expect(interpretScan('(01)09501101530003(17)251231(10)ABC')).toMatchObject({
      kind: 'gs1',
      ais: { '01': '09501101530003', '17': '251231', '10': 'ABC' },
    });
    expect(interpretScan(']C1011231231231233310ABC123' + GS + '99TESTING')).toMatchObject({
      kind: 'gs1',
      symbology: ']C1',
      ais: { '01': '12312312312333', '10': 'ABC123', '99': 'TESTING' },
    });
    expect(interpretScan(']Q3991234')).toMatchObject({ kind: 'gs1', ais: { '99': '1234' } });
    expect(interpretScan(']e00124012345678905')).toMatchObject({ kind: 'gs1', gtin: '24012345678905' });
  });

  it('reads AI (01) data without AIM or GS when it parses cleanly', () => {
    expect(interpretScan('0109501101530003')).toMatchObject({ kind: 'gs1', gtin: '09501101530003' });
    expect(interpretScan('010950110153000310ABC')).toMatchObject({ kind: 'gs1', ais: { '10': 'ABC' } });
    expect(interpretScan('0109501101530004')).toEqual({ kind: 'sku', raw: '0109501101530004' });
  });

  it('reads SSCCs bare and as AI (00)', () => {
    expect(interpretScan('123456789012345675')).toEqual({ kind: 'sscc', raw: '123456789012345675', sscc: '123456789012345675' });
    expect(interpretScan(']C100123456789012345675')).toMatchObject({ kind: 'sscc', sscc: '123456789012345675', ais: { '00': '123456789012345675' } });
    expect(interpretScan('(00)123456789012345675(02)12345678901231(37)12')).toMatchObject({
      kind: 'gs1',
      sscc: '123456789012345675',
    });
  });

  it('tells shop SKUs from other text', () => {
    expect(interpretScan('TSHIRT-RED_XL/2.0')).toEqual({ kind: 'sku', raw: 'TSHIRT-RED_XL/2.0' });
    expect(interpretScan('12345')).toEqual({ kind: 'sku', raw: '12345' });
    expect(interpretScan(`${'A'.repeat(64)}`)).toMatchObject({ kind: 'sku' });
    expect(interpretScan(`${'A'.repeat(65)}`)).toMatchObject({ kind: 'text' });
    expect(interpretScan('Zażółć gęślą jaźń')).toEqual({ kind: 'text', raw: 'Zażółć gęślą jaźń' });
    expect(interpretScan('https://example.com/products/0109501101530003')).toMatchObject({ kind: 'text' });
    expect(interpretScan(']Q1ORDER-1001')).toEqual({ kind: 'sku', raw: ']Q1ORDER-1001', symbology: ']Q1' });
  });
});

describe('interpretScan: identifiers that say the data is not GS1', () => {
  // ISO/IEC 15424 modifiers: ]C0, ]d1, ]Q1 and ]J0 are Code 128, Data Matrix, QR Code and DotCode
  // without FNC1 in first position, i.e. not GS1 (gs1-syntax-engine reads ]d1/]Q1 as plain data).
  it.each([
    [']d1010950110153000310ABC', 'sku'], // looks like AI (01) + (10), but the scanner says plain
    [']J00109501101530003', 'sku'],
    [']C00109501101530003', 'sku'],
    [']Q1(01)09501101530003(10)ABC', 'text'], // brackets printed in the symbol are text
    [`]C010ABC${GS}21XYZ`, 'text'], // a GS inside plain data is a character of the code
    [`]d1ABC${GS}`, 'text'],
  ])('takes %j as the code it is (%s), without AIs', (input, kind) => {
    const result = interpretScan(input);
    expect(result).toMatchObject({ kind, raw: input });
    expect(result).not.toHaveProperty('ais');
  });

  it('still reads AIs after a leading GS, the FNC1 some printers emit as a character', () => {
    expect(interpretScan(`]C0${GS}0109501101530003${GS}10ABC`)).toMatchObject({
      kind: 'gs1',
      symbology: ']C0',
      ais: { '01': '09501101530003', '10': 'ABC' },
    });
    expect(interpretScan(`]d1${GS}010950110153000310ABC`)).toMatchObject({ kind: 'gs1', gtin: '09501101530003' });
    expect(interpretScan(`]Q1${GS}0109501101530004`)).toMatchObject({ problem: 'bad_check_digit', detail: { ai: '01' } });
  });

  it('reads FNC1-in-first-position identifiers with ECI (]d5, ]Q4) as GS1', () => {
    expect(interpretScan(']d5010950110153000310ABC')).toMatchObject({ kind: 'gs1', ais: { '01': '09501101530003', '10': 'ABC' } });
    expect(interpretScan(']Q40109501101530003')).toMatchObject({ kind: 'gs1', gtin: '09501101530003' });
  });

  it('reads unmarked scans as before: GS, brackets and AI (01) digits are GS1', () => {
    expect(interpretScan('010950110153000310ABC')).toMatchObject({ kind: 'gs1', ais: { '10': 'ABC' } });
    expect(interpretScan(`10ABC${GS}21XYZ`)).toMatchObject({ kind: 'gs1', ais: { '10': 'ABC', '21': 'XYZ' } });
    expect(interpretScan('(01)09501101530003(10)ABC')).toMatchObject({ kind: 'gs1' });
  });
});

describe("interpretScan: what real labels carry, where GS1's own linter is stricter", () => {
  // A GS1 logistic label splits its data over several barcodes: (02)(37) on one, (10)(15) on
  // another, (00) on the lowest. GS1's parser wants (37) with (00) and (02), (02) with (37),
  // (10) with (01)…; each barcode of such a label is read here on its own.
  it.each([
    [`]C1020950110153000337${'12'}`, { '02': '09501101530003', '37': '12' }],
    [`]C1020950110153000337${'12'}${GS}10LOT-9`, { '02': '09501101530003', '37': '12', '10': 'LOT-9' }],
    [`]C110LOT-9${GS}15261231`, { '10': 'LOT-9', '15': '261231' }],
    [']C13712', { '37': '12' }],
    [']d221SN-1', { '21': 'SN-1' }],
    ['(02)09501101530003(37)12', { '02': '09501101530003', '37': '12' }],
  ])('accepts %j without its companion AIs', (input, ais) => {
    expect(interpretScan(input)).toMatchObject({ kind: 'gs1', ais });
  });

  it("reads a wedge scan of a pallet label's (02)(37) barcode, which arrives as digits only", () => {
    expect(interpretScan('02095011015300033712')).toMatchObject({ kind: 'gs1', ais: { '02': '09501101530003', '37': '12' } });
    expect(interpretScan('0209501101530003')).toMatchObject({ kind: 'gs1', ais: { '02': '09501101530003' } });
    expect(interpretScan('0209501101530004')).toEqual({ kind: 'sku', raw: '0209501101530004' }); // no valid (02): a code as it is
  });

  it.each([
    `]C1${GS}00123456789012345675`,
    `]d2${GS}0109501101530003${GS}10ABC`,
    `]e0${GS}0109501101530003`,
    `${GS}0109501101530003`,
    `${GS}${GS}0209501101530003${GS}3712`,
    `]C0${GS}020950110153000337${'12'}`,
  ])('accepts a leading GS (FNC1 sent as a character): %j', (input) => {
    expect(interpretScan(input)).toMatchObject({ ais: expect.any(Object) });
    expect(interpretScan(input)).not.toHaveProperty('problem');
  });
});

describe('interpretScan: problems', () => {
  it.each([
    ['', 'empty'],
    ['\r\n', 'empty'],
    [']d2', 'empty'],
    ['4006381333932', 'bad_check_digit'],
    ['04252615', 'bad_check_digit'],
    ['123456789012345670', 'bad_check_digit'],
    ['(01)09501101530004', 'bad_check_digit'],
    [']E412345678', 'bad_check_digit'],
    [']E41234567', 'not_a_gtin'],
    [']E01234ABC890123', 'not_a_gtin'],
    [']d20109501101530003172513', 'gs1_invalid'],
    [`]d2011234567890123`, 'gs1_invalid'],
    [`]C110${'X'.repeat(21)}`, 'gs1_invalid'],
    ['(17)251332', 'gs1_invalid'],
    ['A\tB', 'control_characters'],
    ['ABC\u0000', 'control_characters'],
    ['\u0085', 'control_characters'],
    ['\ud83d', 'invalid_text'],
    ['x\udc00y', 'invalid_text'],
    ['9'.repeat(MAX_SCAN_LENGTH + 1), 'too_long'],
  ])('%j → %s', (input, problem) => {
    const result = interpretScan(input);
    expect(result).toMatchObject({ problem });
    expect('message' in result && result.message.length).toBeGreaterThan(5);
  });

  it('names the AI of a GS1 problem', () => {
    expect(interpretScan(']d20109501101530003172513')).toMatchObject({
      problem: 'gs1_invalid',
      detail: { ai: '17', reason: 'truncated', symbology: ']d2' },
    });
    expect(interpretScan(`]d2010950110153000410X`)).toMatchObject({ problem: 'bad_check_digit', detail: { ai: '01' } });
  });

  it('accepts a valid emoji (a surrogate pair) as text, and 4096 characters', () => {
    expect(interpretScan('📦')).toEqual({ kind: 'text', raw: '📦' });
    expect(interpretScan('x'.repeat(MAX_SCAN_LENGTH))).toMatchObject({ kind: 'text' });
  });
});
