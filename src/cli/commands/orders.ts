import type { Command } from 'commander';
import { bootStation } from '../../boot/station';
import type { OrderSummary } from '../../contract/schemas';
import { ORDER_STATUSES, type OrderStatus } from '../../domain/order';
import { dataDirFrom, parseCount, UsageError } from '../options';

function table(orders: OrderSummary[]): string {
  const rows = orders.map((o) => [
    o.number,
    o.status,
    o.customerName,
    `${o.city} ${o.country}`,
    o.carrierCode ?? '-',
    String(o.itemCount),
    o.createdAt.slice(0, 16).replace('T', ' '),
  ]);
  const head = ['NUMBER', 'STATUS', 'CUSTOMER', 'DESTINATION', 'CARRIER', 'ITEMS', 'CREATED'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c + ' '.repeat((widths[i] ?? 0) - [...c].length))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}

export function registerOrders(program: Command): void {
  program
    .command('orders')
    .description('List the orders in the local database, newest first.')
    .option('--data <dir>', 'data folder (default: PACKDESK_DATA or the OS application-data folder)')
    .option('--status <status>', `only orders in this state (${ORDER_STATUSES.join(', ')})`)
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print JSON instead of a table')
    .action(async (opts: { data?: string; status?: string; limit: string; json?: boolean }) => {
      if (opts.status !== undefined && !(ORDER_STATUSES as readonly string[]).includes(opts.status)) {
        throw new UsageError(`--status must be one of ${ORDER_STATUSES.join(', ')}.`);
      }
      const limit = parseCount(opts.limit, '--limit', 1, 1_000_000);
      const booted = await bootStation({ dataDir: dataDirFrom(opts.data), host: 'cli' });
      try {
        const status = opts.status as OrderStatus | undefined;
        const result = booted.store.orders.list({ ...(status ? { status } : {}), limit, offset: 0 });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        } else {
          process.stdout.write(`${table(result.orders)}\n${result.orders.length} of ${result.total} orders\n`);
        }
      } finally {
        await booted.close();
      }
    });
}
