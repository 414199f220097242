import { describe, expect, it } from 'vitest';
import { GS, parseBracketed, parseElementString, toBracketed, toElementString, validateElement } from '../../../../src/domain/barcode/gs1';
import { GS1_AI_TABLE } from '../../../../src/domain/barcode/gs1-ai-table';
import { CHECKED_LINTERS, UNCHECKED_LINTERS } from '../../../../src/domain/barcode/gs1-lint';
import { parseDigitalLink } from '../../../../src/domain/barcode/digital-link';

// Vectors after gs1/gs1-syntax-engine's ai.c unit tests (processAIdata, parseAIdata, linters),
// with "^" written as the GS a scanner sends.
const VALID_RAW = [
  '991234',
  '0112345678901231',
  `0112345678901231${GS}`, // superfluous GS at the end
  '0112345678901231991234', // fixed length runs straight into the next AI
  `0112345678901231${GS}991234`, // superfluous GS after a fixed-length AI
  '2421',
  '242123456',
  `242123456${GS}10ABC123`,
  '81111234',
  `81111234${GS}10ABC123`,
  '800112341234512398',
  `800112341234512398${GS}0112345678901231`,
  '7007211225211231', // N6 [N6] with the optional part
  '7007211225', // … and without it
  '800302112345678900ABC',
  '800302112345678900',
  `800302112345678900${GS}10ABC123`,
  '800302112345678900ABCDEFGHIJKLMNOP',
  '7230121234567890123456789012345678',
  '7230123',
  `${GS}0112345678901231`, // FNC1 in first position sent as GS
  `10ABC${GS}${GS}`,
];

const INVALID_RAW: [data: string, code: string, ai?: string][] = [
  ['', 'empty'],
  [GS, 'empty'],
  ['891234', 'unknown_ai'],
  ['99~ABC', 'bad_character', '99'],
  ['99ABC~', 'bad_character', '99'],
  ['01A2345678901231', 'bad_character', '01'],
  ['011234567890123A', 'bad_character', '01'],
  ['0112345678901234', 'bad_check_digit', '01'],
  ['011234567890123', 'truncated', '01'],
  ['01123456789012312', 'truncated'], // a lone "2" after the GTIN
  [`011234567890123${GS}`, 'truncated', '01'],
  [`01123456789012345${GS}`, 'unknown_ai'],
  ['2421234567', 'missing_separator', '242'],
  ['8111123', 'too_short', '8111'],
  ['811112345', 'missing_separator', '8111'],
  ['80011234123451239', 'too_short', '8001'],
  ['8001123412345123981', 'missing_separator', '8001'],
  ['70072112252', 'too_short', '7007'],
  ['700721122521123', 'too_short', '7007'],
  ['70072112252212311', 'missing_separator', '7007'],
  ['800302112345678901ABC', 'bad_check_digit', '8003'],
  ['800302112345678900ABCDEFGHIJKLMNOPQ', 'missing_separator', '8003'],
  ['72301212345678901234567890123456789', 'missing_separator', '7230'],
  ['723012', 'too_short', '7230'],
  ['10', 'truncated', '10'],
  [`10${GS}21X`, 'truncated', '10'],
  ['0', 'truncated'],
  [`10ABC${GS}10XYZ`, 'conflicting_ai', '10'],
];

describe('parseElementString (scan data with GS)', () => {
  it.each(VALID_RAW)('accepts %j', (data) => {
    expect(parseElementString(data)).toMatchObject({ ok: true });
  });

  it.each(INVALID_RAW)('refuses %j with %s', (data, code, ai) => {
    const parsed = parseElementString(data);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problem.code).toBe(code);
    if (ai !== undefined) {
      expect(parsed.problem.ai).toBe(ai);
      expect(parsed.problem.message).toContain(`(${ai})`);
    }
  });

  it('returns the AIs in order and as a map', () => {
    const parsed = parseElementString(`0109501101530003172512001012AB${GS}21S/N-9`);
    expect(parsed).toEqual({
      ok: true,
      elements: [
        { ai: '01', value: '09501101530003' },
        { ai: '17', value: '251200' },
        { ai: '10', value: '12AB' },
        { ai: '21', value: 'S/N-9' },
      ],
      ais: { '01': '09501101530003', '17': '251200', '10': '12AB', '21': 'S/N-9' },
    });
  });

  it('accepts a repeated AI with the same value', () => {
    expect(parseElementString(`10ABC${GS}10ABC`)).toMatchObject({ ok: true, ais: { '10': 'ABC' } });
  });
});

