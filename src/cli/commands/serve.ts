import fs from 'node:fs';
import type { Command } from 'commander';
import { loadOrCreateCookieSecret, readToken } from '../../host/cookie-secret';
import { bootStation } from '../../boot/station';
import { startHost } from '../../host/server';
import { SCALE_KINDS, type ScaleKind } from '../../boot/devices';
import { dataDirFrom, parseCount, rendererDir, UsageError } from '../options';

interface ServeOptions {
  data?: string;
  host: string;
  port: string;
  token?: string;
  tokenFile?: string;
  allowedHost?: string[];
  tlsCert?: string;
  tlsKey?: string;
  station?: string;
  scale: string;
  hidScanner?: boolean;
  fakeScanner?: boolean;
  central?: string;
  leaseBatch: string;
  centralStation?: string;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the station UI to a browser (browser mode). An empty data folder is seeded with the demo shop.')
    .option('--data <dir>', 'data folder (default: PACKDESK_DATA or the OS application-data folder)')
    .option('--host <host>', 'address to listen on; anything but loopback needs a token', '127.0.0.1')
    .option('--port <n>', 'port (0 picks a free one)', '5180')
    .option('--token-file <file>', 'file holding the token browsers present once (?token=) to get in (default: PACKDESK_TOKEN)')
    .option('--allowed-host <name...>', 'host names browsers use to reach this station, besides loopback and --host')
    .option('--tls-cert <file>', 'serve HTTPS with this certificate (PEM); needs --tls-key')
    .option('--tls-key <file>', 'the private key (PEM) of --tls-cert')
    .option('--station <id>', 'the station this host is by default')
    .option('--scale <kind>', `the station's scale: ${SCALE_KINDS.join(', ')} (fake: a simulated scale for demos and tests)`, 'none')
    .option('--hid-scanner', 'also read HID POS barcode scanners (wedge scanners need nothing)')
    .option('--fake-scanner', 'a simulated HID POS scanner for tests: POST /fake/scan {"data": "…"} passes a barcode under it')
    .option(
      '--central <url>',
      'attach to central (http://central.lan:5190): orders are claimed there and the journal replicates there, signed with the key of `packdesk station key` (register it at central first)',
    )
    .option('--central-station <id>', 'the id central registered this station under (default: --station)')
    .option('--lease-batch <n>', 'with --central: how many of its next orders the station holds to pack while central is unreachable', '5')
    .option('--token <token>', 'refused: a token in argv shows in `ps`; use --token-file or PACKDESK_TOKEN')
    .action(async (opts: ServeOptions) => {
      const port = parseCount(opts.port, '--port', 0, 65535);
      if (opts.token !== undefined)
        throw new UsageError(
          '--token is not accepted: any user of this computer can read it with `ps`. Put the token in a file only you can read and pass --token-file FILE, or set PACKDESK_TOKEN.',
        );
      if (Boolean(opts.tlsCert) !== Boolean(opts.tlsKey)) throw new UsageError('--tls-cert and --tls-key go together.');
      const token = readToken(opts.tokenFile, process.env.PACKDESK_TOKEN);
      const tls = opts.tlsCert && opts.tlsKey ? { cert: fs.readFileSync(opts.tlsCert), key: fs.readFileSync(opts.tlsKey) } : undefined;
      const dataDir = dataDirFrom(opts.data);
      if (!(SCALE_KINDS as readonly string[]).includes(opts.scale)) throw new UsageError(`--scale must be one of ${SCALE_KINDS.join(', ')}.`);
      const booted = await bootStation({
        dataDir,
        stationId: opts.station,
        host: 'browser',
        seedDemoIfEmpty: true,
        housekeeping: true,
        scale: opts.scale as ScaleKind,
        hidScanner: opts.hidScanner ?? false,
        fakeScanner: opts.fakeScanner ?? false,
        ...(opts.central
          ? { central: { url: centralUrl(opts.central), stationId: opts.centralStation, leaseBatch: parseCount(opts.leaseBatch, '--lease-batch', 0, 100) } }
          : {}),
      });
      let running;
      try {
        running = await startHost({
          station: booted.station,
          defaultStationId: booted.stationId,
          rendererDir: rendererDir(),
          host: opts.host,
          port,
          token,
          cookieSecret: loadOrCreateCookieSecret(dataDir),
          allowedHosts: opts.allowedHost ?? [],
          tls,
          fakeScale: booted.devices.fakeScale,
          fakeScanner: booted.devices.fakeScanner,
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

function centralUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--central ${text} is not a URL; it looks like http://central.lan:5190.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--central must be an http:// or https:// URL, not ${url.protocol}.`);
  return url.toString().replace(/\/+$/, '');
}
