import type { Database } from 'better-sqlite3';
import type { Store } from '../app/ports/store';
import { backupDatabase, removeAbandonedBackups } from './backup';
import { registerBadgeDigest, type BadgeKey } from './badge-key';
import { makeDurable } from './db';
import { guardRepository, guardSqlite } from './failures';
import { migrate } from './migrate';
import { createCatalogRepository } from './repositories/catalog';
import { createLoginRepository } from './repositories/logins';
import { createOrderRepository } from './repositories/orders';
import { createStationRepository } from './repositories/stations';
import { createShiftRepository } from './repositories/shifts';
import { createUserRepository } from './repositories/users';

export interface StoreOptions {
  backupDir: string;
  keepBackups: number;
  clock: () => Date;
  /** The data folder's badge key (loadOrCreateBadgeKey): badges are stored and found by its HMAC. */
  badgeKey: BadgeKey;
}

/**
 * The Store port over an open database. Migrates first (the repositories prepare their
 * statements against the newest schema), and turns a full disk or a damaged page met by any
 * repository call into DISK_FULL / DATABASE_CORRUPT.
 */
export function createStore(db: Database, options: StoreOptions): Store {
  registerBadgeDigest(db, options.badgeKey);
  // After an upgrade the WAL still holds the pages as they were (badge codes before 0009):
  // folded in and emptied, they are gone from both files.
  if (migrate(db).applied.length > 0) db.pragma('wal_checkpoint(TRUNCATE)');
  // The store owns the backups folder: a backup killed part-way is tidied when a station starts.
  removeAbandonedBackups(options.backupDir, new Date());
  const file = db.name;
  return {
    stations: guardRepository(createStationRepository(db), file),
    shifts: guardRepository(createShiftRepository(db), file),
    users: guardRepository(createUserRepository(db, options.badgeKey), file),
    logins: guardRepository(createLoginRepository(db), file),
    orders: guardRepository(createOrderRepository(db, options.clock), file),
    catalog: guardRepository(createCatalogRepository(db), file),
    transaction<T>(fn: () => T): T {
      // better-sqlite3 commits when fn returns, so an async fn would commit half its work.
      const checked = (): T => {
        const result = fn();
        if (result instanceof Promise) throw new Error('Store.transaction needs a synchronous function; it returned a Promise.');
        return result;
      };
      if (db.inTransaction) return checked();
      return guardSqlite(file, () => db.transaction(checked)());
    },
    backupNow: () => backupDatabase(db, { dir: options.backupDir, keep: options.keepBackups, clock: options.clock }),
    makeDurable: () => makeDurable(db),
  };
}
