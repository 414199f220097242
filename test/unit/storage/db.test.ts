import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StationFailure } from '../../../src/contract/errors';
import { checkpointWal, makeDurable, openDatabase } from '../../../src/storage/db';
import { loadOrCreateBadgeKey } from '../../../src/storage/badge-key';
import { createStore } from '../../../src/storage/store';
import { FIXED_NOW, freshDir, newOrder, sampleCatalog, track } from './fixtures';

/** A real station database with enough orders to span many pages. */
function writeRealDatabase(file: string): void {
  const db = openDatabase(file);
  const store = createStore(db, {
    backupDir: path.join(path.dirname(file), 'backups'),
    keepBackups: 2,
    clock: () => FIXED_NOW,
    badgeKey: loadOrCreateBadgeKey(path.dirname(file)),
  });
  store.catalog.importCatalog(sampleCatalog());
  store.orders.insertMany(Array.from({ length: 2000 }, (_, i) => newOrder(`PD-${i}`, { note: 'x'.repeat(200) })));
  db.close();
}

function expectCorrupt(file: string): StationFailure {
  const before = fs.readFileSync(file);
  let failure: unknown;
  try {
    track(openDatabase(file));
  } catch (err) {
    failure = err;
  }
  expect(failure).toBeInstanceOf(StationFailure);
  const f = failure as StationFailure;
  expect(f.code).toBe('DATABASE_CORRUPT');
  expect(f.message).toContain(file);
  expect(f.message).toMatch(/restore the newest copy from the backups folder/i);
  expect(f.message).not.toMatch(/\n\s+at /);
  expect(fs.readFileSync(file).equals(before)).toBe(true);
  return f;
}

describe('openDatabase', () => {
  it('creates a missing file, and its folder, as a new database in WAL mode with foreign keys on', () => {
    const file = path.join(freshDir(), 'nested', 'packdesk.sqlite');
    const db = track(openDatabase(file));
    expect(fs.existsSync(file)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // 1 = NORMAL
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
  });

  it('leaves checkpoints to the host, between scans, and folds the WAL in when asked', () => {
    const db = track(openDatabase(path.join(freshDir(), 'packdesk.sqlite')));
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
    db.exec('CREATE TABLE t (x TEXT) STRICT');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    for (let i = 0; i < 2000; i++) insert.run('x'.repeat(500));
    const [before] = db.pragma('wal_checkpoint(NOOP)') as { log: number; checkpointed: number }[];
    expect(before!.log).toBeGreaterThan(before!.checkpointed);
    checkpointWal(db);
    const [after] = db.pragma('wal_checkpoint(NOOP)') as { log: number; checkpointed: number }[];
    expect(after!.checkpointed).toBe(after!.log);
  });

  it('treats an empty file as a new database', () => {
    const file = path.join(freshDir(), 'packdesk.sqlite');
    fs.writeFileSync(file, '');
    const db = track(openDatabase(file));
    expect(db.prepare('SELECT count(*) AS n FROM sqlite_schema').get()).toEqual({ n: 0 });
  });

  it('reopens an intact database with its data', () => {
    const file = path.join(freshDir(), 'packdesk.sqlite');
    writeRealDatabase(file);
    const db = track(openDatabase(file));
    expect(db.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 2000 });
  });

  it('refuses a file of random bytes without writing to it', () => {
    const file = path.join(freshDir(), 'packdesk.sqlite');
    fs.writeFileSync(file, crypto.randomBytes(64 * 1024));
    expect(expectCorrupt(file).message).toMatch(/SQLite file header/);
  });

  it('refuses a text file that merely starts like one', () => {
    const file = path.join(freshDir(), 'packdesk.sqlite');
    fs.writeFileSync(file, 'SQLite format 3');
    expectCorrupt(file);
  });

  it('refuses a real database with a page overwritten in the middle', () => {
    const file = path.join(freshDir(), 'packdesk.sqlite');
    writeRealDatabase(file);
    const size = fs.statSync(file).size;
    const pageSize = 4096;
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, crypto.randomBytes(pageSize * 2), 0, pageSize * 2, Math.floor(size / 2 / pageSize) * pageSize);
    fs.closeSync(fd);
    expect(expectCorrupt(file).message).toMatch(/damaged/);
    // A second connection of a process that has just checked the file skips the deep check.
    const second = openDatabase(file, { readonly: true, alreadyChecked: true });
    second.close();
  });

  it('refuses a truncated database, whether cut on a page boundary or not', () => {
    const dir = freshDir();
    const whole = path.join(dir, 'whole.sqlite');
    writeRealDatabase(whole);
    const size = fs.statSync(whole).size;
    for (const cut of [Math.floor(size / 2 / 4096) * 4096, Math.floor(size / 2) + 17, 50]) {
      const file = path.join(dir, `cut-${cut}.sqlite`);
      fs.copyFileSync(whole, file);
      fs.truncateSync(file, cut);
      expectCorrupt(file);
    }
  });

  it('names the backups folder it is told about', () => {
    const file = path.join(freshDir(), 'packdesk.sqlite');
    fs.writeFileSync(file, crypto.randomBytes(8192));
    expect(() => openDatabase(file, { backupDir: '/data/backups' })).toThrow(/backups folder \(\/data\/backups\)/);
  });

  it('opens read-only without changing the file, and will not invent a missing one', () => {
    const dir = freshDir();
    const file = path.join(dir, 'packdesk.sqlite');
    writeRealDatabase(file);
    const db = track(openDatabase(file, { readonly: true }));
    expect(db.readonly).toBe(true);
    expect(() => db.prepare('DELETE FROM orders').run()).toThrow(/readonly/);
    const missing = path.join(dir, 'missing.sqlite');
    expect(() => openDatabase(missing, { readonly: true })).toThrow(StationFailure);
    expect(fs.existsSync(missing)).toBe(false);
  });
});

