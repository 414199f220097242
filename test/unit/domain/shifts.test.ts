import { describe, expect, it } from 'vitest';
import { checkShiftStarts, DEFAULT_SHIFT_STARTS, shiftContaining } from '../../../src/domain/shifts';

describe('shifts as a manager sets them', () => {
  it('sorts the starts and refuses empty, malformed, repeated, too many or too short shifts', () => {
    expect(checkShiftStarts(['22:00', '06:00', '14:00'])).toEqual({ ok: true, starts: ['06:00', '14:00', '22:00'] });
    expect(checkShiftStarts(['07:30'])).toEqual({ ok: true, starts: ['07:30'] });
    expect(checkShiftStarts([])).toEqual({ ok: false, problem: 'empty' });
    expect(checkShiftStarts(['6:00'])).toEqual({ ok: false, problem: 'badTime', time: '6:00' });
    expect(checkShiftStarts(['24:00'])).toEqual({ ok: false, problem: 'badTime', time: '24:00' });
    expect(checkShiftStarts(['06:00', '06:00'])).toEqual({ ok: false, problem: 'repeated', time: '06:00' });
    expect(checkShiftStarts(['06:00', '06:30'])).toEqual({ ok: false, problem: 'tooShort', time: '06:00' });
    expect(checkShiftStarts(['23:30', '00:10'])).toEqual({ ok: false, problem: 'tooShort', time: '23:30' });
    expect(checkShiftStarts(['00:00', '04:00', '08:00', '12:00', '16:00', '20:00', '22:00'])).toEqual({ ok: false, problem: 'tooMany' });
  });

  it("reads the starts in the station's time zone, not the runtime's", () => {
    // 05:30 UTC on 20 November is 06:30 in Warsaw (UTC+1) and 00:30 in New York (UTC-5).
    const at = new Date('2026-11-20T05:30:00Z');
    expect(shiftContaining(at, DEFAULT_SHIFT_STARTS, 'Europe/Warsaw')).toEqual({
      from: new Date('2026-11-20T05:00:00Z'),
      to: new Date('2026-11-20T13:00:00Z'),
      start: '06:00',
      end: '14:00',
    });
    expect(shiftContaining(at, DEFAULT_SHIFT_STARTS, 'America/New_York')).toEqual({
      from: new Date('2026-11-20T03:00:00Z'),
      to: new Date('2026-11-20T11:00:00Z'),
      start: '22:00',
      end: '06:00',
    });
  });

  it('runs a night shift across midnight and keeps wall-clock hours across a clock change', () => {
    // Warsaw goes from UTC+2 to UTC+1 at 03:00 on 25 October 2026: the night shift is nine hours long.
    const night = shiftContaining(new Date('2026-10-25T01:30:00Z'), DEFAULT_SHIFT_STARTS, 'Europe/Warsaw');
    expect(night).toEqual({ from: new Date('2026-10-24T20:00:00Z'), to: new Date('2026-10-25T05:00:00Z'), start: '22:00', end: '06:00' });
    // A single start: the shift lasts a day.
    expect(shiftContaining(new Date('2026-11-20T12:00:00Z'), ['07:00'], 'UTC')).toEqual({
      from: new Date('2026-11-20T07:00:00Z'),
      to: new Date('2026-11-21T07:00:00Z'),
      start: '07:00',
      end: '07:00',
    });
    expect(shiftContaining(new Date('2026-11-20T06:59:59Z'), ['07:00'], 'UTC').start).toBe('07:00');
    expect(shiftContaining(new Date('2026-11-20T06:59:59Z'), ['07:00'], 'UTC').from).toEqual(new Date('2026-11-19T07:00:00Z'));
  });
});
