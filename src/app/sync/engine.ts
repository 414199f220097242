import { StationFailure } from '../../contract/errors';
import type { SyncProgress, SyncRun, SyncStatus } from '../../contract/sync';
import type { CommonPorts } from '../context';
import { SyncFailure, type ShopBackend, type ShopLabelSink, type SyncPorts } from '../ports/backend';
import type { Secrets } from '../ports/secrets';
import type { CentralLink } from '../ports/central';
import { CENTRAL_ORDERS_CURSOR, centralOrderSource } from './central-orders';
import { drainOutbox, parkInJournal, type DrainResult } from './drain';
import { forwardOutbox } from './forward';
import { insecureHttpAllowed, needsSecret, refuseSecretInClear, secretEndpoint } from './endpoint';
import { pullFromShop } from './pull';

/** What the shop sync uses: its own ports (outbox, links, settings, backends), the secret seal, the store and journal. */
export interface SyncDeps extends Pick<CommonPorts, 'store' | 'journal' | 'clock' | 'logger' | 'events' | 'stationId'> {
  sync: SyncPorts;
  secrets: Secrets;
  /** Where labels the shop bought for a shipment go; null where the host reaches no shop. */
  carrierLabels: ShopLabelSink | null;
  /** The tracking numbers to send with a shipment (see DrainDeps); null keeps each event's own. */
  trackingFor?: ((orderNumber: string) => string[] | 'pending' | null) | null;
  /** Attached to central: the outbox goes to central, which delivers it to the shop (forward.ts); null on its own. */
  central?: Pick<CentralLink, 'forwardOutbox' | 'orderShop' | 'orderChanges'> | null;
}

export interface SyncEngineDeps extends Omit<SyncDeps, 'events'> {
  onProgress?: (progress: SyncProgress) => void;
}

const EMPTY_RUN: Omit<SyncRun, 'error'> = { pulledProducts: 0, pulledOrders: 0, changedOrders: 0, cancelledOrders: 0, pushed: 0, retried: 0, parked: 0 };

/** One sync at a time: pull what the shop has, then drain the outbox. Packing never waits for it. */
export class SyncEngine {
  private current: Promise<SyncRun> | null = null;
  private cached: { key: string; backend: ShopBackend } | null = null;
  /** What central said of its shop at the last sync (attached stations only). */
  private centralShop: NonNullable<SyncStatus['central']> = { shopKind: null, lastPullAt: null, shopError: null };

  constructor(private readonly deps: SyncEngineDeps) {}

  get running(): boolean {
    return this.current !== null;
  }

  /**
   * The stored secret when it was given for the backend's current endpoint. One given for another
   * address is never sent; a secret saved before secrets were bound counts as the current one's.
   */
  private sealedSecretForEndpoint(): Uint8Array | null {
    const { settings } = this.deps.sync;
    const bound = settings.secretEndpoint();
    if (bound !== null && bound !== secretEndpoint(settings.settings())) return null;
    return settings.sealedSecret();
  }

  /**
   * The configured backend, or null when none is chosen. Kept while the settings and secret stay
   * the same: its rate limiter and login must outlive one run (BaseLinker counts across runs).
   * Throws when the secret would go over plain http to another machine without an admin's leave.
   */
  backend(): ShopBackend | null {
    const { sync, secrets } = this.deps;
    const settings = sync.settings.settings();
    if (settings.kind === 'none') return null;
    const sealed = this.sealedSecretForEndpoint();
    if (sealed) refuseSecretInClear(settings);
    const key = `${JSON.stringify(settings)}|${sealed ? sealed.join(',') : ''}`;
    if (this.cached?.key === key) return this.cached.backend;
    const secret = sealed ? new TextDecoder().decode(secrets.sealer.open(sealed)) : null;
    const backend = sync.backendFor?.(settings, secret) ?? null;
    this.cached = backend ? { key, backend } : null;
    return backend;
  }

  /** Runs a sync, or joins the one already running. */
  runOnce(): Promise<SyncRun> {
    this.current ??= this.run().finally(() => {
      this.current = null;
    });
    return this.current;
  }

  private async run(): Promise<SyncRun> {
    if (this.deps.central) return this.runAttached(this.deps.central);
    const { store, journal, clock, logger, stationId, sync, carrierLabels, onProgress, trackingFor } = this.deps;
    let backend: ShopBackend | null;
    try {
      backend = this.backend();
    } catch (error) {
      const refused: SyncRun = { ...EMPTY_RUN, error: describe(error) };
      sync.settings.saveLastRun({ at: clock.now().toISOString(), error: refused.error?.message ?? null, pulledOrders: 0, pushed: 0 });
      logger.warn('sync refused before it started', { error: refused.error?.message ?? null });
      return refused;
    }
    if (!backend) return { ...EMPTY_RUN, error: { kind: 'refused', message: 'No shop backend is set up.' } };
    const run: SyncRun = { ...EMPTY_RUN, error: null };
    await this.pullInto(run, backend, 'the shop');
    // The outbox drains even when the pull failed: a shop that refuses a query may still take shipments.
    const park = parkInJournal({ store, outbox: sync.outbox, journal, logger, clock, stationId });
    const drained = await drainOutbox({ outbox: sync.outbox, park, backend, clock, logger, carrierLabels, trackingFor: trackingFor ?? null }, 500, (done) =>
      onProgress?.({ phase: 'outbox', done, total: null }),
    );
    return this.finish(run, drained, backend.kind);
  }

