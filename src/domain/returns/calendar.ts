/**
 * Calendar days in a time zone. Deadlines in days are counted on the station's calendar (its
 * time zone, Europe/Warsaw by default), not in hours: "14 days from delivery" ends when the 14th
 * day after the delivery day ends there, whatever the month's length or a change of clocks in
 * between. The day of the event itself is not counted (Kodeks cywilny, art. 111 § 2).
 */
import type { LocalDate } from './types';

export const DEFAULT_TIME_ZONE = 'Europe/Warsaw';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

function parts(date: LocalDate): [number, number, number] {
  const m = DATE.exec(date);
  if (!m || !isLocalDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Whether a time zone name is one the runtime knows (IANA, e.g. Europe/Warsaw). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

function wallClock(instant: Date, zone: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const found = formatter(zone).formatToParts(instant);
  const get = (type: string) => Number(found.find((p) => p.type === type)?.value);
  return { y: get('year'), mo: get('month'), d: get('day'), h: get('hour'), mi: get('minute'), s: get('second') };
}

/** The calendar date an instant falls on in a time zone. */
export function localDateOf(instant: Date | string, zone: string): LocalDate {
  const w = wallClock(typeof instant === 'string' ? new Date(instant) : instant, zone);
  return `${String(w.y).padStart(4, '0')}-${String(w.mo).padStart(2, '0')}-${String(w.d).padStart(2, '0')}`;
}

/** How far the zone's clocks are ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, zone: string): number {
  const w = wallClock(new Date(instant), zone);
  const asUtc = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a calendar day starts in a time zone (its local midnight, or the first moment after it on a day the clocks skip it). */
export function startOfDay(date: LocalDate, zone: string): Date {
  const [y, m, d] = parts(date);
  const wall = Date.UTC(y, m - 1, d);
  // Two passes settle the offset, also when midnight is near a change of clocks.
  let instant = wall - offsetAt(wall, zone);
  instant = wall - offsetAt(instant, zone);
  if (localDateOf(new Date(instant), zone) !== date) instant += 60 * 60 * 1000;
  return new Date(instant);
}

/** A calendar date moved by whole days (negative goes back); month and year ends are crossed as the calendar has them. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from one date to another (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** A period of days from an event: its last day, and the instant it ends (the next local midnight). */
export interface Deadline {
  /** The last day on which the thing may still be done. */
  lastDay: LocalDate;
  /** The first instant past the deadline, UTC ISO. */
  endsAt: string;
}

/** The deadline `days` days after the day of `from` (that day not counted), in a time zone. */
export function deadlineAfter(from: LocalDate, days: number, zone: string): Deadline {
  const lastDay = addDays(from, days);
  return { lastDay, endsAt: startOfDay(addDays(lastDay, 1), zone).toISOString() };
}

/** Whether the deadline has passed at `now`. */
export function isPast(deadline: Deadline, now: Date): boolean {
  return now.getTime() >= Date.parse(deadline.endsAt);
}

/** Calendar days left until the deadline's last day (0 on that day, negative once past), in a time zone. */
export function daysLeft(deadline: Deadline, now: Date, zone: string): number {
  return daysBetween(localDateOf(now, zone), deadline.lastDay);
}
