import { gs1CheckDigit, hasValidCheckDigit } from './gtin';

export type SsccProblem = 'bad_extension_digit' | 'bad_company_prefix' | 'serial_does_not_fit';

/** An SSCC, or why these parts cannot make one: a label must never carry a malformed or reused code. */
export type SsccComposition = { ok: true; sscc: string } | { ok: false; problem: SsccProblem; message: string };

/**
 * SSCC (GS1 General Specifications 2.2.1): extension digit, GS1 company prefix, serial reference
 * filling the 17 data digits, then the mod-10 check digit. A serial that no longer fits is refused,
 * never cut: cutting it would print an SSCC that was printed before.
 */
export function composeSscc(extensionDigit: number, companyPrefix: string, serialReference: number): SsccComposition {
  if (!Number.isInteger(extensionDigit) || extensionDigit < 0 || extensionDigit > 9) {
    return { ok: false, problem: 'bad_extension_digit', message: `The SSCC extension digit must be 0–9, not ${extensionDigit}` };
  }
  if (!/^\d{7,10}$/.test(companyPrefix)) {
    return { ok: false, problem: 'bad_company_prefix', message: `A GS1 company prefix has 7 to 10 digits, not "${companyPrefix}"` };
  }
  const serialDigits = 16 - companyPrefix.length;
  const serial = String(serialReference);
  if (!Number.isSafeInteger(serialReference) || serialReference < 0 || serial.length > serialDigits) {
    return {
      ok: false,
      problem: 'serial_does_not_fit',
      message: `Serial reference ${serialReference} does not fit the ${serialDigits} digits left by prefix ${companyPrefix}`,
    };
  }
  const data = `${extensionDigit}${companyPrefix}${serial.padStart(serialDigits, '0')}`;
  return { ok: true, sscc: `${data}${gs1CheckDigit(data)}` };
}

/** True for 18 digits whose last is their GS1 check digit. */
export function isSscc(code: string): boolean {
  return /^\d{18}$/.test(code) && hasValidCheckDigit(code);
}

/** Human-readable interpretation printed under the GS1-128 symbol: the AI in brackets, then the SSCC. */
export function ssccText(sscc: string): string {
  return `(00) ${sscc}`;
}
