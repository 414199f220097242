import { describe, expect, it } from 'vitest';
import type { ReturnSummary } from '../../../../../src/contract/returns-schemas';
import { byDeadline, countdown, countdownText, deadlineTone, formatAmount, parseAmount } from '../../../../../renderer/features/returns/deadlines';
import { canSwitchDesk, homeOf } from '../../../../../renderer/features/returns/home';
import { jpegBase64 } from '../../../../../renderer/features/returns/photo';

const NOW = Date.parse('2026-12-02T10:00:00Z');

describe('deadlines as the returns desk shows them', () => {
  it('is loud past the deadline, warns on its last day and in the three days before, and is calm before that', () => {
    expect(deadlineTone({ overdue: true, daysLeft: -2 })).toBe('overdue');
    expect(deadlineTone({ overdue: false, daysLeft: -1 })).toBe('overdue');
    expect(deadlineTone({ overdue: false, daysLeft: 0 })).toBe('today');
    expect(deadlineTone({ overdue: false, daysLeft: 1 })).toBe('soon');
    expect(deadlineTone({ overdue: false, daysLeft: 3 })).toBe('soon');
    expect(deadlineTone({ overdue: false, daysLeft: 4 })).toBe('ok');
  });

  it('counts down to the first instant past the deadline, and up once it has passed', () => {
    // Warsaw's 15 December ends at 23:00 UTC (CET): 13 days, 13 hours from 10:00 UTC on the 2nd.
    expect(countdown('2026-12-15T23:00:00Z', NOW)).toEqual({ overdue: false, days: 13, hours: 13, minutes: 0 });
    expect(countdown('2026-12-02T10:04:59Z', NOW)).toEqual({ overdue: false, days: 0, hours: 0, minutes: 4 });
    expect(countdown('2026-12-01T08:30:00Z', NOW)).toEqual({ overdue: true, days: 1, hours: 1, minutes: 30 });
    expect(countdown('2026-12-02T10:00:00Z', NOW).overdue).toBe(true);
    // Across a month end and a year end: whole days, no calendar arithmetic in the screen.
    expect(countdown('2027-01-01T23:00:00Z', Date.parse('2026-12-31T23:00:00Z'))).toEqual({ overdue: false, days: 1, hours: 0, minutes: 0 });
  });

  it('writes the countdown short, the same in both languages', () => {
    expect(countdownText({ overdue: false, days: 13, hours: 4, minutes: 5 })).toBe('13 d 04:05');
    expect(countdownText({ overdue: true, days: 0, hours: 0, minutes: 7 })).toBe('00:07');
  });

  it('lists overdue returns first, then the soonest deadline, then by arrival', () => {
    const summary = (number: string, endsAt: string, overdue: boolean, receivedAt = '2026-12-01T08:00:00Z'): ReturnSummary => ({
      number,
      type: 'withdrawal',
      status: 'open',
      stage: 'open',
      orderNumber: 'PD-1',
      customerName: 'X',
      stationId: 'ST-03',
      receivedAt,
      deadline: { kind: 'refund', lastDay: endsAt.slice(0, 10), endsAt, overdue, daysLeft: 0 },
      deemedAccepted: false,
      items: 1,
    });
    const sorted = byDeadline([
      summary('R-3', '2026-12-20T23:00:00Z', false),
      summary('R-2', '2026-12-10T23:00:00Z', false, '2026-12-02T08:00:00Z'),
      summary('R-1', '2026-11-30T23:00:00Z', true),
      summary('R-4', '2026-12-10T23:00:00Z', false, '2026-11-30T08:00:00Z'),
      summary('R-0', '2026-11-20T23:00:00Z', true),
    ]);
    expect(sorted.map((r) => r.number)).toEqual(['R-0', 'R-1', 'R-4', 'R-2', 'R-3']);
  });
});

describe('amounts typed at the desk', () => {
  it('reads a comma or a point, and refuses anything that is not an amount', () => {
    expect(parseAmount('49,90')).toBe(4990);
    expect(parseAmount(' 129.9 ')).toBe(12990);
    expect(parseAmount('130')).toBe(13000);
    expect(parseAmount('1 299,00')).toBe(129900);
    expect(parseAmount('0')).toBe(0);
    for (const bad of ['', '-5', '1.234', 'abc', '12,3,4']) expect(parseAmount(bad)).toBeNull();
  });

  it('shows money in the screen’s language', () => {
    expect(formatAmount(4990, 'PLN', 'en')).toContain('49.90');
    expect(formatAmount(4990, 'PLN', 'pl')).toMatch(/49,90\s*zł/);
  });
});

describe('which desk a login lands on', () => {
  it('sends returns handlers to the returns desk anywhere, packers to packing anywhere, managers to the station’s kind or their choice', () => {
    expect(homeOf('returns', 'packing', null)).toBe('returns');
    expect(homeOf('returns', 'packing', 'packing')).toBe('returns');
    expect(homeOf('packer', 'returns', null)).toBe('packing');
    expect(homeOf('packer', 'returns', 'returns')).toBe('packing');
    expect(homeOf('manager', 'returns', null)).toBe('returns');
    expect(homeOf('manager', 'packing', null)).toBe('packing');
    expect(homeOf('manager', 'packing', 'returns')).toBe('returns');
    expect(homeOf('admin', 'returns', 'packing')).toBe('packing');
    expect([canSwitchDesk('packer'), canSwitchDesk('returns'), canSwitchDesk('manager'), canSwitchDesk('admin')]).toEqual([false, false, true, true]);
  });
});

describe('a still from the camera', () => {
  it('keeps the base64 of a JPEG data URL only', () => {
    expect(jpegBase64('data:image/jpeg;base64,/9j/4AAQ')).toBe('/9j/4AAQ');
    expect(jpegBase64('data:image/png;base64,iVBOR')).toBeNull();
    expect(jpegBase64('data:image/jpeg;base64,')).toBeNull();
    expect(jpegBase64('data:,')).toBeNull();
  });
});
