import fs from 'node:fs';
import path from 'node:path';
import type { Clock, Logger } from '../app/ports';
import type { ShopBackend, ShopLabel } from '../app/ports/backend';
import type { CentralOutbox } from '../app/ports/central';
import { drainOutbox, type DrainResult } from '../app/sync/drain';
import { refuseSecretInClear } from '../app/sync/endpoint';
import { describe } from '../app/sync/engine';
import { StationFailure } from '../contract/errors';
import { backendSettingsSchema, type BackendSettings, type SyncRun } from '../contract/sync';
import { createBackendFactory, SyncWorker } from '../sync';

/** How many forwarded events one delivery run sends at most (the next run goes on). */
const DRAIN_LIMIT = 500;

/**
 * The shop central delivers to, from `packdesk central --shop FILE`: the settings a station's
 * sync screen saves (contract/sync backendSettingsSchema, as JSON) and the secret from
 * PACKDESK_SHOP_SECRET (never in the file, never on the command line).
 */
export function readShopFile(file: string, secret: string | null): { settings: BackendSettings; backend: ShopBackend } {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new StationFailure('VALIDATION_FAILED', `The shop file ${file} cannot be read as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = backendSettingsSchema.safeParse(json);
  if (!parsed.success) {
    throw new StationFailure('VALIDATION_FAILED', `The shop file ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  const settings = parsed.data;
  if (secret) refuseSecretInClear(settings);
  // The admin who wrote the file chose its folders, as station-config.json does at a station.
  const fileFolders = settings.file
    ? [settings.file.ordersFile, settings.file.productsFile, settings.file.exportFile].flatMap((f) => (f ? [path.dirname(f)] : []))
    : [];
  const backend = createBackendFactory({ fileFolders })(settings, secret);
  if (!backend) throw new StationFailure('VALIDATION_FAILED', `The shop file ${file} names no shop central can deliver to (kind ${settings.kind}).`);
  return { settings, backend };
}

export interface CentralShopSyncDeps {
  outbox: CentralOutbox;
  /** Runs `fn` unless another central process is delivering now (a PostgreSQL advisory lock); null then. */
  exclusively<T>(fn: () => Promise<T>): Promise<T | null>;
  backend: ShopBackend;
  clock: Clock;
  logger: Logger;
  everySeconds: number;
  /** A label the shop bought for a shipment central pushed (BaseLinker with a courier): handed back to the station that packed it. */
  labels?: (label: ShopLabel, orderNumber: string) => Promise<void>;
}

/**
 * Central's side of the shop sync: the events stations forwarded go to the shop, oldest first
 * and one order's in turn, through the same drain a station uses on its own (app/sync/drain):
 * each attempt counted before the call, the shop asked before a retry, a refusal parked. Woken
 * when a station forwards events, and on a timer (SyncWorker, backing off while the shop is down).
 */
export class CentralShopSync {
  private current: Promise<DrainResult | null> | null = null;
  private again = false;
  private stopped = true;
  private readonly worker: SyncWorker;

  constructor(private readonly deps: CentralShopSyncDeps) {
    this.worker = new SyncWorker({ run: () => this.runAsSync(), everySeconds: () => deps.everySeconds, logger: deps.logger });
  }

  start(): void {
    this.stopped = false;
    this.worker.start(0);
  }

  /** Stops the timer and waits for a delivery in flight, so nothing writes after the pool closes. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.worker.stop();
    this.again = false;
    await this.current?.catch(() => undefined);
  }

  /** Events arrived: deliver now, or right after the run in flight (which may have read the queue before them). */
  kick(): void {
    if (this.stopped) return;
    if (this.current) {
      this.again = true;
      return;
    }
    void this.runOnce().catch((error: unknown) => this.deps.logger.error('central shop delivery failed', { error: String(error) }));
  }

  /** One delivery run, or the one already running; null when another central process is delivering. */
  runOnce(): Promise<DrainResult | null> {
    this.current ??= this.run().finally(() => {
      this.current = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
    return this.current;
  }

  private async run(): Promise<DrainResult | null> {
    const { outbox, backend, clock, logger } = this.deps;
    const result = await this.deps.exclusively(() =>
      drainOutbox(
        {
          outbox,
          backend,
          clock,
          logger,
          // Labels a shop buys (BaseLinker with a courier) are fetched after the push, as at a station, and handed back to it.
          carrierLabels: this.deps.labels ? (label, links) => this.deps.labels!(label, links.orderNumber) : null,
          // The station filled in the carriers' tracking numbers before it forwarded the event.
          trackingFor: null,
          park: async (event, reason) => {
            await outbox.park(event.id, reason, clock.now().toISOString());
            logger.warn('central: forwarded outbox event parked for a manager', { order: event.orderNumber, event: event.id, reason });
          },
        },
        DRAIN_LIMIT,
      ),
    );
    if (result && result.pushed + result.retried + result.parked > 0) {
      logger.info('central delivered to the shop', { backend: backend.kind, pushed: result.pushed, retried: result.retried, parked: result.parked });
    }
    if (result?.unreachable) logger.warn('central cannot reach the shop', { error: result.unreachable.message });
    return result;
  }

  private async runAsSync(): Promise<SyncRun> {
    const result = await this.runOnce();
    return {
      pulledProducts: 0,
      pulledOrders: 0,
      changedOrders: 0,
      cancelledOrders: 0,
      pushed: result?.pushed ?? 0,
      retried: result?.retried ?? 0,
      parked: result?.parked ?? 0,
      error: result?.unreachable ? describe(result.unreachable) : null,
    };
  }
}
