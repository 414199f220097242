import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StationFailure } from '../contract/errors';
import { corruptDatabase, isCorruption } from './failures';

export type { Database } from 'better-sqlite3';

export interface OpenOptions {
  readonly?: boolean;
  /** Named in the "restore from backups" message when the file turns out to be damaged. */
  backupDir?: string;
  /**
   * The same process has just opened and checked this file (a verification worker's second
   * connection): skip the full quick check, which costs about half a second per 100 MB. The
   * header is still checked.
   */
  alreadyChecked?: boolean;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;
/** How long a writer waits for another connection's lock (the CLI next to a running station). */
const BUSY_TIMEOUT_MS = 5000;
const WAL_AUTOCHECKPOINT_PAGES = 10_000;

/**
 * Opens (or creates) the station database. A missing or empty file is a new database; any other
 * file must be an intact SQLite database, or this throws DATABASE_CORRUPT without writing to it.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const readonly = options.readonly ?? false;
  const size = fileSize(file);
  if (size === null && readonly) {
    throw new StationFailure('INTERNAL', `There is no Packdesk database at ${file} to open read-only.`, { file });
  }
  if (size === null) createOwnerOnly(file);
  if (size !== null && size > 0) checkHeader(file, size, options.backupDir);

  const db = new Database(file, { readonly, fileMustExist: size !== null });
  try {
    // Before any pragma that writes: switching to WAL would rewrite the header of a damaged file.
    if (size !== null && size > 0 && !options.alreadyChecked) quickCheck(db, file, options.backupDir);
    configure(db, readonly);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/**
 * An empty file, readable by its owner only, for SQLite to make the database in: SQLite gives
 * the WAL and shared-memory files the database file's mode, so all three stay private.
 */
function createOwnerOnly(file: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
  // 'a' creates without truncating: another process may have made the file a moment ago.
  fs.closeSync(fs.openSync(file, 'a', 0o600));
}

function fileSize(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Catches non-databases and truncated files from the header alone, before SQLite touches them. */
function checkHeader(file: string, size: number, backupDir: string | undefined): void {
  const header = Buffer.alloc(HEADER_BYTES);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, HEADER_BYTES, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (size < HEADER_BYTES || !header.subarray(0, 16).equals(SQLITE_MAGIC)) {
    throw corruptDatabase(file, 'it does not start with the SQLite file header', backupDir);
  }
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) {
    throw corruptDatabase(file, `its header names an impossible page size (${rawPageSize})`, backupDir);
  }
  if (size % pageSize !== 0) {
    throw corruptDatabase(file, `its length is not a whole number of ${pageSize}-byte pages, so it was cut short`, backupDir);
  }
  // The page count in the header is trustworthy only when its "valid-for" counter matches, and
  // only without a write-ahead log, whose pages may not have reached the main file yet.
  const headerPages = header.readUInt32BE(28);
  const countValid = header.readUInt32BE(24) === header.readUInt32BE(92);
  const walSize = fileSize(`${file}-wal`) ?? 0;
  if (countValid && walSize === 0 && headerPages * pageSize > size) {
    throw corruptDatabase(file, `it holds ${size / pageSize} of its ${headerPages} pages, so it was cut short`, backupDir);
  }
}

function quickCheck(db: Database.Database, file: string, backupDir: string | undefined): void {
  let rows: { quick_check: string }[];
  try {
    rows = db.pragma('quick_check(3)') as { quick_check: string }[];
  } catch (err) {
    if (isCorruption(err)) throw corruptDatabase(file, (err as Error).message, backupDir, err);
    throw err;
  }
  const problems = rows.map((r) => r.quick_check).filter((m) => m !== 'ok');
  if (problems.length > 0) throw corruptDatabase(file, `integrity check: ${problems.join('; ')}`, backupDir);
}

function configure(db: Database.Database, readonly: boolean): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  // Reads of the journal by time (statistics, search) jump across a file of hundreds of MB:
  // mapped pages and a 32 MB page cache spare a system call per page.
  db.pragma('mmap_size = 268435456');
  db.pragma('cache_size = -32768');
  if (readonly) return;
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new StationFailure('INTERNAL', `The database ${db.name} could not switch to WAL mode (it is in ${String(mode)} mode).`);
  // In WAL mode NORMAL loses no committed transaction when the process crashes (the WAL is in
  // the OS page cache); only a power cut may lose the last few. It saves an fsync per scan;
  // what must survive a power cut (a completed order) is synced after its commit (makeDurable).
  db.pragma('synchronous = NORMAL');
  // A checkpoint copies the WAL into the database file: done inside a scan's commit it is the
  // slow tail of scan latency. Long-running hosts checkpoint between scans on a timer
  // (checkpointWal); this bound (about 40 MB) only catches a busy burst.
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
}

/** Copies what it can of the WAL into the database without waiting for readers (PASSIVE). */
export function checkpointWal(db: Database.Database): void {
  db.pragma('wal_checkpoint(PASSIVE)');
}

/**
 * Puts what has been committed on the disk itself, not only in the operating system's cache. In
 * WAL mode with synchronous = NORMAL a commit survives the process crashing but not a power cut;
 * a completed order must survive both before its label prints and the shop hears of it. The
 * committed frames are in the WAL, so one fsync of it (and of its folder, in case the WAL file is
 * new) makes every commit so far durable, without waiting for readers as a checkpoint would.
 * Called after a commit, never inside a transaction.
 */
export function makeDurable(db: Database.Database): void {
  if (db.inTransaction) throw new Error('makeDurable runs after a transaction commits, not inside one.');
  if (db.memory || db.readonly) return;
  const wal = `${db.name}-wal`;
  // Outside WAL mode there is no WAL: then the commits are in the database file itself.
  syncFile(fs.existsSync(wal) ? wal : db.name);
  // Windows cannot open a folder to sync it; NTFS journals its entries itself.
  if (process.platform !== 'win32') syncFile(path.dirname(db.name), 'r');
}

function syncFile(file: string, flags = 'r+'): void {
  const fd = fs.openSync(file, flags);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
