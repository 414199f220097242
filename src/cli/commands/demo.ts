import type { Command } from 'commander';
import { seedDemo } from '../../app/demo';
import { hashPin } from '../../app/pin';
import { bootStation } from '../../boot/station';
import { dataDirFrom, parseCount } from '../options';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Seed the demo shop (products, users, stations, orders) into an empty data folder.')
    .option('--data <dir>', 'data folder (default: PACKDESK_DATA or the OS application-data folder)')
    .option('--orders <n>', 'how many orders to generate', '120')
    .option('--seed <n>', 'random seed, for a different but repeatable shop', '1')
    .action(async (opts: { data?: string; orders: string; seed: string }) => {
      const orders = parseCount(opts.orders, '--orders', 1, 5_000_000);
      const seed = parseCount(opts.seed, '--seed');
      const booted = await bootStation({ dataDir: dataDirFrom(opts.data), host: 'cli' });
      try {
        const started = performance.now();
        const seeded = seedDemo(booted.store, { orders, seed, now: new Date(), hashPin, journal: booted.journalAt });
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        process.stdout.write(
          `Seeded ${booted.dataDir}: ${seeded.products} products, ${seeded.users} users, ${seeded.orders} orders, ${seeded.packed ?? 0} of them packed in the journal's history (${seconds} s).\n`,
        );
      } finally {
        await booted.close();
      }
    });
}
