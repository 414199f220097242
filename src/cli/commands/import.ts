import fs from 'node:fs';
import { CommanderError, type Command } from 'commander';
import { importOrders, importProducts, type ImportReport } from '../../app/sync/file-import';
import { bootStation } from '../../boot/station';
import { formatOf, readOrders, readProducts } from '../../sync';
import { dataDirFrom, UsageError } from '../options';

function report(kind: string, file: string, result: ImportReport): string {
  const lines = [`${file}: ${result.imported} ${kind} imported, ${result.errors.length} row(s) refused`];
  for (const e of result.errors) lines.push(`  line ${e.line}: ${e.message}`);
  return `${lines.join('\n')}\n`;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(
      'Import products or orders from CSV or JSON (columns in docs/import-format.md); bad rows are listed by line, good ones imported. Exit 1 when any row was refused.',
    )
    .option('--products <file>', 'products file (.csv or .json)')
    .option('--orders <file>', 'orders file (.csv or .json), one row per order line')
    .option('--data <dir>', 'data folder (default: PACKDESK_DATA or the OS application-data folder)')
    .action(async (opts: { products?: string; orders?: string; data?: string }) => {
      if (!opts.products && !opts.orders) throw new UsageError('Give --products FILE, --orders FILE, or both.');
      for (const file of [opts.products, opts.orders]) if (file && !fs.existsSync(file)) throw new UsageError(`There is no file ${file}.`);
      const booted = await bootStation({ dataDir: dataDirFrom(opts.data), host: 'cli' });
      let refused = 0;
      try {
        if (opts.products) {
          const read = readProducts(fs.readFileSync(opts.products, 'utf8'), formatOf(opts.products));
          const result = importProducts(booted.store, read.products, read.errors);
          refused += result.errors.length;
          process.stdout.write(report('products', opts.products, result));
        }
        if (opts.orders) {
          const now = new Date().toISOString();
          const read = readOrders(fs.readFileSync(opts.orders, 'utf8'), formatOf(opts.orders), now);
          const result = importOrders({ store: booted.store, links: booted.sync.links, clock: { now: () => new Date() } }, read.orders, read.errors);
          refused += result.errors.length;
          process.stdout.write(report('orders', opts.orders, result));
        }
      } finally {
        await booted.close();
      }
      if (refused > 0) throw new CommanderError(1, 'packdesk.import.refused', `${refused} rows refused`);
    });
}
