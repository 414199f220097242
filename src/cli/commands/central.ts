import type { Command } from 'commander';
import { createConsoleLog } from '../../boot/logger';
import type { ShopBackend } from '../../app/ports/backend';
import { startCentral } from '../../central/central';
import { readShopFile } from '../../central/shop-sync';
import { bucketFromEnv, createBucketClipStorage } from '../../central/clip-bucket';
import { createFolderClipStorage, type ClipStorage } from '../../central/clip-storage';
import { openCentralStore, type CentralStore } from '../../central-store';
import { parsePublicKey } from '../../platform/request-signature';
import { parseCount, UsageError } from '../options';

const DATABASE_OPTION = [
  '--database <url>',
  'central PostgreSQL database, postgres://user@host:5432/packdesk (default: PACKDESK_CENTRAL_DATABASE); keep the password in PGPASSWORD or ~/.pgpass, not the URL',
] as const;

function databaseUrl(flag: string | undefined): string {
  const url = flag ?? process.env.PACKDESK_CENTRAL_DATABASE;
  if (!url) throw new UsageError('Say which database central uses: --database postgres://user@host:5432/packdesk (or PACKDESK_CENTRAL_DATABASE).');
  if (!/^postgres(ql)?:\/\//.test(url)) throw new UsageError(`--database must be a postgres:// URL, not "${url}".`);
  return url;
}

/** "127.0.0.1:5190", "[::1]:5190" or "0.0.0.0:5190". */
export function parseListen(value: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d+)$/.exec(value);
  if (!m) throw new UsageError(`--listen must be HOST:PORT, e.g. 127.0.0.1:5190, not "${value}".`);
  return { host: m[1] ?? m[2]!, port: parseCount(m[3]!, '--listen port', 0, 65535) };
}

/** Runs `use` on central's migrated database, then closes it. */
async function withStore<T>(url: string, use: (store: CentralStore) => Promise<T>): Promise<T> {
  const store = openCentralStore({ url, maxConnections: 2 });
  try {
    await store.migrate();
    return await use(store);
  } finally {
    await store.close();
  }
}

