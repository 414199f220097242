import { describeEntry } from '../../domain/journal-text';
import { createJournalSearch } from '../../storage/repositories/journal-search';
import type { JournalQuery } from '../../app/ports/journal';
import { percentile, round, type Figure } from './stats';
import { BENCH_STATIONS, benchEntryAt, benchOrder } from './journal-entries';

const RUNS = 40;
const GOAL_MS = 200;

/**
 * The manager's journal search on the bench journal (issue 11: ≤ 200 ms over 1,000,000 entries):
 * each kind of question a manager asks, a page of 50 said in words, p50 and p99 over varied
 * arguments (after one unmeasured run), with the count of matches (up to 1,000) that the page shows.
 */
export function benchJournalSearch(db: Parameters<typeof createJournalSearch>[0], entries: number): Figure[] {
  const search = createJournalSearch(db);
  const day = 24 * 60 * 60 * 1000;
  const at = (n: number) => new Date(benchEntryAt(Math.max(1, Math.min(entries, n)))).toISOString();
  const pick = (i: number, n: number) => 1 + ((i * 7919) % n);
  const questions: { name: string; query: (i: number) => Omit<JournalQuery, 'limit' | 'offset'> & { offset?: number } }[] = [
    { name: 'newest entries, no filter', query: () => ({}) },
    { name: 'one packer', query: (i) => ({ actorId: 1 + (i % 6) }) },
    { name: 'one station, one entry type', query: (i) => ({ stationId: BENCH_STATIONS[i % BENCH_STATIONS.length]!, types: ['pack.weighed'] }) },
    { name: 'one order', query: (i) => ({ subject: { kind: 'order', id: benchOrder(pick(i, entries)) } }) },
    {
      name: 'one packer over one day',
      query: (i) => ({ actorId: 1 + (i % 6), from: at(pick(i, entries)), to: new Date(Date.parse(at(pick(i, entries))) + day).toISOString() }),
    },
    { name: 'words: a serial number', query: (i) => ({ text: `SN${String(pick(i, entries)).padStart(7, '0')}` }) },
    { name: 'words: "wrong" at one station', query: (i) => ({ text: 'wrong', stationId: BENCH_STATIONS[i % BENCH_STATIONS.length]! }) },
    { name: 'words: a customer name prefix, one packer', query: (i) => ({ text: 'kowal', actorId: 1 + (i % 6) }) },
    { name: 'one packer, page 21 (offset 1,000)', query: (i) => ({ actorId: 1 + (i % 6), offset: 1000 }) },
  ];
  const figures: Figure[] = [];
  let worst = 0;
  for (const question of questions) {
    const times: number[] = [];
    search.search({ ...question.query(RUNS), limit: 50, offset: 0 });
    for (let i = 0; i < RUNS; i++) {
      const { offset, ...query } = question.query(i);
      const started = performance.now();
      const page = search.search({ ...query, limit: 50, offset: offset ?? 0 });
      for (const entry of page.entries) describeEntry(entry, i % 2 === 0 ? 'en' : 'pl');
      times.push(performance.now() - started);
    }
    const p99 = percentile(times, 99);
    worst = Math.max(worst, p99);
    figures.push({ name: `journal search, ${question.name}: p50`, value: round(percentile(times, 50), 2), unit: 'ms' });
    figures.push({ name: `journal search, ${question.name}: p99`, value: round(p99, 2), unit: 'ms' });
  }
  figures.push({ name: `journal search, slowest p99 of the questions above`, value: round(worst, 2), unit: 'ms', note: `goal ≤ ${GOAL_MS} ms` });
  return figures;
}
