import pg from 'pg';
import type { CentralOutbox, CentralSchema, CentralStations, OrderClaims, RequestNonces } from '../app/ports/central';
import type { CentralJournals } from '../app/ports/replication';
import type { CentralClips, CentralLabels } from '../app/ports/central-files';
import { createCentralClips, createCentralLabels } from './clips';
import { createOrderClaims } from './claims';
import { CENTRAL_MIGRATIONS } from './migrations';
import { centralSchemaVersion, migrateCentral, type CentralMigrationReport } from './migrate';
import { createCentralJournals } from './journal';
import { createRequestNonces } from './nonces';
import { createCentralOutbox } from './outbox';
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
  /** The shop-bound events stations forwarded, for central's sync to deliver. */
  outbox: CentralOutbox;
  /** Clips central asks stations for, and which stations are polling it. */
  clips: CentralClips;
  /** Labels the shop bought, waiting for the station that packed the order. */
  labels: CentralLabels;
  /**
   * Runs `fn` while this process holds the delivery lock (a session advisory lock), so of two
   * central processes one delivers to the shop at a time; null when the other holds it now.
   */
  exclusively<T>(fn: () => Promise<T>): Promise<T | null>;
  migrate(): Promise<CentralMigrationReport>;
  close(): Promise<void>;
}

export interface CentralStoreOptions {
  /** postgres://… ; a password is better left to PGPASSWORD or ~/.pgpass than written in the URL. */
  url: string;
  /** Connections in the pool (default 10). */
  maxConnections?: number;
}

/** The advisory lock of delivering forwarded events to the shop (the migration lock is another). */
const DELIVERY_LOCK = 0x7061636f; // 'paco'

export function openCentralStore(options: CentralStoreOptions): CentralStore {
  const pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10, application_name: 'packdesk-central' });
  // An idle connection dropped by the server (a restart) must not end the process; the next query reconnects.
  pool.on('error', () => undefined);
  return {
    stations: createCentralStations(pool),
    nonces: createRequestNonces(pool),
    claims: createOrderClaims(pool),
    journals: createCentralJournals(pool),
    outbox: createCentralOutbox(pool),
    clips: createCentralClips(pool),
    labels: createCentralLabels(pool),
    schema: { version: async () => ({ schema: await centralSchemaVersion(pool), known: CENTRAL_MIGRATIONS.length }) },
    async exclusively(fn) {
      const client = await pool.connect();
      try {
        const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [DELIVERY_LOCK]);
        if (!rows[0]?.locked) return null;
        try {
          return await fn();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [DELIVERY_LOCK]);
        }
      } finally {
        client.release();
      }
    },
    migrate: () => migrateCentral(pool),
    close: () => pool.end(),
  };
}
