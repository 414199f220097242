import type { Command } from 'commander';
import { parseCount } from '../options';

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('Run the benchmarks on a generated database and print the figures (see docs/benchmarks.md).')
    .option('--orders <n>', 'orders in the benchmark database', '100000')
    .option('--journal <n>', 'journal entries for the scan and verify benchmarks', '1000000')
    .option('--shop', 'also pull from and push to a local Vendure server (about 70 s)')
    .option('--central-database <url>', "also time central's pull from a local Vendure into this scratch PostgreSQL database (part central-pull)")
    .option('--shop-orders <n>', "orders placed in Vendure for central's pull (with --central-database)", '300')
    .option('--json', 'print JSON')
    .option('--only <parts>', 'run only these, comma-separated: queue, returns, host, scan, journal, statistics, documents, carriers, video, central-pull')
    .action(async (opts: { orders: string; journal: string; shop?: boolean; json?: boolean; only?: string; centralDatabase?: string; shopOrders: string }) => {
      const orders = parseCount(opts.orders, '--orders', 1, 5_000_000);
      const journalEntries = parseCount(opts.journal, '--journal', 1, 50_000_000);
      // Loaded only when benchmarking, so other commands start without it.
      const { formatReport, runBench } = await import('../bench/run');
      // The bin script that started this process, so the host benchmark starts the same CLI.
      const only = opts.only ? opts.only.split(',').map((part) => part.trim()) : null;
      const central = opts.centralDatabase
        ? { databaseUrl: opts.centralDatabase, shopOrders: parseCount(opts.shopOrders, '--shop-orders', 1, 1_000_000) }
        : null;
      const report = await runBench({ orders, journalEntries, cli: process.argv[1] ?? 'bin/packdesk.mjs', shop: opts.shop ?? false, only, central });
      process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    });
}
