import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StationFailure } from '../../../src/contract/errors';
import { listBackups, scheduleBackups, type Timers } from '../../../src/storage/backup';
import { loadOrCreateBadgeKey } from '../../../src/storage/badge-key';
import { openDatabase } from '../../../src/storage/db';
import { createStore } from '../../../src/storage/store';
import { freshDir, newOrder, openTestStore, sampleCatalog, track } from './fixtures';

/** A clock that moves on a second every time it is read. */
function ticking(start = Date.parse('2026-03-02T08:00:00.000Z')) {
  let t = start;
  return () => new Date((t += 1000));
}

describe('backups', () => {
  it('writes an openable copy of the live database, changes committed so far included', async () => {
    const { store, dir } = openTestStore({ now: ticking() });
    store.catalog.importCatalog(sampleCatalog());
    store.orders.insertMany([newOrder('PD-1'), newOrder('PD-2')]);
    const { file, bytes } = await store.backupNow();
    expect(path.dirname(file)).toBe(path.join(dir, 'backups'));
    expect(path.basename(file)).toMatch(/^packdesk-20260302T0800\d{5}Z\.db$/);
    expect(bytes).toBe(fs.statSync(file).size);
    const copy = track(openDatabase(file, { readonly: true }));
    expect(copy.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 2 });
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('keeps only the newest backups, by the time in their names', async () => {
    const { store, dir } = openTestStore({ now: ticking(), keepBackups: 3 });
    const written: string[] = [];
    for (let i = 0; i < 5; i++) written.push((await store.backupNow()).file);
    expect(listBackups(path.join(dir, 'backups'))).toEqual(written.slice(2));
  });

  it('gives two backups in the same millisecond different names, in order', async () => {
    const { store, dir } = openTestStore({ keepBackups: 5 });
    const first = (await store.backupNow()).file;
    const second = (await store.backupNow()).file;
    expect(path.basename(second)).toBe(path.basename(first).replace('.db', '-2.db'));
    expect(listBackups(path.join(dir, 'backups'))).toEqual([first, second]);
  });

  it('removes the .partial files of backups killed part-way, when the store opens and before each backup', async () => {
    const dir = freshDir();
    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups);
    const partial = (name: string, minutesAgo: number) => {
      const file = path.join(backups, name);
      fs.writeFileSync(file, 'half a database');
      const at = new Date(Date.now() - minutesAgo * 60_000);
      fs.utimesSync(file, at, at);
      return file;
    };
    const killed = partial('packdesk-20260301T020000000Z.db.partial', 60);
    // Written seconds ago: maybe a backup under way in another process; it stays.
    const underWay = partial('packdesk-20260302T075959000Z.db.partial', 0);
    const notOurs = partial('notes.partial', 60);

    const store = createStore(track(openDatabase(path.join(dir, 'packdesk.sqlite'))), {
      backupDir: backups,
      keepBackups: 3,
      clock: ticking(),
      badgeKey: loadOrCreateBadgeKey(dir),
    });
    expect(fs.existsSync(killed)).toBe(false);
    expect(fs.existsSync(underWay)).toBe(true);
    expect(fs.existsSync(notOurs)).toBe(true);

    const killedLater = partial('packdesk-20260302T060000000Z-2.db.partial', 5);
    const { file } = await store.backupNow();
    expect(fs.existsSync(killedLater)).toBe(false);
    expect(fs.readdirSync(backups).sort()).toEqual([path.basename(file), 'notes.partial', path.basename(underWay)].sort());
  });

  it('reports a backup that cannot be written as BACKUP_FAILED, naming the folder', async () => {
    const { store, dir } = openTestStore();
    // A file where the backups folder should be.
    fs.writeFileSync(path.join(dir, 'backups'), 'not a folder');
    const failure = await store.backupNow().catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(StationFailure);
    expect((failure as StationFailure).code).toBe('BACKUP_FAILED');
    expect((failure as StationFailure).message).toContain(path.join(dir, 'backups'));
  });
});

describe('scheduled backups', () => {
  function manualTimers() {
    const state: { run: (() => void) | null; ms: number; cleared: boolean } = { run: null, ms: 0, cleared: false };
    const timers: Timers<number> = {
      setInterval: (run, ms) => {
        state.run = run;
        state.ms = ms;
        return 7;
      },
      clearInterval: (handle) => {
        state.cleared = handle === 7;
      },
    };
    return { state, timers };
  }

  it('backs up on each tick, skips a tick while one is running, and stops', async () => {
    const { state, timers } = manualTimers();
    let calls = 0;
    let release: () => void = () => {};
    const results: string[] = [];
    const store = {
      backupNow: () => {
        calls++;
        return new Promise<{ file: string; bytes: number }>((resolve) => {
          release = () => resolve({ file: `b${calls}.db`, bytes: 1 });
        });
      },
    };
    const stop = scheduleBackups(store, { everyMs: 60_000, onFailure: () => {}, onBackup: (r) => results.push(r.file) }, timers);
    expect(state.ms).toBe(60_000);
    state.run!();
    state.run!();
    expect(calls).toBe(1);
    release();
    await new Promise((r) => setImmediate(r));
    state.run!();
    expect(calls).toBe(2);
    expect(results).toEqual(['b1.db']);
    stop();
    expect(state.cleared).toBe(true);
  });

  it('hands every failure to onFailure as BACKUP_FAILED', async () => {
    const { state, timers } = manualTimers();
    const failures: StationFailure[] = [];
    const store = { backupNow: () => Promise.reject(new Error('EIO: i/o error')) };
    scheduleBackups(store, { everyMs: 1000, onFailure: (f) => failures.push(f) }, timers);
    state.run!();
    await new Promise((r) => setImmediate(r));
    expect(failures.map((f) => [f.code, f.message])).toEqual([
      ['BACKUP_FAILED', 'Backing up the Packdesk database to the backups folder failed: EIO: i/o error'],
    ]);
  });
});
