import { DEFAULT_SHIFT_STARTS, localTimeZone, shiftContaining } from '../shifts';

/**
 * Periods in the station's local time: a shift, a day, a week (Monday to Monday) or a month.
 * Bounds are instants, start included and end excluded; a session belongs to the period in which
 * it was completed.
 */
export const PERIOD_KINDS = ['shift', 'day', 'week', 'month'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  from: Date;
  to: Date;
}

const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate());
const addDays = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n, d.getHours(), d.getMinutes());

/**
 * The period of this kind that contains `at` (local time of the runtime). Shifts are a
 * manager's setting: a screen asks the station for the shift (`shift.at`) and passes it here.
 */
export function periodContaining(kind: PeriodKind, at: Date, shift: Period = shiftContaining(at, DEFAULT_SHIFT_STARTS, localTimeZone())): Period {
  const day = startOfDay(at);
  switch (kind) {
    case 'day':
      return { from: day, to: addDays(day, 1) };
    case 'week': {
      const monday = addDays(day, -((day.getDay() + 6) % 7));
      return { from: monday, to: addDays(monday, 7) };
    }
    case 'month':
      return { from: new Date(at.getFullYear(), at.getMonth(), 1), to: new Date(at.getFullYear(), at.getMonth() + 1, 1) };
    case 'shift':
      return { from: shift.from, to: shift.to };
  }
}

/** The `count` weeks (Monday to Monday, local time) that end with the week containing `at`, oldest first. */
export function weeksUpTo(at: Date, count: number): Period[] {
  const last = periodContaining('week', at);
  return Array.from({ length: count }, (_, i) => ({ from: addDays(last.from, -7 * (count - 1 - i)), to: addDays(last.from, -7 * (count - 2 - i)) }));
}

/**
 * `--from 2026-11-01 --to 2026-11-30`: both days whole, in local time (the end is the midnight
 * after the last day). Null for a date that does not exist.
 */
export function daysPeriod(fromDay: string, toDay: string): Period | null {
  const parse = (s: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return null;
    const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return d.getMonth() === Number(m[2]) - 1 && d.getDate() === Number(m[3]) ? d : null;
  };
  const from = parse(fromDay);
  const to = parse(toDay);
  if (!from || !to || to < from) return null;
  return { from, to: addDays(to, 1) };
}
