/**
 * Our one-line street ("ul. Polna 12/4") in the parts carriers ask for, and names and phone
 * numbers in the shapes they accept. Pure helpers shared by the adapters.
 */

export interface StreetParts {
  street: string;
  building: string;
  flat: string | null;
}

/** Splits off the house number (and flat after "/" or " m. ") at the end; the whole line is the street when there is none. */
export function splitStreet(line: string): StreetParts {
  const text = line.trim().replace(/\s+/g, ' ');
  const m = /^(.*?\D)[\s,]*(\d+[A-Za-z]?)(?:\s*(?:\/|m\.?|lok\.?)\s*(\d+[A-Za-z]?))?$/i.exec(text);
  if (!m || !m[1]?.trim()) return { street: text, building: '', flat: null };
  return { street: m[1].trim().replace(/,$/, ''), building: m[2] as string, flat: m[3] ?? null };
}

/** First name and last name from one field: the last word is the last name. */
export function splitName(name: string): { first: string; last: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return { first: words[0] ?? '', last: words[0] ?? '' };
  return { first: words.slice(0, -1).join(' '), last: words[words.length - 1] as string };
}

/** A Polish mobile number as the 9 digits carriers want: +48, 0048, spaces and dashes dropped. */
export function nationalPhone(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/[^\d+]/g, '');
  const national = digits.replace(/^(\+48|0048)(?=\d{9}$)/, '');
  return national.replace(/\D/g, '') || null;
}

/** A Polish post code as NN-NNN when it has five digits; anything else as given. */
export function dashedPostcode(postcode: string): string {
  const digits = postcode.replace(/\D/g, '');
  return digits.length === 5 && /^[\d\s-]+$/.test(postcode.trim()) ? `${digits.slice(0, 2)}-${digits.slice(2)}` : postcode.trim();
}

/** Amount in minor units as a decimal string with two places (12345 → "123.45"). */
export function decimalAmount(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(Math.round(minor));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
