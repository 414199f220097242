import { StationFailure } from '../../contract/errors';
import type { Clock } from '../ports';
import type { LabelSettings, LabelSettingsRepository } from '../ports/documents';
import type { Journal } from '../ports/journal';
import type { Store } from '../ports/store';
import { addStation, giveDefaultPrinters, type StationPrinters } from '../stations';
import { demoCatalog } from './catalog';
import type { ReturnsRepository } from '../ports/returns';
import { seedHistory } from './history';
import { seedReturns } from './returns';
import { demoOrders } from './orders';
import { demoStations, demoUsers } from './staff';

export interface SeedOptions {
  orders: number;
  seed?: number;
  now: Date;
  hashPin: (pin: string) => string;
  /** With a journal, the shop's shipped orders get their packing history (see history.ts). */
  journal?: (clock: Clock) => Journal;
  /**
   * The demo's label settings, written unless the station has its own, in the same transaction:
   * without them every completed order's documents wait for a manager to set them up.
   */
  labels?: { repository: Pick<LabelSettingsRepository, 'get' | 'set'>; settings: LabelSettings };
  /**
   * Printer profiles, written in the same transaction for every station that has none, as for
   * any new station (app/stations.ts): the PDF folder printer for every document, so the demo
   * prints from its first order.
   */
  printers?: StationPrinters;
  /** With the returns repository (and a journal), the returns desk gets returns in every state (see returns.ts). */
  returns?: ReturnsRepository;
}

export interface SeedCounts {
  products: number;
  orders: number;
  users: number;
  /** Shipped orders given a packing history in the journal; absent when seeded without one. */
  packed?: number;
  /** Returns and parcels not ours at the returns desk; absent when seeded without them. */
  returns?: number;
  notOurs?: number;
}

/**
 * Fills an empty station database with the demo shop in one transaction: stations, people,
 * catalog, orders, their history and the label settings commit together or not at all. A
 * database that already holds products or orders is refused: seeding twice would duplicate the shop.
 */
export function seedDemo(store: Store, options: SeedOptions): SeedCounts {
  if (!Number.isInteger(options.orders) || options.orders < 0) {
    throw new StationFailure('VALIDATION_FAILED', `The number of demo orders must be a whole number, not ${options.orders}.`);
  }
  refuseFilled(store);
  const catalog = demoCatalog();
  const orders = demoOrders(options.orders, options.seed === undefined ? { now: options.now } : { seed: options.seed, now: options.now });
  // Hash before the transaction: scrypt is slow on purpose and the write lock need not wait for it.
  const users = demoUsers().map(({ user, pin }) => ({ ...user, pinHash: options.hashPin(pin) }));

  return store.transaction(() => {
    refuseFilled(store);
    for (const station of demoStations()) {
      if (store.stations.get(station.id)) continue;
      if (options.printers) addStation(store, options.printers, station);
      else store.stations.upsert(station);
    }
    // Someone may have set up an admin before asking for the demo; keep theirs.
    let inserted = 0;
    for (const user of users) {
      if (store.users.byBadge(user.badgeCode)) continue;
      store.users.insert(user);
      inserted++;
    }
    store.catalog.importCatalog(catalog);
    const written = store.orders.insertMany(orders);
    const counts: SeedCounts = { products: catalog.products.length, orders: written, users: inserted };
    if (options.journal) counts.packed = seedHistory(store, orders, { journal: options.journal, now: options.now }).orders;
    if (options.journal && options.returns)
      Object.assign(counts, seedReturns(store, orders, { journal: options.journal, returns: options.returns, now: options.now }));
    if (options.labels && !options.labels.repository.get()) options.labels.repository.set(options.labels.settings);
    // Stations a part-way setup left without printers get them as a new station would.
    const printers = options.printers;
    if (printers) for (const station of store.stations.list()) giveDefaultPrinters(printers, station.id);
    return counts;
  });
}

function refuseFilled(store: Store): void {
  const orders = store.orders.count();
  const products = store.catalog.productCount();
  if (orders > 0 || products > 0) {
    throw new StationFailure(
      'VALIDATION_FAILED',
      `This database already holds ${orders} orders and ${products} products; demo data goes only into an empty database.`,
      { orders, products },
    );
  }
}
