import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Store } from '../app/ports/store';
import { StationFailure } from '../contract/errors';

export interface BackupPolicy {
  dir: string;
  /** How many backups to keep; older ones are deleted after each successful backup. */
  keep: number;
  clock: () => Date;
}

export interface BackupResult {
  file: string;
  bytes: number;
}

const BACKUP_NAME = /^packdesk-(\d{8}T\d{9}Z)(?:-(\d+))?\.db$/;
const PARTIAL_NAME = /^packdesk-\d{8}T\d{9}Z(?:-\d+)?\.db\.partial$/;
/**
 * A backup being written touches its ".partial" file at every step of SQLite's backup; one left
 * untouched this long was abandoned by a process killed part-way.
 */
export const ABANDONED_BACKUP_MS = 60_000;

function backupFailed(dir: string, err: unknown): StationFailure {
  const reason = err instanceof Error ? err.message : String(err);
  return new StationFailure('BACKUP_FAILED', `Backing up the Packdesk database to ${dir} failed: ${reason}`, { dir }, { cause: err });
}

/** Backups in the folder, oldest first (by the time in the name, then the tie-breaking suffix). */
export function listBackups(dir: string): string[] {
  const found = fs
    .readdirSync(dir)
    .map((name) => ({ name, match: BACKUP_NAME.exec(name) }))
    .filter((b): b is { name: string; match: RegExpExecArray } => b.match !== null);
  found.sort((a, b) => a.match[1]!.localeCompare(b.match[1]!) || Number(a.match[2] ?? 1) - Number(b.match[2] ?? 1));
  return found.map((b) => path.join(dir, b.name));
}

/**
 * Removes the ".partial" files of backups killed part-way, which nothing else would ever remove.
 * One written in the last minute may be a backup under way (here or in another process) and
 * stays. Returns the files removed.
 */
export function removeAbandonedBackups(dir: string, now: Date, abandonedAfterMs = ABANDONED_BACKUP_MS): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const removed: string[] = [];
  for (const name of names.filter((n) => PARTIAL_NAME.test(n))) {
    const file = path.join(dir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat || now.getTime() - stat.mtimeMs < abandonedAfterMs) continue;
    fs.rmSync(file, { force: true });
    removed.push(file);
  }
  return removed;
}

function freshName(dir: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:.]/g, '');
  for (let n = 1; ; n++) {
    const file = path.join(dir, n === 1 ? `packdesk-${stamp}.db` : `packdesk-${stamp}-${n}.db`);
    if (!fs.existsSync(file)) return file;
  }
}

/**
 * Copies the live database with SQLite's online backup API (packing goes on meanwhile), into a
 * ".partial" file renamed only when complete, so rotation never counts a half-written backup.
 */
export async function backupDatabase(db: Database, policy: BackupPolicy): Promise<BackupResult> {
  if (!Number.isInteger(policy.keep) || policy.keep < 1) throw new Error(`keepBackups must be a whole number of at least 1, not ${policy.keep}.`);
  let partial: string | null = null;
  try {
    fs.mkdirSync(policy.dir, { recursive: true, mode: 0o700 });
    // File times are the real clock's, whatever clock names the backups.
    removeAbandonedBackups(policy.dir, new Date());
    const file = freshName(policy.dir, policy.clock());
    partial = `${file}.partial`;
    // Made owner-only before SQLite writes into it (a backup holds everything the database
    // does); a leftover of a crash under the same name goes first, so its mode cannot carry over.
    fs.rmSync(partial, { force: true });
    fs.closeSync(fs.openSync(partial, 'wx', 0o600));
    await db.backup(partial);
    fs.renameSync(partial, file);
    partial = null;
    const bytes = fs.statSync(file).size;
    for (const old of listBackups(policy.dir).slice(0, -policy.keep)) fs.rmSync(old, { force: true });
    return { file, bytes };
  } catch (err) {
    if (partial !== null) fs.rmSync(partial, { force: true });
    throw backupFailed(policy.dir, err);
  }
}

export interface Timers<Handle = unknown> {
  setInterval(run: () => void, ms: number): Handle;
  clearInterval(handle: Handle): void;
}

const NODE_TIMERS: Timers<NodeJS.Timeout> = {
  // unref: a pending backup alone should not keep a CLI command from exiting.
  setInterval: (run, ms) => setInterval(run, ms).unref(),
  clearInterval: (handle) => clearInterval(handle),
};

export interface BackupSchedule {
  everyMs: number;
  /** Every failed scheduled backup arrives here as BACKUP_FAILED; none is dropped silently. */
  onFailure: (failure: StationFailure) => void;
  onBackup?: (result: BackupResult) => void;
}

/** Backs up every `everyMs`, skipping a tick while the previous backup still runs. Returns stop. */
export function scheduleBackups<Handle>(
  store: Pick<Store, 'backupNow'>,
  schedule: BackupSchedule,
  timers: Timers<Handle> = NODE_TIMERS as unknown as Timers<Handle>,
): () => void {
  let running = false;
  const handle = timers.setInterval(() => {
    if (running) return;
    running = true;
    store
      .backupNow()
      .then((result) => schedule.onBackup?.(result))
      .catch((err: unknown) => schedule.onFailure(err instanceof StationFailure ? err : backupFailed('the backups folder', err)))
      .finally(() => {
        running = false;
      });
  }, schedule.everyMs);
  return () => timers.clearInterval(handle);
}
