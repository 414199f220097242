import type { PoolClient } from 'pg';

/**
 * One step of central's PostgreSQL schema. Files are numbered NNNN-name.ts and append-only, like
 * the station's (src/storage/migrations): a shipped migration is never edited. `up` runs inside
 * the runner's transaction, so a failure leaves the database as it was.
 */
export interface CentralMigration {
  version: number;
  name: string;
  up(client: PoolClient): Promise<void>;
}