describe('makeDurable', () => {
  afterEach(() => vi.restoreAllMocks());

  /** Which files were fsynced, by the path of the descriptor (Linux /proc names it). */
  function recordSyncs(): string[] {
    const synced: string[] = [];
    const fsync = fs.fsyncSync.bind(fs);
    vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
      synced.push(fs.readlinkSync(`/proc/self/fd/${fd}`));
      fsync(fd);
    });
    return synced;
  }

  it.skipIf(process.platform !== 'linux')('fsyncs the WAL that holds the last commit, and its folder, and nothing while a transaction is open', () => {
    const dir = freshDir();
    const file = path.join(dir, 'packdesk.sqlite');
    const db = track(openDatabase(file));
    db.exec('CREATE TABLE parcels (id INTEGER PRIMARY KEY, label TEXT) STRICT');
    db.prepare("INSERT INTO parcels (label) VALUES ('PD-1')").run();
    // The commit is in the WAL only: the database file has not been written by a checkpoint.
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    const synced = recordSyncs();
    makeDurable(db);
    expect(synced).toEqual([fs.realpathSync(`${file}-wal`), fs.realpathSync(dir)]);

    synced.length = 0;
    expect(() => db.transaction(() => makeDurable(db))()).toThrow(/after a transaction commits/);
    expect(synced).toEqual([]);
  });

  it('is what the store offers the core, after its transactions', () => {
    const dir = freshDir();
    const db = track(openDatabase(path.join(dir, 'packdesk.sqlite')));
    const store = createStore(db, { backupDir: path.join(dir, 'backups'), keepBackups: 2, clock: () => FIXED_NOW, badgeKey: loadOrCreateBadgeKey(dir) });
    store.transaction(() => store.catalog.importCatalog(sampleCatalog()));
    const fsync = vi.spyOn(fs, 'fsyncSync');
    store.makeDurable();
    expect(fsync).toHaveBeenCalled();
  });
});
