import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemo } from '../../app/demo';
import { hashPin } from '../../app/pin';
import type { Clock } from '../../app/ports';
import type { StatisticsDeps } from '../../app/statistics/deps';
import { allStatistics, packerStatistics } from '../../app/statistics/statistics';
import { bootStation } from '../../boot/station';
import { round, type Figure } from './stats';

export interface StatisticsBenchOptions {
  orders?: number;
  journalEntries?: number;
}

const GOAL_MS = 200;
const DAY = 86_400_000;
const PACKERS = 10;
const STATIONS = ['ST-01', 'ST-02', 'ST-03', 'ST-04', 'ST-05'];
const RUNS = 7;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Packer statistics on a generated history: `orders` demo orders, each packed over about ten
 * journal entries (opened, scans with a caught error now and then, a box, a weighing, the
 * completion) by one of ten packers at five stations over the past 60 days, up to
 * `journalEntries` entries. Times one packer's month and every packer's day (median of 7 runs,
 * after the first, which is given as a note).
 */
export async function benchStatistics(options: StatisticsBenchOptions = {}): Promise<Figure[]> {
  const orders = options.orders ?? 100_000;
  const target = options.journalEntries ?? 1_000_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-bench-stats-'));
  const figures: Figure[] = [];
  try {
    const booted = await bootStation({ dataDir: dir, host: 'cli' });
    try {
      const now = new Date();
      seedDemo(booted.store, { orders, now, hashPin });
      const packers: number[] = [];
      for (let i = 1; i <= PACKERS; i++) {
        const badge = `PD-P-${String(i).padStart(4, '0')}`;
        const user = booted.store.users.byBadge(badge);
        packers.push(
          user ? user.id : booted.store.users.insert({ name: `Packer ${i}`, role: 'packer', badgeCode: badge, pinHash: hashPin('1111'), language: null }),
        );
      }
      for (const id of STATIONS) if (!booted.store.stations.get(id)) booted.store.stations.upsert({ id, name: id, language: 'pl', idleLogoutMinutes: 15 });

      let moment = 0;
      const clock: Clock = { now: () => new Date(moment) };
      const journal = booted.journalAt(clock);
      const started = performance.now();
      const list = booted.store.orders.list({ limit: orders, offset: 0 }).orders.reverse();
      const start = now.getTime() - 60 * DAY;
      const step = (60 * DAY) / list.length;
      let written = 0;
      const BATCH = 2000;
      for (let b = 0; b < list.length && written < target; b += BATCH) {
        booted.store.transaction(() => {
          for (let i = b; i < Math.min(list.length, b + BATCH) && written < target; i++) {
            const order = booted.store.orders.byId(list[i]!.id);
            if (!order) continue;
            const packer = packers[i % PACKERS]!;
            const stationId = STATIONS[i % STATIONS.length]!;
            moment = start + i * step;
            const sessionId = i + 1;
            const write = (type: string, payload: Record<string, unknown>) => {
              moment += 4000 + ((i * 7 + written) % 9) * 1000;
              journal.append({ type, stationId, actorId: packer, subject: { kind: 'order', id: order.number }, payload: { sessionId, ...payload } });
              written++;
            };
            write('pack.opened', { units: 0 });
            const skus = order.lines.flatMap((l) => Array.from({ length: Math.min(l.quantity, 3) }, () => l.sku));
            for (let s = 0; s < 6; s++) {
              const sku = skus[s % Math.max(1, skus.length)] ?? 'X';
              if (i % 25 === 0 && s === 2) {
                write('pack.scan', { raw: 'WRONG', symbology: null, source: 'wedge', verdict: 'wrong_item', lineId: null, sku: null, units: 0 });
                write('pack.acknowledged', { cleared: 'error' });
              }
              write('pack.scan', { raw: sku, symbology: null, source: 'wedge', verdict: 'accepted', lineId: null, sku, units: 1, parcel: 1 });
            }
            write('pack.parcel.box', { parcel: 1, box: 'K1', tareGrams: 120 });
            write('pack.weighed', { parcel: 1, grams: 900, source: 'scale', withinTolerance: i % 40 !== 0 });
            write('pack.completed', { status: 'shipped', parcels: [{ no: 1, box: 'K1', grams: 900, units: 6 }], backordered: 0, handedTo: [] });
          }
        });
      }
      figures.push({
        name: `statistics: generate ${written.toLocaleString('en')} journal entries of packing`,
        value: Math.round(performance.now() - started),
        unit: 'ms',
      });
      booted.checkpointWal();

      const deps: StatisticsDeps = {
        store: booted.store,
        journal: booted.journal,
        clock: { now: () => now },
        logger: booted.logger,
        statistics: booted.statistics,
      };
      const time = (fn: () => unknown) => {
        const samples: number[] = [];
        const cpu: number[] = [];
        let first = 0;
        for (let r = 0; r <= RUNS; r++) {
          const t = performance.now();
          const c = process.cpuUsage();
          fn();
          const ms = performance.now() - t;
          const used = process.cpuUsage(c);
          if (r === 0) first = ms;
          else {
            samples.push(ms);
            cpu.push((used.user + used.system) / 1000);
          }
        }
        return { median: round(median(samples)), first: round(first), cpu: round(median(cpu)) };
      };
      // The first query counts every completed session once and keeps the counts (0021); later ones read them.
      const keep = performance.now();
      const kept = booted.statistics.source.completedFacts({ from: new Date(start - DAY).toISOString(), to: now.toISOString(), idleGapSeconds: 180 }).length;
      figures.push({
        name: `statistics: count and keep ${kept.toLocaleString('en')} sessions once (the first query)`,
        value: Math.round(performance.now() - keep),
        unit: 'ms',
      });
      const monthFrom = new Date(now.getTime() - 30 * DAY).toISOString();
      let monthOrders = 0;
      const month = time(() => {
        monthOrders = packerStatistics(deps, { from: monthFrom, to: now.toISOString(), packerId: packers[0]! }).ordersTotal;
      });
      figures.push({
        name: `statistics: one packer, a month (${monthOrders.toLocaleString('en')} orders)`,
        value: month.median,
        unit: 'ms',
        note: `goal ≤ ${GOAL_MS} ms; CPU ${month.cpu} ms; first run ${month.first} ms`,
      });
      const dayTo = new Date(now.getTime() - 10 * DAY);
      let dayOrders = 0;
      const day = time(() => {
        dayOrders = allStatistics(deps, { from: new Date(dayTo.getTime() - DAY).toISOString(), to: dayTo.toISOString() }).total.orders;
      });
      figures.push({
        name: `statistics: all packers, a day (${Math.round(dayOrders).toLocaleString('en')} orders)`,
        value: day.median,
        unit: 'ms',
        note: `goal ≤ ${GOAL_MS} ms; CPU ${day.cpu} ms; first run ${day.first} ms`,
      });
    } finally {
      await booted.close();
    }
  } finally {
    if (process.env.PACKDESK_BENCH_KEEP) process.stderr.write(`kept ${dir}\n`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
