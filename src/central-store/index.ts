import pg from 'pg';
import type { CentralSchema, CentralStations, OrderClaims, RequestNonces } from '../app/ports/central';
import type { CentralJournals } from '../app/ports/replication';
import { createOrderClaims } from './claims';
import { CENTRAL_MIGRATIONS } from './migrations';
import { centralSchemaVersion, migrateCentral, type CentralMigrationReport } from './migrate';
import { createCentralJournals } from './journal';
import { createRequestNonces } from './nonces';
import { createCentralStations } from './stations';

export { migrateCentral, centralSchemaVersion, MIGRATION_LOCK, assertCentralMigrationOrder } from './migrate';
export type { CentralMigrationReport } from './migrate';
export { CENTRAL_MIGRATIONS, type CentralMigration } from './migrations';

/** Central's database: one connection pool and the repositories over it. */
export interface CentralStore {
  stations: CentralStations;
  nonces: RequestNonces;
  claims: OrderClaims;
  schema: CentralSchema;
  /** Every station's replicated journal, its alarms, search and statistics reads. */
  journals: CentralJournals;
  migrate(): Promise<CentralMigrationReport>;
  close(): Promise<void>;
}

export interface CentralStoreOptions {
  /** postgres://… ; a password is better left to PGPASSWORD or ~/.pgpass than written in the URL. */
  url: string;
  /** Connections in the pool (default 10). */
  maxConnections?: number;
}

export function openCentralStore(options: CentralStoreOptions): CentralStore {
  const pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10, application_name: 'packdesk-central' });
  // An idle connection dropped by the server (a restart) must not end the process; the next query reconnects.
  pool.on('error', () => undefined);
  return {
    stations: createCentralStations(pool),
    nonces: createRequestNonces(pool),
    claims: createOrderClaims(pool),
    journals: createCentralJournals(pool),
    schema: { version: async () => ({ schema: await centralSchemaVersion(pool), known: CENTRAL_MIGRATIONS.length }) },
    migrate: () => migrateCentral(pool),
    close: () => pool.end(),
  };
}
