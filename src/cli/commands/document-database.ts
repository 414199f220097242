import path from 'node:path';
import type { LabelSettings, ManifestBook } from '../../app/ports/documents';
import type { Store } from '../../app/ports/store';
import { DATABASE_FILE } from '../../boot/data-dir';
import { StationFailure } from '../../contract/errors';
import { DEMO_LABEL_SETTINGS } from '../../documents/from-order';
import { loadOrCreateBadgeKey } from '../../storage/badge-key';
import { openDatabase } from '../../storage/db';
import { createLabelSettingsRepository } from '../../storage/repositories/label-settings';
import { createManifestRepository } from '../../storage/repositories/manifests';
import { createStore } from '../../storage/store';
import { dataDirFrom } from '../options';

export interface DocumentDatabase {
  store: Store;
  manifests: ManifestBook;
  /** The station's label settings, or the demo ones when none are set up. */
  labelSettings(): { settings: LabelSettings; demo: boolean };
  /** The next SSCC serial from the station's counter; `fallback` on a station without settings. */
  ssccSerial(fallback: number): number;
  close(): void;
}

/** The station database of --data, for the document commands. */
export function openDocumentDatabase(dataFlag: string | undefined): DocumentDatabase {
  const dataDir = dataDirFrom(dataFlag);
  const db = openDatabase(path.join(dataDir, DATABASE_FILE), { backupDir: path.join(dataDir, 'backups') });
  const store = createStore(db, {
    backupDir: path.join(dataDir, 'backups'),
    keepBackups: 14,
    clock: () => new Date(),
    badgeKey: loadOrCreateBadgeKey(dataDir),
  });
  const settings = createLabelSettingsRepository(db);
  return {
    store,
    manifests: createManifestRepository(db),
    labelSettings() {
      const configured = settings.get();
      return configured ? { settings: configured, demo: false } : { settings: DEMO_LABEL_SETTINGS, demo: true };
    },
    ssccSerial: (fallback) => (settings.get() ? settings.allocateSsccSerial() : fallback),
    close: () => db.close(),
  };
}

export function requireOrder(store: Store, number: string) {
  const order = store.orders.byNumber(number);
  if (!order) throw new StationFailure('ORDER_NOT_FOUND', `There is no order ${number} in this data folder.`, { number });
  return order;
}
