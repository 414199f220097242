/**
 * GS1 mod-10 check digit over the data digits (without the check digit): weights 3,1,3,1…
 * from the rightmost data digit leftwards. Used by GTIN-8/12/13/14 and the SSCC.
 */
export function gs1CheckDigit(dataDigits: string): number {
  let sum = 0;
  for (let i = dataDigits.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += (dataDigits.charCodeAt(i) - 48) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit of an all-digit string is its GS1 check digit. */
export function hasValidCheckDigit(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return gs1CheckDigit(digits.slice(0, -1)) === digits.charCodeAt(digits.length - 1) - 48;
}

/** The retail code a GTIN was read from, before it was padded to 14 digits. */
export type GtinFormat = 'EAN-8' | 'UPC-E' | 'UPC-A' | 'EAN-13' | 'GTIN-14';

/**
 * What the scanner said an 8-digit code is: the AIM identifier ]E4 means EAN-8, ]E0 means
 * UPC-E (it also covers EAN-13 and UPC-A, which are told apart by length).
 */
export type EightDigitHint = 'ean8' | 'upce';

export type GtinProblem = 'not_digits' | 'bad_length' | 'bad_check_digit' | 'not_upce';

export type GtinRead = { ok: true; gtin: string; format: GtinFormat } | { ok: false; problem: GtinProblem; message: string };

/**
 * Expands an 8-digit UPC-E (number system 0 or 1) to its 12-digit UPC-A. The UPC-E check digit
 * is the UPC-A's; it is carried over, not checked here. Null when it cannot be a UPC-E.
 */
export function expandUpcE(upce: string): string | null {
  if (!/^[01]\d{7}$/.test(upce)) return null;
  const ns = upce.charAt(0);
  const [d1, d2, d3, d4, d5, d6] = [...upce.slice(1, 7)] as [string, string, string, string, string, string];
  const check = upce.charAt(7);
  let body: string;
  if (d6 <= '2') body = `${d1}${d2}${d6}0000${d3}${d4}${d5}`;
  else if (d6 === '3') body = `${d1}${d2}${d3}00000${d4}${d5}`;
  else if (d6 === '4') body = `${d1}${d2}${d3}${d4}00000${d5}`;
  else body = `${d1}${d2}${d3}${d4}${d5}0000${d6}`;
  return `${ns}${body}${check}`;
}

const FORMAT_BY_LENGTH: Record<number, GtinFormat> = { 12: 'UPC-A', 13: 'EAN-13', 14: 'GTIN-14' };

function badCheck(code: string, format: GtinFormat): GtinRead {
  return { ok: false, problem: 'bad_check_digit', message: `The check digit of ${format} ${code} is wrong` };
}

function readEight(code: string, hint: EightDigitHint | undefined): GtinRead {
  if (hint !== 'upce' && (hint === 'ean8' || hasValidCheckDigit(code))) {
    return hasValidCheckDigit(code) ? { ok: true, gtin: code.padStart(14, '0'), format: 'EAN-8' } : badCheck(code, 'EAN-8');
  }
  const upca = expandUpcE(code);
  if (!upca) {
    return hint === 'upce' ? { ok: false, problem: 'not_upce', message: `${code} is not a UPC-E code: it must start with 0 or 1` } : badCheck(code, 'EAN-8');
  }
  if (hasValidCheckDigit(upca)) return { ok: true, gtin: upca.padStart(14, '0'), format: 'UPC-E' };
  if (hint === 'upce') return badCheck(code, 'UPC-E');
  return { ok: false, problem: 'bad_check_digit', message: `The check digit of ${code} is wrong, read as EAN-8 or as UPC-E` };
}

/**
 * Reads a GTIN-8/12/13/14 (or a UPC-E) as the 14-digit GTIN it stands for, so that UPC-A
 * 036000291452 and EAN-13 0036000291452 compare equal. An 8-digit code without a hint is an
 * EAN-8 when its check digit fits, otherwise it is tried as a UPC-E.
 */
export function readGtin(code: string, hint?: EightDigitHint): GtinRead {
  if (!/^\d+$/.test(code)) return { ok: false, problem: 'not_digits', message: 'A GTIN has digits only' };
  if (code.length === 8) return readEight(code, hint);
  const format = FORMAT_BY_LENGTH[code.length];
  if (!format) {
    return { ok: false, problem: 'bad_length', message: `A GTIN has 8, 12, 13 or 14 digits, not ${code.length}` };
  }
  return hasValidCheckDigit(code) ? { ok: true, gtin: code.padStart(14, '0'), format } : badCheck(code, format);
}

/** One GTIN a code can stand for, and the retail code it was read as. */
export interface GtinReading {
  gtin: string;
  format: GtinFormat;
}

/**
 * Every GTIN a code without a symbology identifier can stand for. Eight digits are the one
 * ambiguous length: EAN-8 carries a GTIN-8 and UPC-E a zero-suppressed GTIN-12 (GS1 General
 * Specifications 5.2.1), and for about one code in ten both check digits fit: 01234565 is EAN-8
 * 00000001234565 and the UPC-E of UPC-A 012345000065. Only the symbol tells which was printed, so
 * both readings come back, EAN-8 first (GTIN-8 is the only GTIN written in 8 digits). Empty when
 * the code is no valid GTIN.
 */
export function gtinReadings(code: string): GtinReading[] {
  if (code.length !== 8) {
    const read = readGtin(code);
    return read.ok ? [{ gtin: read.gtin, format: read.format }] : [];
  }
  return (['ean8', 'upce'] as const).flatMap((hint) => {
    const read = readGtin(code, hint);
    return read.ok ? [{ gtin: read.gtin, format: read.format }] : [];
  });
}

/** The 14-digit GTIN, or null when the code is not a valid GTIN. */
export function normaliseGtin(code: string, hint?: EightDigitHint): string | null {
  const read = readGtin(code, hint);
  return read.ok ? read.gtin : null;
}

/** True when both codes are valid GTINs for the same item, whatever length they were written in. */
export function sameGtin(a: string, b: string): boolean {
  const left = normaliseGtin(a);
  return left !== null && left === normaliseGtin(b);
}
