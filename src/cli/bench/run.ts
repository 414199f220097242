import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemo } from '../../app/demo';
import { hashPin } from '../../app/pin';
import { bootStation } from '../../boot/station';
import { benchCarriers } from './carriers';
import { benchDocuments } from './documents';
import { benchHostStart } from './host-start';
import { benchJournal } from './journal';
import { benchQueue } from './queue';
import { benchReturns } from './returns';
import { benchScan } from './scan';
import { benchStatistics } from './statistics';
import type { Figure } from './stats';
import { benchVideo } from './video';

const BENCH_BADGE = 'PD-P-0001';
const RETURNS_BADGE = 'PD-R-0001';

export interface BenchReport {
  date: string;
  machine: string;
  figures: Figure[];
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

/** Every benchmark, on one generated database of `orders` orders in a temporary folder. */
export async function runBench(options: {
  orders: number;
  journalEntries: number;
  cli: string;
  shop: boolean;
  only?: string[] | null;
  /** Central's pull from Vendure into this scratch PostgreSQL database, of `shopOrders` orders (default 300). */
  central?: { databaseUrl: string; shopOrders: number } | null;
}): Promise<BenchReport> {
  const runs = (part: string) => !options.only || options.only.includes(part);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-bench-'));
  const figures: Figure[] = [];
  try {
    const needsShop = runs('queue') || runs('returns') || runs('host') || runs('scan');
    const booted = needsShop ? await bootStation({ dataDir, host: 'cli' }) : null;
    if (booted) {
      try {
        const started = performance.now();
        seedDemo(booted.store, { orders: options.orders, now: new Date(), hashPin });
        figures.push({
          name: `seed the demo shop with ${options.orders.toLocaleString('en')} orders`,
          value: Math.round(performance.now() - started),
          unit: 'ms',
        });
        if (runs('queue')) figures.push(...(await benchQueue(booted, BENCH_BADGE)));
        if (runs('returns')) figures.push(...(await benchReturns(booted, RETURNS_BADGE)));
      } finally {
        await booted.close();
      }
    }
    if (runs('host')) figures.push(...(await benchHostStart(options.cli, dataDir, options.orders)));
    if (runs('scan')) {
      const packing = await bootStation({ dataDir, host: 'cli' });
      try {
        figures.push(...(await benchScan(packing, { journalEntries: options.journalEntries, scans: 2000, badge: BENCH_BADGE })));
      } finally {
        await packing.close();
      }
    }
    if (runs('journal')) figures.push(...(await benchJournal({ entries: options.journalEntries })));
    if (runs('statistics')) figures.push(...(await benchStatistics({ orders: options.orders, journalEntries: options.journalEntries })));
    if (runs('documents')) figures.push(...(await benchDocuments()));
    if (runs('carriers')) figures.push(...(await benchCarriers()));
    // About 40 s: headless Chromium's fake camera, packing screen off then recording (none without Chromium).
    if (runs('video')) figures.push(...(await benchVideo()));
    if (options.shop) {
      // Starts a real Vendure server (a development dependency): only when asked for.
      const { benchSync } = await import('./sync');
      figures.push(...(await benchSync()));
    }
    if (options.central && runs('central-pull')) {
      // A real Vendure too, and central on the PostgreSQL database given.
      const { benchCentralPull } = await import('./sync-central');
      figures.push(...(await benchCentralPull({ databaseUrl: options.central.databaseUrl, orders: options.central.shopOrders })));
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return { date: new Date().toISOString(), machine: machine(), figures };
}

export function formatReport(report: BenchReport): string {
  const lines = report.figures.map((f) => `${f.name.padEnd(72)} ${String(f.value).padStart(9)} ${f.unit}${f.note ? `  (${f.note})` : ''}`);
  return `Packdesk benchmarks, ${report.date}\n${report.machine}\n\n${lines.join('\n')}\n`;
}
