import { seedDemo, type SeedCounts } from '../app/demo';
import { hashPin } from '../app/pin';
import type { Clock, Logger, Store } from '../app/ports';
import type { Journal } from '../app/ports/journal';
import { DEMO_LABEL_SETTINGS } from '../documents/from-order';
import type { Database } from '../storage/db';
import { guardRepository } from '../storage/failures';
import { createLabelSettingsRepository } from '../storage/repositories/label-settings';
import { createPrinterProfileRepository } from '../storage/repositories/printer-profiles';
import { createReturnsRepository } from '../storage/repositories/returns';

/** What a host asks of the demo shop when it starts. */
export type DemoPlan =
  /** serve and Electron: an empty folder gets the demo shop; any other is left as it is. */
  | { whenFilled: 'keep'; orders: number; seed?: number }
  /** `packdesk demo`: the folder gets the demo shop; one that holds a shop already is refused. */
  | { whenFilled: 'refuse'; orders: number; seed?: number };

export interface DemoSeedingDeps {
  store: Store;
  db: Database;
  now: Date;
  journal: (clock: Clock) => Journal;
  logger: Logger;
}

export interface DemoSeeded extends SeedCounts {
  /** Set when the folder had been set up part-way before: the sentence that says so. */
  unfinished: string | null;
}

/**
 * The one way a data folder gets the demo shop, for every host: before the host writes anything
 * of its own (its station row), and in one transaction with the label settings the demo's labels
 * need and the PDF folder printer profiles its documents print to, so a seeding killed part-way
 * leaves nothing behind. A folder with stations but nobody to log in and nothing to pack was set up part-way (by an older `packdesk demo` killed while
 * seeding, or a command run on an empty folder): it is said so and seeded. Returns what was
 * seeded, or null when nothing was.
 */
export function seedDemoFolder(plan: DemoPlan, deps: DemoSeedingDeps): DemoSeeded | null {
  const { store, db } = deps;
  const held = { users: store.users.listActive().length, products: store.catalog.productCount(), orders: store.orders.count() };
  const stations = store.stations.list().length;
  const empty = held.users + held.products + held.orders === 0;
  if (plan.whenFilled === 'keep' && !empty) return null;
  const unfinished =
    empty && stations > 0
      ? `This data folder has ${stations === 1 ? 'a station' : `${stations} stations`} but no users, products or orders: ` +
        'it was set up part-way (a `packdesk demo` stopped before it finished, or a command run on an empty folder). It gets the demo shop now.'
      : null;
  if (unfinished) deps.logger.warn('data folder set up part-way; seeding the demo shop', { stations });
  const counts = seedDemo(store, {
    orders: plan.orders,
    ...(plan.seed === undefined ? {} : { seed: plan.seed }),
    now: deps.now,
    hashPin,
    journal: deps.journal,
    // GS1's example company prefix, which no real shipper holds.
    labels: { repository: guardRepository(createLabelSettingsRepository(db), db.name), settings: DEMO_LABEL_SETTINGS },
    // Every station prints into its PDF folder until a manager sets up real printers.
    printers: guardRepository(createPrinterProfileRepository(db), db.name),
    returns: guardRepository(createReturnsRepository(db), db.name),
  });
  deps.logger.info('data folder seeded with the demo shop', { ...counts });
  return { ...counts, unfinished };
}
