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
