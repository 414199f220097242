import type { z } from 'zod';
import type { deadlineViewSchema, ReturnSummary } from '../../../src/contract/returns-schemas';

export type DeadlineView = z.infer<typeof deadlineViewSchema>;

/** How loud a deadline is: past it (red, first), on its last day, within three days, or calm. */
export type DeadlineTone = 'overdue' | 'today' | 'soon' | 'ok';

export const SOON_DAYS = 3;

export function deadlineTone(deadline: Pick<DeadlineView, 'overdue' | 'daysLeft'>): DeadlineTone {
  if (deadline.overdue || deadline.daysLeft < 0) return 'overdue';
  if (deadline.daysLeft === 0) return 'today';
  if (deadline.daysLeft <= SOON_DAYS) return 'soon';
  return 'ok';
}

/** Time to (or past) the deadline's end, for a countdown that ticks: whole days, hours and minutes. */
export interface Countdown {
  overdue: boolean;
  days: number;
  hours: number;
  minutes: number;
}

export function countdown(endsAt: string, nowMs: number): Countdown {
  const diff = Date.parse(endsAt) - nowMs;
  const overdue = diff <= 0;
  const minutesTotal = Math.floor(Math.abs(diff) / 60_000);
  return { overdue, days: Math.floor(minutesTotal / 1440), hours: Math.floor((minutesTotal % 1440) / 60), minutes: minutesTotal % 60 };
}

/** "3 d 04:05" — the same in English and Polish (d = dni). */
export function countdownText({ days, hours, minutes }: Countdown): string {
  const hm = `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  return days > 0 ? `${days} d ${hm}` : hm;
}

/**
 * Open returns as the desk lists them: overdue ones at the top (longest overdue first), then the
 * soonest deadline first; ties by arrival. The core sorts the same way, this keeps it so after
 * live updates merge into the list.
 */
export function byDeadline(returns: readonly ReturnSummary[]): ReturnSummary[] {
  return [...returns].sort((a, b) => {
    const overdue = Number(b.deadline.overdue) - Number(a.deadline.overdue);
    if (overdue !== 0) return overdue;
    const ends = Date.parse(a.deadline.endsAt) - Date.parse(b.deadline.endsAt);
    if (ends !== 0) return ends;
    return a.receivedAt.localeCompare(b.receivedAt);
  });
}

/** Parses a typed money amount ("129,99", "129.99", "130") into minor units; null when it is not one. */
export function parseAmount(text: string): number | null {
  const cleaned = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export function formatAmount(minor: number, currency: string, language: string): string {
  return new Intl.NumberFormat(language === 'pl' ? 'pl-PL' : 'en-GB', { style: 'currency', currency }).format(minor / 100);
}

/** An amount in minor units as the handler would type it ("1348,99" in Polish, "1348.99" in English), for a field they may change. */
export function typedAmount(minor: number, language: string): string {
  const text = (minor / 100).toFixed(2);
  return language === 'pl' ? text.replace('.', ',') : text;
}
