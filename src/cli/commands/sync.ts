import { CommanderError, type Command } from 'commander';
import { bootStation } from '../../boot/station';
import type { SyncProgress, SyncRun } from '../../contract/sync';
import { dataDirFrom } from '../options';

function progressLine(p: SyncProgress): string {
  const total = p.total !== null ? ` of ${p.total}` : '';
  return `\r${p.phase}: ${p.done}${total}   `;
}

function summary(run: SyncRun): string {
  return [
    `products ${run.pulledProducts}, new orders ${run.pulledOrders}, changed ${run.changedOrders} (cancelled ${run.cancelledOrders})`,
    `sent ${run.pushed}, to retry ${run.retried}, parked ${run.parked}`,
    run.error ? `error (${run.error.kind}): ${run.error.message}` : 'ok',
  ].join('\n');
}

export function registerSync(program: Command): void {
  program
    .command('sync')
    .description('Pull orders and products from the shop and send what the station did; exit 1 when the shop cannot be reached or refuses.')
    .option('--data <dir>', 'data folder (default: PACKDESK_DATA or the OS application-data folder)')
    .option('--once', 'sync once and exit (default: keep syncing until Ctrl+C)')
    .action(async (opts: { data?: string; once?: boolean }) => {
      const booted = await bootStation({ dataDir: dataDirFrom(opts.data), host: 'cli' });
      const tty = process.stderr.isTTY;
      const unsubscribe = booted.station.events.subscribe((event) => {
        if (event.name === 'sync.progress' && tty) process.stderr.write(progressLine(event.payload as SyncProgress));
      });
      let failed: SyncRun['error'] = null;
      try {
        const status = booted.station.sync.status();
        if (status.kind === 'none') {
          process.stderr.write('packdesk: no shop backend is set up; choose one in Settings → Shop sync.\n');
          throw new CommanderError(1, 'packdesk.sync.none', 'no backend');
        }
        for (;;) {
          const run = await booted.station.sync.runOnce();
          if (tty) process.stderr.write('\n');
          process.stdout.write(`${summary(run)}\n`);
          failed = run.error;
          if (opts.once) break;
          await new Promise((resolve) => setTimeout(resolve, (failed ? 30 : 60) * 1000));
        }
      } finally {
        unsubscribe();
        await booted.close();
      }
      if (failed) {
        // runCli prints nothing more for a CommanderError; the reason is said here.
        process.stderr.write(`packdesk: sync failed (${failed.kind}): ${failed.message}\n`);
        throw new CommanderError(1, `packdesk.sync.${failed.kind}`, failed.message);
      }
    });
}
