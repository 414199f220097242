import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { bootStation } from '../../../src/boot/station';
import { buildCli } from './built-cli';
import { runCliCaptured } from '../../support/run-cli';

let built: Awaited<ReturnType<typeof buildCli>>;
beforeAll(async () => {
  built = await buildCli();
});
afterAll(() => built.remove());

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-demo-cli-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

const cli = runCliCaptured;

/** Logs a demo manager in at the console and reads the label settings, as the settings screen does. */
async function labelSettingsOf(dataDir: string): Promise<unknown> {
  const booted = await bootStation({ dataDir, host: 'cli' });
  try {
    const { dispatch } = booted.station;
    expect(await dispatch('auth.badge', { badge: 'PD-M-0001', pin: '7001' })).toMatchObject({ ok: true });
    const settings = await dispatch('labels.settings', {});
    expect(settings.ok).toBe(true);
    return (settings as { value: unknown }).value;
  } finally {
    await booted.close();
  }
}

describe('packdesk demo', () => {
  it('leaves the folder with the demo label settings, as serve does, so completed orders get their labels', async () => {
    const data = path.join(dir, 'demo');
    expect((await cli('demo', '--data', data, '--orders', '5')).code).toBe(0);
    expect(await labelSettingsOf(data)).toMatchObject({ shopName: 'Packdesk demo shop', gs1CompanyPrefix: '0614141' });

    const served = path.join(dir, 'served');
    await (await bootStation({ dataDir: served, host: 'cli', seedDemoIfEmpty: true, demoOrders: 5 })).close();
    expect(await labelSettingsOf(served)).toEqual(await labelSettingsOf(data));
  });

  it('killed while seeding leaves a folder the next start seeds, so the demo badges log in', async () => {
    const data = path.join(dir, 'killed');
    const child = spawn(process.execPath, [built.file, 'demo', '--data', data, '--orders', '50000'], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let ended = false;
    void exited.then(() => (ended = true));
    // The seeding transaction is under way once its pages spill into the write-ahead log.
    const wal = path.join(data, 'packdesk.sqlite-wal');
    const deadline = Date.now() + 60_000;
    while (!ended && Date.now() < deadline && (fs.statSync(wal, { throwIfNoEntry: false })?.size ?? 0) < 3 * 2 ** 20) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(ended, 'the demo finished before it could be killed part-way').toBe(false);
    child.kill('SIGKILL');
    await exited;

    const served = await bootStation({ dataDir: data, host: 'cli', seedDemoIfEmpty: true, demoOrders: 5 });
    try {
      expect(await served.station.dispatch('auth.badge', { badge: 'PD-P-0001' })).toMatchObject({ ok: true });
      expect(served.store.orders.count()).toBe(5);
    } finally {
      await served.close();
    }
  }, 90_000);

  it('says so when a folder was set up part-way, and seeds it', async () => {
    const data = path.join(dir, 'part-way');
    // What an older `packdesk demo` killed while seeding left: the station row, nothing else.
    await (await bootStation({ dataDir: data, host: 'cli' })).close();
    const { code, out } = await cli('demo', '--data', data, '--orders', '5');
    expect(code).toBe(0);
    expect(out).toMatch(/^This data folder has a station but no users, products or orders: it was set up part-way .*It gets the demo shop now\.\nSeeded /);
    expect(await labelSettingsOf(data)).not.toBeNull();

    const again = path.join(dir, 'part-way-served');
    await (await bootStation({ dataDir: again, host: 'cli' })).close();
    const served = await bootStation({ dataDir: again, host: 'cli', seedDemoIfEmpty: true, demoOrders: 5 });
    try {
      expect(served.seeded?.unfinished).toMatch(/set up part-way/);
      expect(await served.station.dispatch('auth.badge', { badge: 'PD-P-0001' })).toMatchObject({ ok: true });
    } finally {
      await served.close();
    }
    expect(fs.readFileSync(path.join(again, 'logs', 'packdesk.log'), 'utf8')).toMatch(/"msg":"data folder set up part-way; seeding the demo shop"/);
  });

  it('still refuses a folder that holds a shop, and leaves one with its own people alone at serve', async () => {
    const data = path.join(dir, 'filled');
    expect((await cli('demo', '--data', data, '--orders', '5')).code).toBe(0);
    const again = await cli('demo', '--data', data, '--orders', '5');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already holds 5 orders/);
    const served = await bootStation({ dataDir: data, host: 'cli', seedDemoIfEmpty: true, demoOrders: 5 });
    expect(served.seeded).toBeNull();
    await served.close();
  });
});
