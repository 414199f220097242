import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, searchInput } from '../../../../../renderer/features/console/journalStore';
import { sinceText } from '../../../../../renderer/features/console/ShiftPanel';

const t = (key: string, values?: Record<string, unknown>) => `${key}${values ? ` ${JSON.stringify(values)}` : ''}`;

describe('the journal form', () => {
  it('asks for only what the manager narrowed the search by, times as the instants they name', () => {
    expect(searchInput(EMPTY_FORM, 0)).toEqual({ limit: 50, offset: 0, language: 'en' });
    const local = '2026-11-20T08:30';
    const input = searchInput({ ...EMPTY_FORM, userId: '7', stationId: 'ST-02', type: 'pack.scan', orderNumber: ' PD-1 ', from: local, text: ' kowal ' }, 50);
    expect(input).toEqual({
      userId: 7,
      stationId: 'ST-02',
      types: ['pack.scan'],
      orderNumber: 'PD-1',
      from: new Date(local).toISOString(),
      text: 'kowal',
      limit: 50,
      offset: 50,
      language: 'en',
    });
  });
});

describe('time since the last scan', () => {
  const now = Date.parse('2026-11-20T10:00:00Z');
  it('says seconds, minutes, or hours and minutes', () => {
    expect(sinceText(t, null, now)).toBe('console.shift.never');
    expect(sinceText(t, '2026-11-20T09:59:48Z', now)).toBe('console.shift.seconds {"n":12}');
    expect(sinceText(t, '2026-11-20T09:56:00Z', now)).toBe('console.shift.minutes {"n":4}');
    expect(sinceText(t, '2026-11-20T07:55:00Z', now)).toBe('console.shift.hours {"h":2,"m":5}');
  });
});
