import { StationFailure } from '../contract/errors';

/** SQLite result codes (better-sqlite3's `SqliteError.code`) that mean the file itself is damaged. */
const CORRUPTION_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB']);

function sqliteCode(err: unknown): string | null {
  if (typeof err !== 'object' || err === null || !('code' in err)) return null;
  const code = (err as { code: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** True for SQLITE_FULL: the disk (or the page limit) is full. */
export function isDiskFull(err: unknown): boolean {
  return sqliteCode(err) === 'SQLITE_FULL';
}

export function isCorruption(err: unknown): boolean {
  const code = sqliteCode(err);
  return code !== null && CORRUPTION_CODES.has(code);
}

export function corruptDatabase(file: string, detail: string, backupDir?: string, cause?: unknown): StationFailure {
  const where = backupDir ? `the backups folder (${backupDir})` : "the backups folder in Packdesk's data folder";
  return new StationFailure(
    'DATABASE_CORRUPT',
    `The Packdesk database ${file} is damaged and was not opened (${detail}). ` +
      `Close Packdesk and restore the newest copy from ${where} in its place; the damaged file has been left as it is.`,
    { file },
    cause === undefined ? undefined : { cause },
  );
}

export function diskFull(file: string, cause: unknown): StationFailure {
  return new StationFailure(
    'DISK_FULL',
    `The disk holding the Packdesk database ${file} is full, so the last change was not saved. Free some space and try again.`,
    { file },
    { cause },
  );
}

/** Turns the SQLite errors a person can act on into StationFailures; anything else passes through unchanged. */
export function translateSqliteError(err: unknown, file: string): unknown {
  if (err instanceof StationFailure) return err;
  if (isDiskFull(err)) return diskFull(file, err);
  if (isCorruption(err)) return corruptDatabase(file, 'SQLite reported a malformed page while reading it', undefined, err);
  return err;
}

/** Runs fn, rethrowing disk-full and corruption errors as StationFailures. */
export function guardSqlite<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw translateSqliteError(err, file);
  }
}

/**
 * Wraps every method of a repository with guardSqlite, so a full disk or a damaged page reaches
 * the dispatcher as DISK_FULL / DATABASE_CORRUPT rather than INTERNAL, on every write path.
 */
export function guardRepository<T extends object>(repository: T, file: string): T {
  const guarded: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(repository)) {
    guarded[name] =
      typeof value === 'function' ? (...args: unknown[]) => guardSqlite(file, () => (value as (...a: unknown[]) => unknown).apply(repository, args)) : value;
  }
  return guarded as T;
}
