import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bootStation } from '../../../src/boot/station';
import { runCli } from '../../../src/cli/main';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-demo-cli-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    return { code: await runCli(args), out, err };
  } finally {
    vi.restoreAllMocks();
  }
}

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
});
