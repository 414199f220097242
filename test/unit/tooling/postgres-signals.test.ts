import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForChild, type ChildBundle } from '../../support/child-bundle';

let bundle: ChildBundle;

beforeAll(async () => {
  bundle = await bundleForChild('test/unit/tooling/postgres-child.ts');
});
afterAll(() => bundle.remove());

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