  /**
   * Attached to central: the orders come from central's copy of the shop, through the same pull
   * (and the same writer) as from the shop itself, and the outbox goes to central. The station's
   * own shop settings take no part. Central unreachable, or central unable to reach the shop: the
   * station keeps packing the orders it has, and the run's error says why.
   */
  private async runAttached(central: NonNullable<SyncDeps['central']>): Promise<SyncRun> {
    const { store, journal, clock, logger, stationId, sync, trackingFor } = this.deps;
    const run: SyncRun = { ...EMPTY_RUN, error: null };
    const shop = await central.orderShop();
    if (!shop.reached) {
      run.error = { kind: 'unreachable', message: `Central cannot be reached, so no new orders come in; the station packs the orders it has: ${shop.why}` };
    } else if (shop.value === null) {
      this.centralShop = { shopKind: null, lastPullAt: null, shopError: null };
      run.error = { kind: 'refused', message: 'Central has no shop to pull orders from (packdesk central --shop): no new orders come in.' };
    } else {
      const { kind, lastSuccessAt, lastError } = shop.value;
      this.centralShop = { shopKind: kind, lastPullAt: lastSuccessAt, shopError: lastError };
      await this.pullInto(run, centralOrderSource(central, kind), 'central', CENTRAL_ORDERS_CURSOR);
      if (lastError && !run.error) {
        const since = lastSuccessAt ? ` (its last good pull was at ${lastSuccessAt})` : '';
        run.error = {
          kind: 'unreachable',
          message: `Central cannot reach the shop${since}, so no new orders come in; the station packs the orders it has: ${lastError}`,
        };
      }
    }
    const park = parkInJournal({ store, outbox: sync.outbox, journal, logger, clock, stationId });
    const forwarded = await forwardOutbox({ outbox: sync.outbox, central, park, clock, logger, trackingFor: trackingFor ?? null });
    return this.finish(run, forwarded, 'central');
  }

  /** Pulls from the shop, or from central's copy of it, into the run's counts; a failed pull is the run's error. */
  private async pullInto(run: SyncRun, backend: ShopBackend, from: 'the shop' | 'central', cursorName?: string): Promise<void> {
    const { store, journal, clock, logger, stationId, sync, onProgress } = this.deps;
    try {
      const pulled = await pullFromShop({
        store,
        journal,
        clock,
        logger,
        stationId,
        links: sync.links,
        settings: sync.settings,
        backend,
        ...(cursorName ? { cursorName } : {}),
        ...(onProgress ? { onProgress } : {}),
      });
      Object.assign(run, { pulledProducts: pulled.products, pulledOrders: pulled.orders, changedOrders: pulled.changed, cancelledOrders: pulled.cancelled });
      for (const skipped of pulled.skipped) logger.warn(`order from ${from} not taken`, { order: skipped.number, reason: skipped.reason });
    } catch (error) {
      run.error = describe(error);
    }
  }

  private finish(run: SyncRun, drained: DrainResult, from: string): SyncRun {
    const { sync, clock, logger } = this.deps;
    Object.assign(run, { pushed: drained.pushed, retried: drained.retried, parked: drained.parked });
    if (drained.unreachable && !run.error) run.error = describe(drained.unreachable);
    sync.settings.saveLastRun({ at: clock.now().toISOString(), error: run.error?.message ?? null, pulledOrders: run.pulledOrders, pushed: run.pushed });
    logger.info('sync finished', { backend: from, ...run, error: run.error?.message ?? null });
    return run;
  }

  status(): SyncStatus {
    const { sync } = this.deps;
    const last = sync.settings.lastRun();
    const settings = sync.settings.settings();
    const hasSecret = this.sealedSecretForEndpoint() !== null;
    return {
      kind: settings.kind,
      hasSecret,
      secretNeeded: needsSecret(settings) && !hasSecret,
      insecureHttp: insecureHttpAllowed(settings),
      running: this.running,
      lastRunAt: last?.at ?? null,
      lastError: last?.error ?? null,
      queued: sync.outbox.counts().queued,
      parked: sync.outbox.list(['parked'], 100),
      flagged: sync.links.flagged().map(({ orderNumber, reason, at }) => ({ orderNumber, reason, at })),
      central: this.deps.central ? { ...this.centralShop } : null,
    };
  }

  async testConnection(): Promise<{ shopName: string }> {
    try {
      const backend = this.backend();
      if (!backend) throw new StationFailure('SYNC_NOT_CONFIGURED', 'No shop backend is set up.');
      return await backend.testConnection();
    } catch (error) {
      throw toStationFailure(error);
    }
  }
}

export function describe(error: unknown): NonNullable<SyncRun['error']> {
  if (error instanceof SyncFailure) return { kind: error.kind, message: error.message };
  if (error instanceof StationFailure) return { kind: 'refused', message: error.message };
  return { kind: 'bad_response', message: error instanceof Error ? error.message : String(error) };
}

export function toStationFailure(error: unknown): StationFailure {
  if (error instanceof StationFailure) return error;
  const { kind, message } = describe(error);
  const code =
    kind === 'unreachable' ? 'SYNC_UNREACHABLE' : kind === 'auth' ? 'SYNC_AUTH_FAILED' : kind === 'rate_limited' ? 'SYNC_RATE_LIMITED' : 'SYNC_REFUSED';
  return new StationFailure(code, message, { kind });
}
