import pg from 'pg';
import type { CentralOrders, CentralOutbox, CentralSchema, CentralStations, OrderClaims, RequestNonces } from '../app/ports/central';
import type { CentralConsole } from '../app/ports/central-console';
import type { CentralJournals } from '../app/ports/replication';
import type { CentralClips, CentralLabels } from '../app/ports/central-files';
import { createCentralClips, createCentralLabels } from './clips';
import { createOrderClaims } from './claims';
import { CENTRAL_MIGRATIONS } from './migrations';
import { centralSchemaVersion, migrateCentral, type CentralMigrationReport } from './migrate';
import { createCentralConsole } from './console';
import { createCentralJournals } from './journal';
import { createRequestNonces } from './nonces';
import { createCentralOrders } from './orders';
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
  /** The manager console's reads across stations: an order's timeline, the floor, returns due. */
  console: CentralConsole;
  /** The shop-bound events stations forwarded, for central's sync to deliver. */
  outbox: CentralOutbox;
  /** The orders and products central pulled from the shop, which stations fetch from it. */
  orders: CentralOrders;
  /** Clips central asks stations for, and which stations are polling it. */
  clips: CentralClips;
  /** Labels the shop bought, waiting for the station that packed the order. */
  labels: CentralLabels;
  /**
   * Runs `fn` while this process holds the delivery lock (a session advisory lock), so of two
   * central processes one delivers to the shop at a time; null when the other holds it now.
   */
  exclusively<T>(fn: () => Promise<T>): Promise<T | null>;
  /** As `exclusively`, for pulling from the shop (another lock: a delivery and a pull may run together). */
  pulling<T>(fn: () => Promise<T>): Promise<T | null>;
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
/** The advisory lock of pulling from the shop: one central process pulls at a time. */
const PULL_LOCK = 0x70616370; // 'pacp'

/** Runs `fn` while this session holds `lock`; null when another session holds it now. */
async function holding<T>(pool: pg.Pool, lock: number, fn: () => Promise<T>): Promise<T | null> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [lock]);
    if (!rows[0]?.locked) return null;
    try {
      return await fn();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [lock]);
    }
  } finally {
    client.release();
  }
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
    console: createCentralConsole(pool),
    outbox: createCentralOutbox(pool),
    clips: createCentralClips(pool),
    labels: createCentralLabels(pool),
    schema: { version: async () => ({ schema: await centralSchemaVersion(pool), known: CENTRAL_MIGRATIONS.length }) },
    orders: createCentralOrders(pool),
    exclusively: (fn) => holding(pool, DELIVERY_LOCK, fn),
    pulling: (fn) => holding(pool, PULL_LOCK, fn),
    migrate: () => migrateCentral(pool),
    close: () => pool.end(),
  };
}
