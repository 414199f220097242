import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bootStation } from '../../src/boot/station';
import type { BackendSettings } from '../../src/contract/sync';
import { createSyncStation, ok, type SyncStation } from '../interop/support/sync-station';
import { runCliCaptured } from '../support/run-cli';

const products = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/sync/products.csv');
const fileSettings = (file: Partial<NonNullable<BackendSettings['file']>>) => ({
  kind: 'file' as const,
  file: { ordersFile: null, productsFile: null, exportFile: null, ...file },
});
/** The same settings as a station before this rule saved them: behind the API's back. */
const savedBefore = (file: Partial<NonNullable<BackendSettings['file']>>): BackendSettings => ({
  ...fileSettings(file),
  vendure: null,
  baselinker: null,
  everySeconds: 60,
});

let s: SyncStation;
let shopFiles: string;
let outside: string;
beforeEach(async () => {
  s = createSyncStation();
  shopFiles = path.join(s.dir, 'shop-files');
  fs.mkdirSync(shopFiles, { recursive: true });
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-outside-'));
  await ok(s.call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
});
afterEach(() => {
  s.close();
  fs.rmSync(outside, { recursive: true, force: true });
});

describe('the file backend over the API', () => {
  it('refuses a path outside the allowed folders the same way whether it exists or not', async () => {
    const answers = [];
    for (const file of ['/etc/passwd', '/etc/no-such-file-packdesk', '/etc/shadow', path.join(s.dir, 'shop-files', '..', 'packdesk.sqlite'), 'orders.csv']) {
      answers.push(await s.call('sync.settings.set', { settings: fileSettings({ ordersFile: file }) }));
    }
    expect(answers[0]).toMatchObject({ ok: false, error: { code: 'SYNC_PATH_NOT_ALLOWED' } });
    const error = (answers[0] as { error: { message: string } }).error;
    expect(error.message).toContain(shopFiles);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(s.sync.settings.settings().kind).toBe('none');
  });

  it('does not read such a path for sync.test or a sync when it was saved before the rule', async () => {
    const tested = [];
    for (const file of ['/etc/passwd', '/etc/no-such-file-packdesk']) {
      s.sync.settings.saveSettings(savedBefore({ productsFile: file }));
      tested.push(await s.call('sync.test', {}), await s.call('sync.now', {}));
    }
    expect(tested[0]).toMatchObject({ ok: false, error: { code: 'SYNC_PATH_NOT_ALLOWED' } });
    expect(tested[2]).toEqual(tested[0]);
    expect(tested[3]).toEqual(tested[1]);
    expect(JSON.stringify(tested)).not.toMatch(/root:|ENOENT|EACCES/);
  });

  it('refuses a symlink inside the allowed folder that leads outside it', async () => {
    fs.writeFileSync(path.join(outside, 'secret.csv'), 'sku;name\n');
    fs.symlinkSync(path.join(outside, 'secret.csv'), path.join(shopFiles, 'link.csv'));
    fs.symlinkSync(outside, path.join(shopFiles, 'elsewhere'));
    for (const file of [
      path.join(shopFiles, 'link.csv'),
      path.join(shopFiles, 'elsewhere', 'secret.csv'),
      path.join(shopFiles, 'elsewhere', 'new-export.csv'),
    ]) {
      expect(await s.call('sync.settings.set', { settings: fileSettings({ productsFile: file }) }), file).toMatchObject({
        ok: false,
        error: { code: 'SYNC_PATH_NOT_ALLOWED' },
      });
    }
    // Swapped in after the settings were saved: still refused when read.
    fs.copyFileSync(products, path.join(shopFiles, 'products.csv'));
    await ok(s.call('sync.settings.set', { settings: fileSettings({ productsFile: path.join(shopFiles, 'products.csv') }) }));
    fs.rmSync(path.join(shopFiles, 'products.csv'));
    fs.symlinkSync('/etc/passwd', path.join(shopFiles, 'products.csv'));
    expect(await s.call('sync.test', {})).toMatchObject({ ok: false, error: { code: 'SYNC_PATH_NOT_ALLOWED' } });
  });

  it('reads and writes files inside the allowed folder', async () => {
    fs.copyFileSync(products, path.join(shopFiles, 'products.csv'));
    const exportFile = path.join(shopFiles, 'out', 'shipped.csv');
    fs.mkdirSync(path.dirname(exportFile));
    await ok(s.call('sync.settings.set', { settings: fileSettings({ productsFile: path.join(shopFiles, 'products.csv'), exportFile }) }));
    expect(await ok(s.call('sync.test', {}))).toMatchObject({ shopName: expect.stringContaining('products.csv') });
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pulledProducts: 3, error: null });
  });
});

describe('the allowed folders', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-folders-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cli = runCliCaptured;

  it('are set on the station with the CLI, read at boot, and default to <data>/shop-files', async () => {
    const data = path.join(dir, 'station');
    const extra = path.join(dir, 'exports');
    fs.mkdirSync(extra);
    expect((await cli('config', 'file-folders', 'list', '--data', data)).out).toContain(path.join(data, 'shop-files'));
    expect(await cli('config', 'file-folders', 'add', extra, '--data', data)).toMatchObject({ code: 0 });
    const listed = await cli('config', 'file-folders', 'list', '--data', data);
    expect(listed.out.trim().split('\n')).toEqual([path.join(data, 'shop-files'), extra]);
    expect((await cli('config', 'file-folders', 'add', path.join(dir, 'missing'), '--data', data)).code).toBe(2);

    fs.copyFileSync(products, path.join(extra, 'products.csv'));
    const booted = await bootStation({ dataDir: data, host: 'cli' });
    try {
      booted.sync.settings.saveSettings(savedBefore({ productsFile: path.join(extra, 'products.csv') }));
      await expect(booted.station.sync.testConnection()).resolves.toMatchObject({ shopName: expect.stringContaining('products.csv') });
      booted.sync.settings.saveSettings(savedBefore({ productsFile: '/etc/passwd' }));
      await expect(booted.station.sync.testConnection()).rejects.toMatchObject({ code: 'SYNC_PATH_NOT_ALLOWED' });
    } finally {
      await booted.close();
    }

    expect(await cli('config', 'file-folders', 'remove', extra, '--data', data)).toMatchObject({ code: 0 });
    expect((await cli('config', 'file-folders', 'list', '--data', data)).out).not.toContain(extra);
  });
});
