import { seedDemo, type SeedCounts } from '../app/demo';
import { hashPin } from '../app/pin';
import type { Clock, Logger, Store } from '../app/ports';
import type { Journal } from '../app/ports/journal';
import { DEMO_LABEL_SETTINGS } from '../documents/from-order';
import type { Database } from '../storage/db';
import { guardRepository } from '../storage/failures';
import { createLabelSettingsRepository } from '../storage/repositories/label-settings';

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

/**
 * The one way a data folder gets the demo shop, for every host: before the host writes anything
 * of its own (its station row), and in one transaction with the label settings the demo's labels
 * need. Returns what was seeded, or null when nothing was.
 */
export function seedDemoFolder(plan: DemoPlan, deps: DemoSeedingDeps): SeedCounts | null {
  const { store, db } = deps;
  if (plan.whenFilled === 'keep' && store.stations.list().length > 0) return null;
  const counts = seedDemo(store, {
    orders: plan.orders,
    ...(plan.seed === undefined ? {} : { seed: plan.seed }),
    now: deps.now,
    hashPin,
    journal: deps.journal,
    // GS1's example company prefix, which no real shipper holds.
    labels: { repository: guardRepository(createLabelSettingsRepository(db), db.name), settings: DEMO_LABEL_SETTINGS },
  });
  deps.logger.info('data folder seeded with the demo shop', { ...counts });
  return counts;
}
