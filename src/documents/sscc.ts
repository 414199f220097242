import { gs1CheckDigit, hasValidCheckDigit } from '../domain/barcode/gtin';

/**
 * SSCC (GS1 General Specifications 2.2.1): extension digit, GS1 company prefix, serial reference
 * filling the 17 data digits, then the mod-10 check digit.
 */
export function composeSscc(extensionDigit: number, companyPrefix: string, serialReference: number): string {
  if (!Number.isInteger(extensionDigit) || extensionDigit < 0 || extensionDigit > 9) {
    throw new RangeError(`The SSCC extension digit must be 0–9, not ${extensionDigit}`);
  }
  if (!/^\d{7,10}$/.test(companyPrefix)) throw new RangeError(`A GS1 company prefix has 7 to 10 digits, not "${companyPrefix}"`);
  const serialDigits = 16 - companyPrefix.length;
  const serial = String(serialReference);
  if (!Number.isSafeInteger(serialReference) || serialReference < 0 || serial.length > serialDigits) {
    throw new RangeError(`Serial reference ${serialReference} does not fit the ${serialDigits} digits left by prefix ${companyPrefix}`);
  }
  const data = `${extensionDigit}${companyPrefix}${serial.padStart(serialDigits, '0')}`;
  return `${data}${gs1CheckDigit(data)}`;
}

export function isSscc(code: string): boolean {
  return /^\d{18}$/.test(code) && hasValidCheckDigit(code);
}

/** Human-readable interpretation under the GS1-128 symbol. */
export function ssccText(sscc: string): string {
  return `(00) ${sscc}`;
}
