import type { Command } from 'commander';
import { bootStation } from '../../boot/station';
import { startHost } from '../../host/server';
import { SCALE_KINDS, type ScaleKind } from '../../boot/devices';
import { dataDirFrom, parseCount, rendererDir, UsageError } from '../options';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the station UI to a browser (browser mode). An empty data folder is seeded with the demo shop.')
    .option('--data <dir>', 'data folder (default: PACKDESK_DATA or the OS application-data folder)')
    .option('--host <host>', 'address to listen on; anything but loopback needs --token', '127.0.0.1')
    .option('--port <n>', 'port (0 picks a free one)', '5180')
    .option('--token <token>', 'token browsers must present (default: PACKDESK_TOKEN)')
    .option('--station <id>', 'the station this host is by default')
    .option('--scale <kind>', `the station's scale: ${SCALE_KINDS.join(', ')} (fake: a simulated scale for demos and tests)`, 'none')
    .option('--hid-scanner', 'also read HID POS barcode scanners (wedge scanners need nothing)')
    .action(async (opts: { data?: string; host: string; port: string; token?: string; station?: string; scale: string; hidScanner?: boolean }) => {
      const port = parseCount(opts.port, '--port', 0, 65535);
      if (!(SCALE_KINDS as readonly string[]).includes(opts.scale)) throw new UsageError(`--scale must be one of ${SCALE_KINDS.join(', ')}.`);
      const booted = await bootStation({
        dataDir: dataDirFrom(opts.data),
        stationId: opts.station,
        host: 'browser',
        seedDemoIfEmpty: true,
        housekeeping: true,
        scale: opts.scale as ScaleKind,
        hidScanner: opts.hidScanner ?? false,
      });
      let running;
      try {
        running = await startHost({
          station: booted.station,
          defaultStationId: booted.stationId,
          rendererDir: rendererDir(),
          host: opts.host,
          port,
          token: opts.token ?? process.env.PACKDESK_TOKEN,
          fakeScale: booted.devices.fakeScale,
        });
      } catch (error) {
        await booted.close();
        throw error;
      }
      process.stdout.write(`Packdesk browser mode: ${running.url}\n`);
      const host = running;
      const stop = async (): Promise<void> => {
        await host.close();
        await booted.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}
