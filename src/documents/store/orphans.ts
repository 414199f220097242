import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../app/ports';

/** Files this young may be a document being kept right now: written, its record not yet committed. */
export const ORPHAN_MIN_AGE_MS = 5 * 60_000;
const SWEEP_EVERY_MS = 60 * 60_000;

export interface OrphanSweepOptions {
  dataDir: string;
  /** Relative paths the database records under one month folder ("documents/YYYY/MM"). */
  recordedIn(folder: string): ReadonlySet<string>;
  minAgeMs?: number;
  /** The real clock: file times are compared with it. */
  now?: () => number;
}

/** The archive's month folders, "documents/YYYY/MM", oldest first. */
export function archiveFolders(dataDir: string): string[] {
  const names = (dir: string, pattern: RegExp) => {
    try {
      return fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && pattern.test(e.name))
        .map((e) => e.name)
        .sort();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  };
  const root = path.join(dataDir, 'documents');
  return names(root, /^\d{4}$/).flatMap((year) => names(path.join(root, year), /^\d{2}$/).map((month) => `documents/${year}/${month}`));
}

/**
 * Removes the files of one month folder that no record names — a document kept in a transaction
 * that then rolled back (a crash, a full disk) — and ".partial" files a crash left mid-write.
 * Only files older than minAgeMs: a younger one may be a document being kept at this moment, by
 * this process or another. Returns the relative paths removed.
 */
export function removeOrphanDocuments(folder: string, options: OrphanSweepOptions): string[] {
  const minAge = options.minAgeMs ?? ORPHAN_MIN_AGE_MS;
  const now = (options.now ?? Date.now)();
  const dir = path.join(options.dataDir, ...folder.split('/'));
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const recorded = options.recordedIn(folder);
  const removed: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const relative = `${folder}/${entry.name}`;
    if (recorded.has(relative)) continue;
    const file = path.join(dir, entry.name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat || now - stat.mtimeMs < minAge) continue;
    fs.rmSync(file, { force: true });
    removed.push(relative);
  }
  return removed;
}

export interface OrphanSweeperOptions extends OrphanSweepOptions {
  logger: Logger;
  everyMs?: number;
  /** The first sweep; by default once every file from before the start is old enough to judge. */
  firstAfterMs?: number;
}

/**
 * Sweeps the archive for orphans in a long-running host: all of it once shortly after the start
 * (late enough that what a crash left just before it is old enough), then the newest two months
 * every hour (a transaction can roll back while the station runs, on a full disk). One folder at
 * a time, yielding between them, so packing is not held up.
 */
export class OrphanSweeper {
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly options: OrphanSweeperOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule(this.options.firstAfterMs ?? this.options.minAgeMs ?? ORPHAN_MIN_AGE_MS, 'all');
  }

  /** Resolves once a sweep under way has stopped at the next folder. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.sweeping;
  }

  private schedule(ms: number, scope: 'all' | 'recent'): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.sweeping = this.sweep(scope).finally(() => {
        this.sweeping = null;
        this.schedule(this.options.everyMs ?? SWEEP_EVERY_MS, 'recent');
      });
    }, ms);
    // A sweep to come must not keep a process alive.
    this.timer.unref();
  }

  private async sweep(scope: 'all' | 'recent'): Promise<void> {
    const folders = archiveFolders(this.options.dataDir);
    let removed = 0;
    for (const folder of scope === 'all' ? folders : folders.slice(-2)) {
      if (this.stopped) break;
      try {
        removed += removeOrphanDocuments(folder, this.options).length;
      } catch (error) {
        this.options.logger.warn('documents could not be checked for orphans', { folder, error: String(error) });
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (removed > 0) this.options.logger.info('documents whose record rolled back were removed', { removed });
  }
}
