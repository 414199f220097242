import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let bundle: { dir: string; file: string };

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-pg-child-'));
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const file = path.join(dir, 'child.mjs');
  await esbuild.build({
    entryPoints: [path.join(root, 'test/unit/tooling/postgres-child.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  bundle = { dir, file };
});
afterAll(() => fs.rmSync(bundle.dir, { recursive: true, force: true }));

/** Whether anything accepts a connection on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('the PostgreSQL test harness', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`stops its servers when the test process gets ${signal}, and the process still ends by it`, async () => {
      const child = spawn(process.execPath, [bundle.file], { stdio: ['ignore', 'pipe', 'inherit'] });
      const servers = await new Promise<{ port: number; dir: string }[]>((resolve, reject) => {
        child.stdout.once('data', (data: Buffer) => resolve(JSON.parse(data.toString('utf8')) as { port: number; dir: string }[]));
        child.once('exit', (code) => reject(new Error(`the test process ended by itself (${code})`)));
      });
      for (const s of servers) expect(await listening(s.port)).toBe(true);
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, sig) => resolve(sig)));
      child.kill(signal);
      expect(await exited).toBe(signal);
      for (const s of servers) {
        expect(await listening(s.port)).toBe(false);
        expect(fs.existsSync(s.dir)).toBe(false);
      }
    }, 60_000);
  }
});
