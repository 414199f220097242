import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../src/cli/main';
import { usePostgres } from '../../support/postgres-server';
import { buildCli } from './built-cli';

const server = usePostgres();
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-central-cli-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});
let built: Awaited<ReturnType<typeof buildCli>>;
beforeAll(async () => {
  built = await buildCli();
});
afterAll(() => built.remove());

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

describe('packdesk central and packdesk station', () => {
  it('documents central with --help', async () => {
    const { code, out } = await cli('central', '--help');
    expect(code).toBe(0);
    expect(out).toMatch(/Usage: packdesk central/);
    expect(out).toMatch(/--database <url>/);
    expect(out).toMatch(/--listen <host:port>/);
    expect(out).toMatch(/--shop <file>/);
  });

  it("makes the station's key once, owner-only, and an admin registers it at central", async () => {
    const data = path.join(dir, 'station');
    const first = await cli('station', 'key', '--data', data, '--id', 'ST-02');
    expect(first.code).toBe(0);
    const key = first.out.trim();
    expect(key).toMatch(/^ed25519:[A-Za-z0-9_-]{43}$/);
    expect(first.err).toContain(`packdesk central stations add --id ST-02 --public-key ${key}`);
    expect(fs.statSync(path.join(data, 'central-key.pem')).mode & 0o777).toBe(0o600);
    expect((await cli('station', 'key', '--data', data)).out.trim()).toBe(key);

    const database = await server().createDatabase();
    const added = await cli('central', 'stations', 'add', '--id', 'ST-02', '--name', 'Packing 2', '--public-key', key, '--database', database);
    expect(added.err + added.out).toMatch(/ST-02 registered/);
    const again = await cli('central', 'stations', 'add', '--id', 'ST-02', '--public-key', key, '--database', database);
    expect([again.code, again.err]).toEqual([2, expect.stringMatching(/registered already; add --replace/)]);
    const listed = await cli('central', 'stations', 'list', '--database', database);
    expect(listed.out).toMatch(new RegExp(`^ST-02\\tPacking 2\\t${key}\\t`));
    const bad = await cli('central', 'stations', 'add', '--id', 'ST-03', '--public-key', 'ssh-ed25519 AAAA', '--database', database);
    expect([bad.code, bad.err]).toEqual([2, expect.stringMatching(/is not a station key/)]);
  });

  it('refuses to start without a database, or with a listen address it cannot read', async () => {
    vi.stubEnv('PACKDESK_CENTRAL_DATABASE', '');
    expect((await cli('central')).err).toMatch(/Say which database central uses/);
    expect((await cli('central', '--database', 'postgres://x@127.0.0.1/db', '--listen', 'localhost')).err).toMatch(/--listen must be HOST:PORT/);
    vi.unstubAllEnvs();
    const shopFile = path.join(dir, 'shop.json');
    fs.writeFileSync(shopFile, '{ "kind": "vendure" ');
    const notJson = await cli('central', '--database', 'postgres://x@127.0.0.1/db', '--shop', shopFile);
    expect([notJson.code, notJson.err]).toEqual([2, expect.stringMatching(/shop file .* cannot be read as JSON/)]);
    fs.writeFileSync(shopFile, JSON.stringify({ kind: 'vendure', everySeconds: 60 }));
    expect((await cli('central', '--database', 'postgres://x@127.0.0.1/db', '--shop', shopFile)).err).toMatch(/names no shop central can deliver to/);
    // A token never goes over plain http to another machine.
    const vendure = {
      url: 'http://shop.example/admin-api',
      username: 'admin',
      channelToken: null,
      barcodeField: 'barcode',
      fulfillmentHandler: 'manual-fulfillment',
      pageSize: 50,
    };
    fs.writeFileSync(shopFile, JSON.stringify({ kind: 'vendure', vendure }));
    vi.stubEnv('PACKDESK_SHOP_SECRET', 'superadmin');
    const clear = await cli('central', '--database', 'postgres://x@127.0.0.1/db', '--shop', shopFile);
    expect([clear.code, clear.err]).toEqual([2, expect.stringMatching(/plain http to another machine/)]);
    vi.unstubAllEnvs();
  });

  // Last in the file: it stops the file's PostgreSQL to see central report itself not ready.
  it('runs as a process: /healthz, /readyz, JSON-line logs; not ready once its database is gone', async () => {
    const database = await server().createDatabase();
    const child = spawn(process.execPath, [built.file, 'central', '--database', database, '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let err = '';
      child.stderr.on('data', (c: Buffer) => {
        err += c.toString();
        const m = /Packdesk central: (http:\/\/\S+)/.exec(err);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`central ended with ${code}: ${err}`)));
    });
    try {
      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true });
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ ready: true });
      const lines = out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { msg: string; level: number });
      expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['central database ready', 'central listening']));

      server().stop();
      const gone = await fetch(`${url}/readyz`);
      expect(gone.status).toBe(503);
      expect(((await gone.json()) as { reason: string }).reason).toMatch(/cannot be reached/);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
