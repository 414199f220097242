import type { Command } from 'commander';
import { bootStation } from '../../boot/station';
import { dataDirFrom, parseCount } from '../options';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Seed the demo shop (products, users, stations, orders, label settings) into an empty data folder.')
    .option('--data <dir>', 'data folder (default: PACKDESK_DATA or the OS application-data folder)')
    .option('--orders <n>', 'how many orders to generate', '120')
    .option('--seed <n>', 'random seed, for a different but repeatable shop', '1')
    .action(async (opts: { data?: string; orders: string; seed: string }) => {
      const orders = parseCount(opts.orders, '--orders', 1, 5_000_000);
      const seed = parseCount(opts.seed, '--seed');
      const started = performance.now();
      // The same seeding as serve's on an empty folder, done by the boot before it writes anything else.
      const booted = await bootStation({ dataDir: dataDirFrom(opts.data), host: 'cli', demo: { orders, seed } });
      try {
        const seeded = booted.seeded!;
        if (seeded.unfinished) process.stdout.write(`${seeded.unfinished}\n`);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        process.stdout.write(
          `Seeded ${booted.dataDir}: ${seeded.products} products, ${seeded.users} users, ${seeded.orders} orders, ${seeded.packed ?? 0} of them packed in the journal's history (${seconds} s).\n`,
        );
      } finally {
        await booted.close();
      }
    });
}
