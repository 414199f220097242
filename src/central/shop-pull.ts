import type { Clock, Logger } from '../app/ports';
import type { ShopBackend } from '../app/ports/backend';
import type { CentralOrders } from '../app/ports/central';
import { describe } from '../app/sync/engine';
import type { SyncRun } from '../contract/sync';
import { SyncWorker } from '../sync';

export interface CentralShopPullDeps {
  orders: CentralOrders;
  /** Runs `fn` unless another central process is pulling now (a PostgreSQL advisory lock); null then. */
  pulling<T>(fn: () => Promise<T>): Promise<T | null>;
  backend: ShopBackend;
  clock: Clock;
  logger: Logger;
  everySeconds: number;
}

export interface CentralPullResult {
  products: number;
  /** Orders new or changed at central (what the stations will fetch). */
  orders: number;
  error: SyncRun['error'];
}

/** How many orders pulled earlier central asks the shop about at once, and in all per pull (as a station does). */
const BY_ID_BATCH = 100;
const OPEN_LIMIT = 10_000;

/**
 * A pull's pages, each asked of the shop while the one before it is being kept: the next page is
 * asked for as soon as a page arrives (`next` reads where it starts from the page), so the shop
 * answering and PostgreSQL writing overlap. Pages are still kept one at a time and in order, each
 * before the next, so the cursor kept is always the one after a page kept whole. `next` returns
 * undefined after the last page. A write that fails stops the pull; the page asked ahead of it is
 * then never read, and its own failure, if any, is not the pull's.
 */
async function pipelined<C, P>(ask: (at: C) => Promise<P>, from: C, next: (page: P, at: C) => C | undefined, keep: (page: P) => Promise<void>): Promise<void> {
  let at = from;
  let ahead: Promise<P> | null = ask(at);
  while (ahead) {
    const page: P = await ahead;
    const after = next(page, at);
    ahead = after === undefined ? null : ask((at = after));
    ahead?.catch(() => undefined);
    await keep(page);
  }
}

/**
 * Central's pull from the shop, once for the whole warehouse: the shop's products, then its
 * orders changed since the shop's cursor page by page (each page kept with the cursor after it, in
 * one transaction, so a pull stopped anywhere resumes after the last page kept; the next page is
 * asked of the shop while one is being kept, see pipelined()), then the orders
 * pulled earlier that nobody has packed yet, asked for by id to learn of cancellations, holds and
 * changed lines. The same backends as a station's (src/sync) do the asking. Stations fetch what
 * changed from central (POST /v1/orders/changes) into their SQLite with their own pull.
 * A shop that cannot be reached is asked again after 5 s … 15 min (SyncWorker); the reason is
 * kept in central_shop_pull, which stations show on their sync screen.
 */
export class CentralShopPull {
  private current: Promise<CentralPullResult | null> | null = null;
  private readonly worker: SyncWorker;

  constructor(private readonly deps: CentralShopPullDeps) {
    this.worker = new SyncWorker({ run: () => this.runAsSync(), everySeconds: () => deps.everySeconds, logger: deps.logger });
  }

  start(): void {
    this.worker.start(0);
  }

  /** Stops the timer and waits for a pull in flight, so nothing writes after the pool closes. */
  async stop(): Promise<void> {
    this.worker.stop();
    await this.current?.catch(() => undefined);
  }

  /** One pull, or the one already running; null when another central process is pulling. */
  runOnce(): Promise<CentralPullResult | null> {
    this.current ??= this.deps
      .pulling(() => this.pull())
      .finally(() => {
        this.current = null;
      });
    return this.current;
  }

  private async pull(): Promise<CentralPullResult> {
    const { orders, backend, clock, logger } = this.deps;
    const kind = backend.kind;
    const result: CentralPullResult = { products: 0, orders: 0, error: null };
    try {
      await pipelined(
        (cursor) => backend.pullProducts(cursor),
        null as string | null,
        (page) => (page.more && page.cursor !== null ? page.cursor : undefined),
        async (page) => {
          result.products += await orders.saveProducts(page.items, clock.now());
        },
      );
      const state = await orders.shopState();
      const seen = new Set<string>();
      await pipelined(
        (cursor) => backend.pullOrders(cursor),
        state?.kind === kind ? state.ordersCursor : null,
        (page) => (page.more && page.items.length > 0 ? page.cursor : undefined),
        async (page) => {
          for (const o of page.items) seen.add(o.externalId);
          result.orders += await orders.saveOrders(kind, page.items, page.products ?? [], page.cursor, clock.now());
        },
      );
      const open = (await orders.openExternalIds(kind, OPEN_LIMIT)).filter((id) => !seen.has(id));
      if (open.length > 0)
        await pipelined(
          (i) => backend.ordersById(open.slice(i, i + BY_ID_BATCH)),
          0,
          (_current, i) => (i + BY_ID_BATCH < open.length ? i + BY_ID_BATCH : undefined),
          async (current) => {
            result.orders += await orders.saveOrders(kind, current, [], undefined, clock.now());
          },
        );
    } catch (error) {
      result.error = describe(error);
    }
    await orders.recordRun(kind, clock.now(), result.error?.message ?? null);
    if (result.error) logger.warn('central cannot pull from the shop', { backend: kind, error: result.error.message });
    else if (result.products + result.orders > 0)
      logger.info('central pulled from the shop', { backend: kind, products: result.products, orders: result.orders });
    return result;
  }

  private async runAsSync(): Promise<SyncRun> {
    const result = await this.runOnce();
    return {
      pulledProducts: result?.products ?? 0,
      pulledOrders: result?.orders ?? 0,
      changedOrders: 0,
      cancelledOrders: 0,
      pushed: 0,
      retried: 0,
      parked: 0,
      error: result?.error ?? null,
    };
  }
}
