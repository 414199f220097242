import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  daysLeft,
  deadlineAfter,
  isLocalDate,
  isPast,
  isTimeZone,
  localDateOf,
  startOfDay,
} from '../../../../src/domain/returns/calendar';

const WARSAW = 'Europe/Warsaw';

describe('calendar dates in a time zone', () => {
  it('tells the station’s date of an instant, not UTC’s', () => {
    expect(localDateOf('2026-03-28T23:30:00Z', WARSAW)).toBe('2026-03-29');
    expect(localDateOf('2026-07-31T22:30:00Z', WARSAW)).toBe('2026-08-01');
    expect(localDateOf('2026-07-31T21:59:59Z', WARSAW)).toBe('2026-07-31');
    expect(localDateOf('2026-11-20T03:00:00Z', 'America/New_York')).toBe('2026-11-19');
    expect(localDateOf('2026-12-31T23:00:00Z', WARSAW)).toBe('2027-01-01');
  });

  it('adds days across month ends, leap days and year ends', () => {
    expect(addDays('2026-01-31', 14)).toBe('2026-02-14');
    expect(addDays('2026-02-20', 14)).toBe('2026-03-06');
    expect(addDays('2028-02-20', 14)).toBe('2028-03-05');
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-02-20', '2026-03-06')).toBe(14);
    expect(daysBetween('2026-03-06', '2026-02-20')).toBe(-14);
    expect(daysBetween('2026-03-20', '2026-04-03')).toBe(14);
  });

  it('refuses what is not a date', () => {
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('20260101')).toBe(false);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(isTimeZone('Europe/Warsaw')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('starts each day at its local midnight, also on days the clocks change', () => {
    expect(startOfDay('2026-01-15', WARSAW).toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfDay('2026-07-15', WARSAW).toISOString()).toBe('2026-07-14T22:00:00.000Z');
    // Clocks go forward at 02:00 on 29 March 2026 and back at 03:00 on 25 October 2026.
    expect(startOfDay('2026-03-29', WARSAW).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDay('2026-03-30', WARSAW).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfDay('2026-10-25', WARSAW).toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfDay('2026-10-26', WARSAW).toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('starts every day of a year exactly when the one before it ends, in zones with and without summer time', () => {
    for (const zone of [WARSAW, 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC', 'America/St_Johns']) {
      for (let day = '2026-01-01'; day < '2027-01-01'; day = addDays(day, 1)) {
        const start = startOfDay(day, zone);
        expect(localDateOf(start, zone), `${zone} ${day}`).toBe(day);
        expect(localDateOf(new Date(start.getTime() - 1), zone), `${zone} ${day}`).toBe(addDays(day, -1));
      }
    }
  });
});

describe('a deadline of days', () => {
  it('does not count the day of the event and ends at the next local midnight', () => {
    expect(deadlineAfter('2026-11-03', 14, WARSAW)).toEqual({ lastDay: '2026-11-17', endsAt: '2026-11-17T23:00:00.000Z' });
    // Over a month end, into a shorter month.
    expect(deadlineAfter('2026-01-31', 14, WARSAW)).toEqual({ lastDay: '2026-02-14', endsAt: '2026-02-14T23:00:00.000Z' });
    // Over the spring change of clocks: the last day ends at midnight summer time.
    expect(deadlineAfter('2026-03-20', 14, WARSAW)).toEqual({ lastDay: '2026-04-03', endsAt: '2026-04-03T22:00:00.000Z' });
    // Over the autumn change: midnight winter time again.
    expect(deadlineAfter('2026-10-20', 14, WARSAW)).toEqual({ lastDay: '2026-11-03', endsAt: '2026-11-03T23:00:00.000Z' });
    // Ending on the day the clocks go forward (a 23-hour day).
    expect(deadlineAfter('2026-03-15', 14, WARSAW)).toEqual({ lastDay: '2026-03-29', endsAt: '2026-03-29T22:00:00.000Z' });
    // Over a year end.
    expect(deadlineAfter('2026-12-28', 14, WARSAW)).toEqual({ lastDay: '2027-01-11', endsAt: '2027-01-11T23:00:00.000Z' });
  });

  it('is the same last day in every zone, each ending at its own midnight', () => {
    expect(deadlineAfter('2026-11-03', 14, 'America/New_York')).toEqual({ lastDay: '2026-11-17', endsAt: '2026-11-18T05:00:00.000Z' });
    expect(deadlineAfter('2026-11-03', 14, 'Asia/Tokyo')).toEqual({ lastDay: '2026-11-17', endsAt: '2026-11-17T15:00:00.000Z' });
  });

  it('is met through the last second of its last day, and past from the next', () => {
    const deadline = deadlineAfter('2026-11-03', 14, WARSAW);
    expect(isPast(deadline, new Date('2026-11-17T22:59:59.999Z'))).toBe(false);
    expect(isPast(deadline, new Date('2026-11-17T23:00:00.000Z'))).toBe(true);
    expect(daysLeft(deadline, new Date('2026-11-03T10:00:00Z'), WARSAW)).toBe(14);
    expect(daysLeft(deadline, new Date('2026-11-17T22:30:00Z'), WARSAW)).toBe(0);
    // 00:30 in Warsaw on the 18th: one day late, though still the 17th in UTC.
    expect(daysLeft(deadline, new Date('2026-11-17T23:30:00Z'), WARSAW)).toBe(-1);
  });
});
