import type { Database } from 'better-sqlite3';
import { StationFailure } from '../contract/errors';
import { MIGRATIONS, type Migration } from './migrations';

export interface MigrationReport {
  from: number;
  to: number;
  applied: string[];
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** A list that skips, repeats or reorders a number is a programming error, caught before any SQL. */
export function assertMigrationOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      const before = i === 0 ? 'the start' : `migration ${migrations[i - 1]?.version}`;
      throw new Error(`Migration "${m.name}" has version ${m.version} after ${before}; versions must run 1, 2, 3, … without gaps.`);
    }
  });
}

/**
 * Brings the database up to the newest schema this build knows, one transaction per migration,
 * recording each step in PRAGMA user_version. A database from a newer Packdesk is refused
 * untouched: writing to it with an older schema in mind could lose data.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): MigrationReport {
  assertMigrationOrder(migrations);
  const from = schemaVersion(db);
  const latest = migrations.length;
  if (from > latest) {
    throw new StationFailure(
      'DATABASE_TOO_NEW',
      `This database was written by a newer Packdesk (schema ${from}; this version knows ${latest}). ` +
        'Update Packdesk on this station, or restore a backup made by this version.',
      { schema: from, known: latest },
    );
  }
  const pending = migrations.slice(from);
  if (pending.length > 0 && db.readonly) {
    throw new StationFailure(
      'INTERNAL',
      `The database ${db.name} is at schema ${from} and needs upgrading to ${latest}; open it once with Packdesk (not read-only) first.`,
      { schema: from, known: latest },
    );
  }
  for (const m of pending) {
    db.transaction(() => {
      m.up(db);
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`Migration ${m.version} (${m.name}) left ${broken.length} rows with broken references.`);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: Math.max(from, latest), applied: pending.map((m) => `${m.version}-${m.name}`) };
}
