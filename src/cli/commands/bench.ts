import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { seedDemo } from '../../app/demo';
import { hashPin } from '../../app/pin';
import { bootStation } from '../../boot/station';
import { benchHostStart } from '../bench/host-start';
import { benchQueue } from '../bench/queue';
import type { Figure } from '../bench/stats';
import { parseCount } from '../options';

const BENCH_BADGE = 'PD-P-0001';

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('Run the benchmarks on a generated database and print the figures (see docs/benchmarks.md).')
    .option('--orders <n>', 'orders in the benchmark database', '100000')
    .option('--json', 'print JSON')
    .action(async (opts: { orders: string; json?: boolean }) => {
      const orders = parseCount(opts.orders, '--orders', 1, 5_000_000);
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-bench-'));
      const figures: Figure[] = [];
      try {
        const booted = await bootStation({ dataDir, host: 'cli' });
        try {
          const started = performance.now();
          seedDemo(booted.store, { orders, now: new Date(), hashPin });
          figures.push({ name: `seed the demo shop with ${orders.toLocaleString('en')} orders`, value: Math.round(performance.now() - started), unit: 'ms' });
          figures.push(...(await benchQueue(booted, BENCH_BADGE)));
        } finally {
          await booted.close();
        }
        figures.push(...(await benchHostStart(fileURLToPath(import.meta.url), dataDir, orders)));
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
      const report = { date: new Date().toISOString(), machine: machine(), figures };
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      process.stdout.write(`Packdesk benchmarks, ${report.date}\n${report.machine}\n\n`);
      for (const f of figures) process.stdout.write(`${f.name.padEnd(72)} ${String(f.value).padStart(9)} ${f.unit}${f.note ? `  (${f.note})` : ''}\n`);
    });
}