describe('parseBracketed (typed human-readable form)', () => {
  it('reads the example of the packing screen', () => {
    expect(parseBracketed('(01)09501101530003(17)251231(10)ABC')).toMatchObject({
      ok: true,
      ais: { '01': '09501101530003', '17': '251231', '10': 'ABC' },
    });
  });

  it.each([
    ['(01)12345678901231', { '01': '12345678901231' }],
    ['(3100)123456(10)12345', { '3100': '123456', '10': '12345' }],
    ['(3900)12345(11)991225', { '3900': '12345', '11': '991225' }],
    ['(10)12345\\(11)991225', { '10': '12345(11)991225' }], // escaped bracket
    ['(10)12345\\(', { '10': '12345(' }],
    ['(01)95012345678903(3103)000123', { '01': '95012345678903', '3103': '000123' }],
  ])('accepts %s', (text, ais) => {
    expect(parseBracketed(text)).toEqual({ ok: true, elements: expect.any(Array), ais });
  });

  it.each([
    ['(10)(11)98765', 'too_short'],
    ['(10)12345(11)', 'too_short'],
    ['(1A)12345', 'malformed'],
    ['1(12345', 'malformed'],
    ['()12345', 'malformed'],
    ['(1)12345', 'malformed'],
    ['(12345)12345', 'malformed'],
    ['(15', 'truncated'],
    ['(', 'truncated'],
    ['(89)1234', 'unknown_ai'],
    ['(01)123456789012312(10)12345', 'too_long'],
    ['(17)9(90)217', 'too_short'],
    ['(01)95012345678902(3103)000123', 'bad_check_digit'],
    ['(01)95012345678903(11)131313', 'bad_date'],
    ['(00)123456789012345670', 'bad_check_digit'],
    ['(00)A23456789012345675', 'bad_character'],
    ['(10) ', 'bad_character'],
    ['(8010)123456_', 'bad_character'], // CSET 39
    ['(8030)ABC:123', 'bad_character'], // CSET 64
    ['(4326)201300', 'bad_date'], // month 13
    ['(4326)201200', 'bad_date'], // yymmdd: no day 00
    ['(4324)2012252400', 'bad_value'], // hour 24
    ['(4324)2012252360', 'bad_value'], // minute 60
    ['(8008)201225230060', 'bad_value'], // second 60
    ['(4321)2', 'bad_value'], // yes/no
    ['(8001)12340000012311', 'bad_value'], // zero width
    ['(8001)12341234512321', 'bad_value'], // winding direction
    ['(8003)112345678901281234567890123456', 'bad_value'], // must be zero
    ['(8011)023456789012', 'bad_value'], // zero prefix
    ['(8010)ABC(8011)0', 'bad_value'], // a lone 0 is a zero prefix too (gs1-syntax-engine lint_nozeroprefix.c)
    ['(8026)123456789012310099', 'bad_value'], // piece 0
    ['(8026)123456789012310302', 'bad_value'], // piece beyond total
  ])('refuses %s with %s', (text, code) => {
    expect(parseBracketed(text)).toMatchObject({ ok: false, problem: { code } });
  });
});

describe("AI (8011) CPID SERIAL: N..12 with the dictionary's linter nozeroprefix", () => {
  // GS1's reference linter refuses any value that starts with 0, "0" itself included (its unit
  // tests: "0", "01", "012" fail; "1", "10", "210" pass). We let a lone 0 through; now we do not.
  it.each(['0', '00', '01', '012', '023456789012'])('refuses %s', (value) => {
    expect(validateElement('8011', value)).toMatchObject({ code: 'bad_value', ai: '8011' });
  });

  it.each(['1', '10', '210', '123456789012'])('accepts %s', (value) => {
    expect(validateElement('8011', value)).toBeNull();
  });

  it('applies wherever (8011) comes from: scan data, the bracketed form, a Digital Link', () => {
    expect(parseElementString(`8010ABC${GS}80110`)).toMatchObject({ ok: false, problem: { code: 'bad_value', ai: '8011' } });
    expect(parseBracketed('(8010)ABC(8011)0')).toMatchObject({ ok: false, problem: { code: 'bad_value', ai: '8011' } });
    expect(parseDigitalLink('https://id.gs1.org/8010/ABC/8011/0')).toMatchObject({ parsed: { ok: false, problem: { code: 'bad_value', ai: '8011' } } });
  });
});

describe('the linters the dictionary names', () => {
  it('are each either checked or knowingly left unchecked, so none is skipped by accident', () => {
    const named = new Set(Object.values(GS1_AI_TABLE).flatMap((def) => def.components.flatMap((c) => c.linters)));
    const unaccounted = [...named].filter((name) => !CHECKED_LINTERS.has(name) && !UNCHECKED_LINTERS.has(name));
    expect(unaccounted).toEqual([]);
    expect([...CHECKED_LINTERS].filter((name) => UNCHECKED_LINTERS.has(name))).toEqual([]);
  });
});

describe('dates', () => {
  it('allows day 00 (end of month) for the expiry date, AI 17', () => {
    expect(validateElement('17', '251200')).toBeNull();
    expect(validateElement('17', '240229')).toBeNull(); // leap year
    expect(validateElement('17', '250229')).toMatchObject({ code: 'bad_date', ai: '17' });
    expect(validateElement('17', '250431')).toMatchObject({ code: 'bad_date' });
    expect(validateElement('17', '250015')).toMatchObject({ code: 'bad_date' });
  });

  it('names the AI and the date in the message', () => {
    expect(validateElement('17', '251332')?.message).toBe('AI (17) USE BY or EXPIRY: "251332" is not a valid date (YYMMDD)');
  });

  it('checks every date AI 11–17 and the four-digit-year dates', () => {
    for (const ai of ['11', '12', '13', '15', '16', '17']) expect(validateElement(ai, '251301')).toMatchObject({ code: 'bad_date' });
    expect(validateElement('7250', '20000229')).toBeNull();
    expect(validateElement('7250', '19000229')).toMatchObject({ code: 'bad_date' });
  });
});

describe('writing element strings', () => {
  it('puts a GS only after variable-length fields that are followed by another AI', () => {
    const elements = [
      { ai: '01', value: '09501101530003' },
      { ai: '10', value: 'AB(1' },
      { ai: '17', value: '251231' },
      { ai: '21', value: 'XYZ' },
    ];
    expect(toElementString(elements)).toBe(`0109501101530003${'10AB(1'}${GS}1725123121XYZ`);
    expect(toBracketed(elements)).toBe('(01)09501101530003(10)AB\\(1(17)251231(21)XYZ');
    expect(parseBracketed(toBracketed(elements))).toMatchObject({ ok: true, elements });
  });
});
