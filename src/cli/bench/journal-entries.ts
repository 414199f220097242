import type { NewJournalEntry } from '../../app/ports/journal';

export const BENCH_STATIONS = ['ST-01', 'ST-02', 'ST-03', 'ST-04'];
const BENCH_START = Date.parse('2026-01-05T06:00:00Z');
const CUSTOMERS = ['Kowalska', 'Nowak', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamińska', 'Lewandowski', 'Zielińska'];

/** When entry n was written: one every two seconds, so a million entries span about 23 days. */
export const benchEntryAt = (n: number): number => BENCH_START + n * 2000;
/** The order entry n is about: twelve entries each. */
export const benchOrder = (n: number): string => `SO-${100000 + Math.floor(n / 12)}`;

/**
 * A realistic entry, about 200 bytes of payload: mostly scans with their verdicts, and per order
 * an opening, a weighing and a completion, at four stations by six packers.
 */
export function benchEntry(n: number): NewJournalEntry {
  const step = n % 12;
  const common = {
    stationId: BENCH_STATIONS[Math.floor(n / 12) % BENCH_STATIONS.length]!,
    actorId: 1 + (Math.floor(n / 12) % 6),
    subject: { kind: 'order' as const, id: benchOrder(n) },
  };
  if (step === 0) return { ...common, type: 'pack.opened', payload: { sessionId: Math.floor(n / 12), units: 0, customer: CUSTOMERS[n % CUSTOMERS.length] } };
  if (step === 10) return { ...common, type: 'pack.weighed', payload: { sessionId: Math.floor(n / 12), parcel: 1, grams: 500 + (n % 4000), source: 'scale' } };
  if (step === 11)
    return {
      ...common,
      type: 'pack.completed',
      payload: { sessionId: Math.floor(n / 12), status: 'shipped', parcels: [{ no: 1, box: 'K2', grams: 500 + (n % 4000), units: 9 }], backordered: 0 },
    };
  return {
    ...common,
    type: 'pack.scan',
    payload: {
      sessionId: Math.floor(n / 12),
      raw: `]C10105901234123457${String(n).padStart(6, '0')}`,
      sku: `SKU-${n % 500}`,
      verdict: n % 40 === 0 ? 'wrong_item' : 'accepted',
      lineId: n % 7,
      units: n % 40 === 0 ? 0 : 1,
      serial: n % 5 === 0 ? `SN${String(n).padStart(7, '0')}` : null,
      source: 'wedge',
    },
  };
}