/** `packdesk central`: the warehouse service on PostgreSQL, and the admin's commands for it. */
export function registerCentral(program: Command): void {
  const central = program
    .command('central')
    .description('Run central, the warehouse service on PostgreSQL that the stations attach to (see docs/central.md).')
    // Each subcommand takes its own --database; without this the parent's would swallow it.
    .enablePositionalOptions()
    .option(...DATABASE_OPTION)
    .option('--listen <host:port>', 'address for stations and monitoring (/healthz, /readyz)', '127.0.0.1:5190')
    .option('--lease-minutes <n>', 'how long a lease on an order lasts unless the station renews it', '30')
    .option('--max-leases <n>', 'the most orders one station may hold on lease', '20')
    .option(
      '--shop <file>',
      "the shop central pulls the warehouse's orders from and delivers the stations' shipments and returns to: a JSON file of the sync settings (the secret in PACKDESK_SHOP_SECRET)",
    )
    .option('--video-cache <dir>', 'folder where central keeps the clips it fetched from stations (default: a folder under the system temp folder)')
    .option(
      '--video-bucket <url>',
      'an S3-compatible bucket for the clips instead, path-style (https://s3.eu-central-1.amazonaws.com/packdesk-video); credentials in PACKDESK_VIDEO_BUCKET_KEY_ID and PACKDESK_VIDEO_BUCKET_SECRET',
    )
    .action(
      async (opts: {
        database?: string;
        listen: string;
        leaseMinutes: string;
        maxLeases: string;
        shop?: string;
        videoCache?: string;
        videoBucket?: string;
      }) => {
        const url = databaseUrl(opts.database);
        const { host, port } = parseListen(opts.listen);
        const leaseMs = parseCount(opts.leaseMinutes, '--lease-minutes', 1, 24 * 60) * 60_000;
        const maxLeases = parseCount(opts.maxLeases, '--max-leases', 0, 1000);
        let shop: { backend: ShopBackend; everySeconds: number } | undefined;
        if (opts.shop) {
          try {
            const { settings, backend } = readShopFile(opts.shop, process.env.PACKDESK_SHOP_SECRET || null);
            shop = { backend, everySeconds: settings.everySeconds };
          } catch (error) {
            throw new UsageError(error instanceof Error ? error.message : String(error));
          }
        }
        if (opts.videoCache && opts.videoBucket) throw new UsageError('Give --video-cache or --video-bucket, not both: the clips are kept in one place.');
        let clipStorage: ClipStorage | undefined;
        try {
          if (opts.videoBucket) clipStorage = createBucketClipStorage(bucketFromEnv(opts.videoBucket, process.env));
          else if (opts.videoCache) clipStorage = createFolderClipStorage(opts.videoCache);
        } catch (error) {
          throw new UsageError(error instanceof Error ? error.message : String(error));
        }
        const log = createConsoleLog();
        const running = await startCentral({
          databaseUrl: url,
          host,
          port,
          logger: log.logger,
          leaseMs,
          maxLeases,
          shop,
          ...(clipStorage ? { clipStorage } : {}),
        });
        process.stderr.write(`Packdesk central: ${running.url}\n`);
        const stop = async (): Promise<void> => {
          log.logger.info('central stopping');
          await running.close();
          process.exit(0);
        };
        process.once('SIGINT', () => void stop());
        process.once('SIGTERM', () => void stop());
      },
    );

  central
    .command('bench')
    .description('Measure the claim: two stations race for the same order, N times, through this central (use a scratch database).')
    .option(...DATABASE_OPTION)
    .option('--rounds <n>', 'orders raced for', '2000')
    .action(async (opts: { database?: string; rounds: string }) => {
      const { benchClaims } = await import('../../central/bench-claims');
      const report = await benchClaims(databaseUrl(opts.database), parseCount(opts.rounds, '--rounds', 1, 1_000_000));
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    });

  const stations = central.command('stations').description('Stations allowed to attach to central, each with its own key.');
  stations
    .command('add')
    .description('Register a station and the key it signs with (print it at the station with `packdesk station key`).')
    .requiredOption('--id <id>', 'the station id, e.g. ST-02')
    .requiredOption('--public-key <key>', 'the ed25519:… key the station printed')
    .option('--name <name>', 'a name people know the station by (default: the id)')
    .option('--replace', 'replace the key of a station registered already (a new PC, a lost key)')
    .option(...DATABASE_OPTION)
    .action(async (opts: { id: string; publicKey: string; name?: string; replace?: boolean; database?: string }) => {
      try {
        parsePublicKey(opts.publicKey);
      } catch (error) {
        throw new UsageError(error instanceof Error ? error.message : String(error));
      }
      const publicKey = opts.publicKey.trim();
      await withStore(databaseUrl(opts.database), async (store) => {
        const outcome = await store.stations.register({ id: opts.id, name: opts.name ?? opts.id, publicKey }, new Date());
        if (outcome === 'added') return void process.stdout.write(`Station ${opts.id} registered.\n`);
        if (!opts.replace) throw new UsageError(`Station ${opts.id} is registered already; add --replace to give it this new key.`);
        await store.stations.replaceKey(opts.id, publicKey);
        process.stdout.write(`Station ${opts.id} now signs with the new key; the old one is refused.\n`);
      });
    });
  stations
    .command('list')
    .description('Print the registered stations: id, name, key, registered at.')
    .option(...DATABASE_OPTION)
    .action(async (opts: { database?: string }) => {
      await withStore(databaseUrl(opts.database), async (store) => {
        for (const s of await store.stations.list()) process.stdout.write(`${s.id}\t${s.name}\t${s.publicKey}\t${s.registeredAt.toISOString()}\n`);
      });
    });
}
