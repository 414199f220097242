import os from 'node:os';
import path from 'node:path';
import type { Clock, Logger } from '../app/ports';
import { openCentralStore, type CentralStore } from '../central-store';
import type { ShopBackend } from '../app/ports/backend';
import { startCentralServer } from './server';
import { CentralShopPull } from './shop-pull';
import { CentralShopSync } from './shop-sync';
import { Wakeups, stationKeyOf } from './clip-relay';
import { createFolderClipStorage, type ClipStorage } from './clip-storage';

export interface CentralOptions {
  databaseUrl: string;
  host: string;
  port: number;
  logger: Logger;
  clock?: Clock;
  /** How far a station's request timestamp may be from central's clock (default two minutes). */
  signatureWindowMs?: number;
  /** How long a lease lasts unrenewed (default 30 minutes) and how many a station may hold (default 20). */
  leaseMs?: number;
  maxLeases?: number;
  /**
   * The shop central delivers the stations' forwarded outbox events to (`--shop FILE`, see
   * readShopFile), and how often it looks for due ones besides when a station forwards. Central
   * also pulls the shop's orders and products from it on the same interval, for the stations
   * (`pull: false` leaves that to a caller of shopPull.runOnce, as tests do). Without it
   * forwarded events are kept and wait until central starts with a shop.
   */
  shop?: { backend: ShopBackend; everySeconds: number; pull?: boolean } | undefined;
  /**
   * Where the clips central fetches from stations are kept: a folder (`--video-cache`, default a
   * folder under the system's temporary one) or an S3-compatible bucket (`--video-bucket`).
   */
  clipStorage?: ClipStorage;
  /** How long a manager's ask waits for the recording station to send its clip (default 20 s). */
  clipWaitMs?: number;
  /** A station silent this long (no poll) is offline for clips (default 45 s). */
  stationOfflineAfterMs?: number;
}

export interface RunningCentral {
  url: string;
  store: CentralStore;
  /** Delivers forwarded events to the shop; null when central has no shop. */
  shopSync: CentralShopSync | null;
  /** Pulls the shop's orders and products for the stations; null when central has no shop. */
  shopPull: CentralShopPull | null;
  close(): Promise<void>;
}

const DEFAULT_WINDOW_MS = 2 * 60_000;
const DEFAULT_LEASE_MS = 30 * 60_000;
const DEFAULT_MAX_LEASES = 20;
/** How often nonces past their window are forgotten. */
const NONCE_SWEEP_MS = 60_000;

/** Central's composition root: the PostgreSQL store migrated, the HTTP server, housekeeping. */
export async function startCentral(options: CentralOptions): Promise<RunningCentral> {
  const clock = options.clock ?? { now: () => new Date() };
  const { logger } = options;
  const store = openCentralStore({ url: options.databaseUrl });
  try {
    const report = await store.migrate();
    logger.info('central database ready', { ...report });
  } catch (error) {
    await store.close();
    throw error;
  }
  const wakeups = new Wakeups();
  const clipStorage = options.clipStorage ?? createFolderClipStorage(path.join(os.tmpdir(), 'packdesk-central-clips'));
  logger.info('central keeps fetched clips', { where: clipStorage.where });
  const shopSync = options.shop
    ? new CentralShopSync({
        outbox: store.outbox,
        exclusively: (fn) => store.exclusively(fn),
        backend: options.shop.backend,
        clock,
        logger,
        everySeconds: options.shop.everySeconds,
        // A label the shop bought goes back to the station that packed the order, to print there.
        labels: async (label, orderNumber) => {
          const stationId = await store.labels.packedAt(orderNumber);
          if (!stationId) return void logger.error('central: a shop label for an order no station forwarded', { orderNumber });
          await store.labels.add(stationId, orderNumber, label, clock.now());
          logger.info('central: a shop label waits for its station', { orderNumber, stationId });
          wakeups.wake(stationKeyOf(stationId));
        },
      })
    : null;
  const shopPull = options.shop
    ? new CentralShopPull({
        orders: store.orders,
        pulling: (fn) => store.pulling(fn),
        backend: options.shop.backend,
        clock,
        logger,
        everySeconds: options.shop.everySeconds,
      })
    : null;
  if (!shopSync) logger.warn('central has no shop (--shop): events stations forward are kept until it has one');
  const server = await startCentralServer({
    store,
    logger,
    clock,
    host: options.host,
    port: options.port,
    signatureWindowMs: options.signatureWindowMs ?? DEFAULT_WINDOW_MS,
    leases: { leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS, maxLeases: options.maxLeases ?? DEFAULT_MAX_LEASES },
    onForwarded: () => shopSync?.kick(),
    shopKind: options.shop?.backend.kind ?? null,
    clips: { storage: clipStorage, fetchWaitMs: options.clipWaitMs ?? 20_000, offlineAfterMs: options.stationOfflineAfterMs ?? 45_000 },
    wakeups,
  }).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const sweep = setInterval(() => {
    store.nonces.forgetExpired(clock.now()).catch((error: unknown) => logger.warn('central could not forget old nonces', { error: String(error) }));
  }, NONCE_SWEEP_MS);
  sweep.unref();
  shopSync?.start();
  if (options.shop?.pull !== false) shopPull?.start();
  return {
    url: server.url,
    store,
    shopSync,
    shopPull,
    async close() {
      clearInterval(sweep);
      await server.close();
      await shopSync?.stop();
      await shopPull?.stop();
      await store.close();
    },
  };
}
