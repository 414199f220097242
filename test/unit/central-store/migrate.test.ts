import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { assertCentralMigrationOrder, CENTRAL_MIGRATIONS, centralSchemaVersion, migrateCentral, type CentralMigration } from '../../../src/central-store';
import { StationFailure } from '../../../src/contract/errors';
import { usePostgres } from '../../support/postgres-server';

const server = usePostgres();

async function withPool<T>(url: string, use: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: url });
  try {
    return await use(pool);
  } finally {
    await pool.end();
  }
}

describe('central migrations on PostgreSQL', () => {
  it('bring an empty database to the newest schema once; a second run applies nothing', async () => {
    const url = await server().createDatabase();
    await withPool(url, async (pool) => {
      expect(await centralSchemaVersion(pool)).toBe(0);
      const first = await migrateCentral(pool);
      expect(first).toEqual({ from: 0, to: CENTRAL_MIGRATIONS.length, applied: CENTRAL_MIGRATIONS.map((m) => `${m.version}-${m.name}`) });
      expect(await centralSchemaVersion(pool)).toBe(CENTRAL_MIGRATIONS.length);
      const second = await migrateCentral(pool);
      expect(second.applied).toEqual([]);
    });
  });

  it('two central processes starting at once: one migrates, the other waits and finds it done', async () => {
    const url = await server().createDatabase();
    const reports = await Promise.all([withPool(url, migrateCentral), withPool(url, migrateCentral)]);
    const applied = reports.map((r) => r.applied.length).sort();
    expect(applied).toEqual([0, CENTRAL_MIGRATIONS.length]);
    await withPool(url, async (pool) => expect(await centralSchemaVersion(pool)).toBe(CENTRAL_MIGRATIONS.length));
  });

  it('refuses a database from a newer Packdesk and leaves it untouched', async () => {
    const url = await server().createDatabase();
    await withPool(url, async (pool) => {
      await migrateCentral(pool);
      await pool.query('UPDATE central_schema SET version = $1', [CENTRAL_MIGRATIONS.length + 1]);
      const refusal = await migrateCentral(pool).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(StationFailure);
      expect((refusal as StationFailure).code).toBe('DATABASE_TOO_NEW');
      expect(await centralSchemaVersion(pool)).toBe(CENTRAL_MIGRATIONS.length + 1);
    });
  });

  it('a migration that fails leaves the database as it was, version included', async () => {
    const url = await server().createDatabase();
    const broken: CentralMigration = {
      version: CENTRAL_MIGRATIONS.length + 1,
      name: 'broken',
      async up(client) {
        await client.query('CREATE TABLE half_done (id int)');
        await client.query('SELECT * FROM no_such_table');
      },
    };
    await withPool(url, async (pool) => {
      await expect(migrateCentral(pool, [...CENTRAL_MIGRATIONS, broken])).rejects.toThrow(/no_such_table/);
      expect(await centralSchemaVersion(pool)).toBe(0);
      const { rows } = await pool.query("SELECT to_regclass('half_done') AS t, to_regclass('stations') AS s");
      expect(rows[0]).toEqual({ t: null, s: null });
    });
  });

  it('refuses a list with a gap before touching the database', () => {
    const gap = [CENTRAL_MIGRATIONS[0]!, { version: 3, name: 'skipped-two', up: async () => undefined }];
    expect(() => assertCentralMigrationOrder(gap)).toThrow(/version 3 after migration 1/);
  });
});
