import { startCentral } from '../../central/central';
import { VendureBackend } from '../../sync/vendure/backend';
import { round, type Figure } from './stats';
import { startBenchShop } from './sync-vendure';

const QUIET = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface CentralPullBenchOptions {
  /** A scratch PostgreSQL database central may fill (its tables are created there). */
  databaseUrl: string;
  /** Orders placed in Vendure and pulled; each costs seven Shop API calls to make. */
  orders: number;
  port?: number;
}

/**
 * Central's pull from a real Vendure (issue 13: 10,000 orders within 1.2× Vendure's own time to
 * answer the same queries): central pulls the products and the orders into PostgreSQL, then the
 * same pages are asked of Vendure alone, and the ratio of the two times is the figure to hold.
 */
export async function benchCentralPull(options: CentralPullBenchOptions): Promise<Figure[]> {
  const { orders: count } = options;
  const shop = await startBenchShop(options.port ?? 3892);
  const figures: Figure[] = [];
  try {
    await shop.placeOrders(count, 8);
    const vendure = {
      url: shop.adminUrl,
      username: 'superadmin',
      channelToken: null,
      barcodeField: 'barcode',
      fulfillmentHandler: 'manual-fulfillment',
      pageSize: 100,
      allowInsecureHttp: false,
    };
    const backend = new VendureBackend(vendure, 'superadmin');
    // Vendure answers its first pages slower (its caches, the JIT): one untimed pass, so neither side pays for that.
    await backend.testConnection();
    await askAlone(backend);
    const central = await startCentral({
      databaseUrl: options.databaseUrl,
      host: '127.0.0.1',
      port: 0,
      logger: QUIET,
      shop: { backend, everySeconds: 3600, pull: false },
    });
    let centralSeconds: number;
    try {
      if ((await central.store.orders.shopState()) !== null)
        throw new Error('central has pulled into this database before: give the benchmark an empty scratch database.');
      const started = performance.now();
      const pulled = await central.shopPull!.runOnce();
      centralSeconds = (performance.now() - started) / 1000;
      if (!pulled || pulled.error || pulled.orders !== count) throw new Error(`central's pull went wrong: ${JSON.stringify(pulled)}`);
    } finally {
      await central.close();
    }
    figures.push({ name: `central: pull ${count} orders from Vendure into PostgreSQL`, value: round(count / centralSeconds), unit: 'orders/s' });

    // The same pages (products, then orders) asked of Vendure alone.
    const alone = new VendureBackend(vendure, 'superadmin');
    await alone.testConnection();
    const started = performance.now();
    await askAlone(alone);
    const vendureSeconds = (performance.now() - started) / 1000;
    figures.push({ name: 'central: Vendure answering the same pages alone', value: round(count / vendureSeconds), unit: 'orders/s' });
    figures.push({
      name: `central: pull time over Vendure's own (${count} orders, target ≤ 1.2)`,
      value: round(centralSeconds / vendureSeconds, 2),
      unit: '×',
    });
  } finally {
    await shop.destroy();
  }
  return figures;
}

/** Every page of products, then of orders, as central's pull asks them. */
async function askAlone(backend: VendureBackend): Promise<void> {
  for (let cursor: string | null = null; ;) {
    const page = await backend.pullProducts(cursor);
    if (!page.more || page.cursor === null) break;
    cursor = page.cursor;
  }
  for (let cursor: string | null = null; ;) {
    const page = await backend.pullOrders(cursor);
    if (!page.more || page.items.length === 0) break;
    cursor = page.cursor;
  }
}
