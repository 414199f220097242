import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultAppData, resolveDataDir } from '../../../src/boot/data-dir';
import { bootStation } from '../../../src/boot/station';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-boot-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('where data lives', () => {
  it('prefers --data, then PACKDESK_DATA, then the OS application-data folder', () => {
    expect(resolveDataDir({ flag: '/a', env: '/b', appData: '/c' })).toBe(path.resolve('/a'));
    expect(resolveDataDir({ flag: ' ', env: '/b', appData: '/c' })).toBe(path.resolve('/b'));
    expect(resolveDataDir({ flag: undefined, env: undefined, appData: '/c' })).toBe(path.resolve('/c/Packdesk'));
  });

  it('knows each OS application-data folder', () => {
    expect(defaultAppData('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' })).toBe('C:\\Users\\a\\AppData\\Roaming');
    expect(defaultAppData('darwin', {})).toMatch(/Library\/Application Support$/);
    expect(defaultAppData('linux', { XDG_CONFIG_HOME: '/x' })).toBe('/x');
    expect(defaultAppData('linux', {})).toMatch(/\.config$/);
  });
});

describe('booting a station', () => {
  it('seeds an empty data folder, keeps PINs and badges out of the log, and closes cleanly', async () => {
    const booted = await bootStation({ dataDir: dir, host: 'cli', seedDemoIfEmpty: true, demoOrders: 30 });
    expect(booted.stationId).toBe('ST-01');
    const badge = await booted.station.dispatch('auth.badge', { badge: 'PD-P-0001' });
    expect(badge.ok).toBe(true);
    const wrong = await booted.station.dispatch('auth.pin', { userId: 2, pin: '9876' });
    expect(wrong.ok).toBe(false);
    const pin = await booted.station.dispatch('auth.pin', { userId: 2, pin: '2222' });
    expect(pin.ok).toBe(true);
    await booted.close();
    const log = fs.readFileSync(path.join(dir, 'logs', 'packdesk.log'), 'utf8');
    expect(log).toMatch(/"msg":"login"/);
    expect(log).toMatch(/"msg":"pin rejected"/);
    // Timestamps and process ids are digits too: a PIN may turn up inside one by chance.
    const logWithoutClockAndPid = log.replace(/"(time|pid)":\d+/g, '');
    for (const secret of ['PD-P-0001', '9876', '2222', 'scrypt$']) expect(logWithoutClockAndPid).not.toContain(secret);
  });

  it('starts again on the same folder without seeding twice', async () => {
    const first = await bootStation({ dataDir: dir, host: 'cli', seedDemoIfEmpty: true, demoOrders: 10 });
    const before = first.store.orders.count();
    await first.close();
    const second = await bootStation({ dataDir: dir, host: 'cli', seedDemoIfEmpty: true, demoOrders: 10 });
    expect(second.store.orders.count()).toBe(before);
    await second.close();
  });

  it('closes a long-lived host only after the work that still logs: the document renderer warming up', async () => {
    const booted = await bootStation({ dataDir: dir, host: 'browser', housekeeping: true });
    // Stopped at once, as `npm run bench` stops the short-lived hosts it starts.
    await booted.close();
    const log = fs.readFileSync(path.join(dir, 'logs', 'packdesk.log'), 'utf8');
    expect(log).toMatch(/"msg":"document renderer (ready|could not start)"/);
  });
});
