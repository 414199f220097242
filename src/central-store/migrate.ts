import type { Pool, PoolClient } from 'pg';
import { StationFailure } from '../contract/errors';
import { CENTRAL_MIGRATIONS, type CentralMigration } from './migrations';

export interface CentralMigrationReport {
  from: number;
  to: number;
  applied: string[];
}

/**
 * Key of the advisory lock that serialises migrations: two central processes starting together
 * queue on it, and the second finds the schema already brought up by the first.
 */
export const MIGRATION_LOCK = 0x7061636b; // 'pack'

/** A list that skips, repeats or reorders a number is a programming error, caught before any SQL. */
export function assertCentralMigrationOrder(migrations: readonly CentralMigration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      const before = i === 0 ? 'the start' : `migration ${migrations[i - 1]?.version}`;
      throw new Error(`Central migration "${m.name}" has version ${m.version} after ${before}; versions must run 1, 2, 3, … without gaps.`);
    }
  });
}

async function readVersion(client: PoolClient): Promise<number> {
  await client.query('CREATE TABLE IF NOT EXISTS central_schema (only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row), version integer NOT NULL)');
  const { rows } = await client.query<{ version: number }>('SELECT version FROM central_schema');
  return rows[0]?.version ?? 0;
}

/** The schema version the database is at (0 before the first migration). */
export async function centralSchemaVersion(pool: Pool): Promise<number> {
  const exists = await pool.query<{ table: string | null }>("SELECT to_regclass('central_schema')::text AS table");
  if (!exists.rows[0]?.table) return 0;
  const { rows } = await pool.query<{ version: number }>('SELECT version FROM central_schema');
  return rows[0]?.version ?? 0;
}

function tooNew(schema: number, known: number): StationFailure {
  return new StationFailure(
    'DATABASE_TOO_NEW',
    `The central database was written by a newer Packdesk (schema ${schema}; this version knows ${known}). ` +
      'Update Packdesk central, or restore a backup made by this version.',
    { schema, known },
  );
}

/**
 * Brings central's database to the newest schema this build knows, in one transaction under an
 * advisory lock. A database from a newer Packdesk is refused untouched.
 */
export async function migrateCentral(pool: Pool, migrations: readonly CentralMigration[] = CENTRAL_MIGRATIONS): Promise<CentralMigrationReport> {
  assertCentralMigrationOrder(migrations);
  const latest = migrations.length;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Released by COMMIT or ROLLBACK, so a crashed migration never leaves the lock held.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const from = await readVersion(client);
    if (from > latest) throw tooNew(from, latest);
    const pending = migrations.slice(from);
    for (const m of pending) await m.up(client);
    if (pending.length > 0) {
      await client.query('INSERT INTO central_schema (version) VALUES ($1) ON CONFLICT (only_row) DO UPDATE SET version = EXCLUDED.version', [latest]);
    }
    await client.query('COMMIT');
    return { from, to: Math.max(from, latest), applied: pending.map((m) => `${m.version}-${m.name}`) };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
