import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCliCaptured } from '../../support/run-cli';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-cli-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

const cli = runCliCaptured;

describe('packdesk', () => {
  it.each(['serve', 'demo', 'orders', 'bench', 'barcode', 'journal', 'config'])('documents %s with --help', async (command) => {
    const { code, out } = await cli(command, '--help');
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`Usage: packdesk ${command}`));
  });

  it('seeds the demo shop once and lists its orders as JSON', async () => {
    const data = path.join(dir, 'station');
    const seeded = await cli('demo', '--data', data, '--orders', '60');
    expect(seeded.code).toBe(0);
    expect(seeded.out).toMatch(/Seeded .*: 2\d\d products, 9 users, 60 orders/);
    const again = await cli('demo', '--data', data, '--orders', '60');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already holds 60 orders/);
    const listed = await cli('orders', '--data', data, '--json', '--limit', '500');
    const { orders, total } = JSON.parse(listed.out) as { orders: { number: string; status: string }[]; total: number };
    expect(total).toBe(60);
    expect(new Set(orders.map((o) => o.status))).toEqual(new Set(['ready', 'cancelled', 'on_hold', 'shipped']));
    const table = await cli('orders', '--data', data, '--status', 'cancelled');
    expect(table.out).toMatch(/^NUMBER\s+STATUS\s+CUSTOMER/);
    expect(table.out).toMatch(/\d+ of \d+ orders/);
  });

  it('takes the data folder from PACKDESK_DATA when --data is absent', async () => {
    vi.stubEnv('PACKDESK_DATA', path.join(dir, 'from-env'));
    try {
      expect((await cli('demo', '--orders', '5')).code).toBe(0);
      expect(fs.existsSync(path.join(dir, 'from-env', 'packdesk.sqlite'))).toBe(true);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('says clearly, without a stack trace, that a database file is damaged', async () => {
    const data = path.join(dir, 'broken');
    fs.mkdirSync(data);
    fs.writeFileSync(path.join(data, 'packdesk.sqlite'), 'this is not a database, it is a shopping list\n'.repeat(100));
    const { code, err } = await cli('orders', '--data', data);
    expect(code).toBe(1);
    expect(err).toMatch(/DATABASE_CORRUPT/);
    expect(err).toMatch(/backups/);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('refuses bad arguments with exit code 2 and a sentence', async () => {
    const { code, err } = await cli('demo', '--data', dir, '--orders', 'lots');
    expect(code).toBe(2);
    expect(err).toMatch(/--orders must be a whole number/);
    const host = await cli('serve', '--data', dir, '--host', '0.0.0.0', '--port', '0');
    expect(host.code).toBe(2);
    expect(host.err).toMatch(/Refusing to listen on 0.0.0.0 without a token/);
  });
});
