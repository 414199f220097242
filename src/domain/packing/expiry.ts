import { gs1Date } from '../barcode/gs1-date';

function realDate(iso: string | null): string | null {
  if (iso === null) return null;
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? iso : null;
}

/**
 * An expiry date read off a pack by the packer, as YYYY-MM-DD: YYMMDD as GS1's AI 17 has it (day
 * 00 is the month's end), or a full date, YYYY-MM-DD or DD.MM.YYYY as Polish packs print it. Null
 * for anything that is not a real date, so a typo is refused rather than taken for "no expiry".
 */
export function typedExpiry(text: string, today: string): string | null {
  const typed = text.trim();
  if (/^\d{6}$/.test(typed)) return realDate(gs1Date(typed, new Date(`${today}T00:00:00Z`)));
  if (/^\d{4}-\d{2}-\d{2}$/.test(typed)) return realDate(typed);
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(typed);
  if (dotted) return realDate(`${dotted[3]}-${dotted[2]!.padStart(2, '0')}-${dotted[1]!.padStart(2, '0')}`);
  return null;
}
