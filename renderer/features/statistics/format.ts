import i18next from 'i18next';

/** Numbers in the screen's language: at most two decimals, a dash for "cannot be said". */
export function num(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(i18next.language, { maximumFractionDigits: digits }).format(value);
}

export const hours = (seconds: number) => seconds / 3600;

export function dateTime(iso: string): string {
  return new Intl.DateTimeFormat(i18next.language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

export function day(date: Date): string {
  return new Intl.DateTimeFormat(i18next.language, { dateStyle: 'medium' }).format(date);
}

/** YYYY-MM-DD of a local date, for a date input. */
export function inputDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
