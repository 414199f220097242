/**
 * Shifts as a manager sets them: the local times at which shifts start ("06:00", "14:00",
 * "22:00"), each lasting until the next one starts (the last until the first, next day). A
 * station keeps its own pattern or follows the warehouse's; times are read in the station's
 * time zone, so a shift keeps its wall-clock hours across a change of daylight saving time.
 */

/** Until a manager sets them: three eight-hour shifts. */
export const DEFAULT_SHIFT_STARTS: readonly string[] = ['06:00', '14:00', '22:00'];
export const MAX_SHIFTS_PER_DAY = 6;
/** Shorter shifts are a typing slip, not a way to work. */
export const MIN_SHIFT_MINUTES = 60;

export type ShiftProblem = 'empty' | 'tooMany' | 'badTime' | 'repeated' | 'tooShort';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of "HH:MM", or null. */
export function minutesOf(time: string): number | null {
  const m = TIME.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** The starts sorted, or what is wrong with them. */
export function checkShiftStarts(starts: readonly string[]): { ok: true; starts: string[] } | { ok: false; problem: ShiftProblem; time?: string } {
  if (starts.length === 0) return { ok: false, problem: 'empty' };
  if (starts.length > MAX_SHIFTS_PER_DAY) return { ok: false, problem: 'tooMany' };
  const bad = starts.find((s) => minutesOf(s) === null);
  if (bad !== undefined) return { ok: false, problem: 'badTime', time: bad };
  const sorted = [...starts].sort((a, b) => minutesOf(a)! - minutesOf(b)!);
  const repeated = sorted.find((s, i) => i > 0 && s === sorted[i - 1]);
  if (repeated !== undefined) return { ok: false, problem: 'repeated', time: repeated };
  const mins = sorted.map((s) => minutesOf(s)!);
  const lengthOf = (i: number) => (mins.length === 1 ? 24 * 60 : (mins[(i + 1) % mins.length]! - mins[i]! + 24 * 60) % (24 * 60));
  const short = mins.findIndex((_, i) => lengthOf(i) < MIN_SHIFT_MINUTES);
  if (short >= 0) return { ok: false, problem: 'tooShort', time: sorted[short]! };
  return { ok: true, starts: sorted };
}

/** The offset of the zone from UTC at an instant, in milliseconds (Warsaw in winter: +3,600,000). */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant of a wall-clock time in the zone (a time skipped by a clock change falls an hour later). */
function instantOf(year: number, month: number, day: number, minutes: number, timeZone: string): number {
  const wall = Date.UTC(year, month, day, 0, minutes);
  const first = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(first, timeZone);
}

/** The calendar day of an instant in the zone. */
function localDay(instant: number, timeZone: string): { year: number; month: number; day: number } {
  const local = new Date(instant + offsetAt(instant, timeZone));
  return { year: local.getUTCFullYear(), month: local.getUTCMonth(), day: local.getUTCDate() };
}

export interface Shift {
  from: Date;
  to: Date;
  /** The start time as set ("14:00"): the shift's name on screen. */
  start: string;
  /** The next shift's start time ("22:00"). */
  end: string;
}

/** The shift that contains `at`, by these starts (checked ones) in this time zone. */
export function shiftContaining(at: Date, starts: readonly string[], timeZone: string): Shift {
  const { year, month, day } = localDay(at.getTime(), timeZone);
  // Candidate starts: yesterday's, today's and tomorrow's; the last one not after `at`.
  const candidates = [-1, 0, 1, 2].flatMap((d) => starts.map((start) => ({ start, at: instantOf(year, month, day + d, minutesOf(start)!, timeZone) })));
  const index = candidates.findLastIndex((c) => c.at <= at.getTime());
  const [from, to] = [candidates[index]!, candidates[index + 1]!];
  return { from: new Date(from.at), to: new Date(to.at), start: from.start, end: to.start };
}

/** The calendar day in the zone that contains `at`: its bounds and its date ("2026-11-20"). */
export function dayContaining(at: Date, timeZone: string): { from: Date; to: Date; date: string } {
  const day = shiftContaining(at, ['00:00'], timeZone);
  const { year, month, day: d } = localDay(day.from.getTime(), timeZone);
  return { from: day.from, to: day.to, date: `${year}-${String(month + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/** The runtime's own time zone (a browser's, a CLI's). */
export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
