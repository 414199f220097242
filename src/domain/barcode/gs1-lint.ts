import { hasValidCheckDigit } from './gtin';
import type { AiCharset } from './gs1-ai';

// GS1 character sets. X is CSET 82, Y is CSET 39, Z is base64url with optional "=" padding.
const CHARSETS: Record<AiCharset, RegExp> = {
  N: /^[0-9]*$/,
  X: /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/,
  Y: /^[#\-/0-9A-Z]*$/,
  Z: /^[A-Za-z0-9\-_]*={0,2}$/,
};

const CHARSET_NAMES: Record<AiCharset, string> = {
  N: 'digits only',
  X: 'the GS1 character set 82',
  Y: 'the GS1 character set 39',
  Z: 'the GS1 character set 64 (base64url)',
};

export function fitsCharset(value: string, charset: AiCharset): boolean {
  return CHARSETS[charset].test(value);
}

export function charsetName(charset: AiCharset): string {
  return CHARSET_NAMES[charset];
}

export type LintFailure = { code: 'bad_check_digit' | 'bad_date' | 'bad_value'; reason: string };

const two = (s: string, at: number): number => Number(s.slice(at, at + 2));

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * A date is checked with its full year. Two-digit years are read as 20YY: within the GS1
 * sliding window (±50 years) the leap years are the same as for 20YY.
 */
function validDate(year: number, month: number, day: number, dayZeroAllowed: boolean): boolean {
  if (month < 1 || month > 12) return false;
  if (day === 0) return dayZeroAllowed;
  return day <= daysInMonth(year, month);
}

function dateLinter(value: string, fourDigitYear: boolean, dayZeroAllowed: boolean): LintFailure | null {
  const y = fourDigitYear ? Number(value.slice(0, 4)) : 2000 + two(value, 0);
  const rest = fourDigitYear ? 4 : 2;
  if (validDate(y, two(value, rest), two(value, rest + 2), dayZeroAllowed)) return null;
  const format = `${fourDigitYear ? 'YYYY' : 'YY'}MMDD`;
  return { code: 'bad_date', reason: `"${value}" is not a valid date (${format})` };
}

const badValue = (reason: string): LintFailure => ({ code: 'bad_value', reason });

/**
 * The GS1 syntax tests we apply. The rest (UNCHECKED_LINTERS) are not needed to verify a parcel
 * and pass unchecked; a test keeps every linter the dictionary names in one list or the other.
 */
const LINTERS: Record<string, (value: string) => LintFailure | null> = {
  csum: (v) => (hasValidCheckDigit(v) ? null : { code: 'bad_check_digit', reason: `check digit of ${v} is wrong` }),
  yymmdd: (v) => dateLinter(v, false, false),
  yymmd0: (v) => dateLinter(v, false, true),
  yyyymmdd: (v) => dateLinter(v, true, false),
  yyyymmd0: (v) => dateLinter(v, true, true),
  hhmi: (v) => (two(v, 0) <= 23 && two(v, 2) <= 59 ? null : badValue(`"${v}" is not a valid time (HHMI)`)),
  hh: (v) => (two(v, 0) <= 23 ? null : badValue(`"${v}" is not a valid hour`)),
  mi: (v) => (two(v, 0) <= 59 ? null : badValue(`"${v}" is not a valid minute`)),
  ss: (v) => (two(v, 0) <= 59 ? null : badValue(`"${v}" is not a valid second`)),
  zero: (v) => (v === '0' ? null : badValue(`"${v}" must be 0`)),
  nonzero: (v) => (/^0+$/.test(v) ? badValue(`"${v}" must not be zero`) : null),
  yesno: (v) => (v === '0' || v === '1' ? null : badValue(`"${v}" must be 0 or 1`)),
  winding: (v) => (['0', '1', '9'].includes(v) ? null : badValue(`"${v}" is not a winding direction (0, 1 or 9)`)),
  hyphen: (v) => (v === '-' ? null : badValue(`"${v}" must be a hyphen`)),
  // The dictionary's test for (8011): any value starting with 0, a lone "0" included, as GS1's
  // lint_nozeroprefix.c and its unit tests have it. We used to let "0" through, which GS1's own
  // parser refuses; a label we accept must be one GS1 would accept here.
  nozeroprefix: (v) => (v.startsWith('0') ? badValue(`"${v}" must not start with 0`) : null),
  pieceoftotal: (v) => {
    const piece = two(v, 0);
    const total = two(v, 2);
    return piece >= 1 && total >= 1 && piece <= total ? null : badValue(`"${v}" is not a piece of a total`);
  },
};

export const CHECKED_LINTERS: ReadonlySet<string> = new Set(Object.keys(LINTERS));

/**
 * Linters named in the dictionary that we knowingly skip: a company prefix's position needs GS1's
 * prefix tables; country, currency, gender, media and package codes, coordinates, IBANs, coupons,
 * importer indexes and alphanumeric check pairs say nothing about which item is in the parcel.
 */
export const UNCHECKED_LINTERS: ReadonlySet<string> = new Set([
  'gcppos1',
  'gcppos2',
  'csumalpha',
  'iso3166',
  'iso3166999',
  'iso3166alpha2',
  'iso4217',
  'iso5218',
  'latitude',
  'longitude',
  'mediatype',
  'packagetype',
  'pcenc',
  'posinseqslash',
  'hasnondigit',
  'couponcode',
  'couponposoffer',
  'iban',
  'importeridx',
]);

export function runLinter(name: string, value: string): LintFailure | null {
  const linter = Object.hasOwn(LINTERS, name) ? LINTERS[name] : undefined;
  return linter ? linter(value) : null;
}
