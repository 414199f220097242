import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { packdesk, stopChild } from './host';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'bin/packdesk.mjs');
const READY = /Packdesk central: (http:\/\/\S+)/;

export interface RunningCentralProcess {
  url: string;
  stop(): Promise<void>;
}

/** A free TCP port on the loopback, so central can be started again where the stations look for it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** Starts `packdesk central` on `port` and resolves once it says where it listens. */
export async function startCentralProcess(databaseUrl: string, port: number): Promise<RunningCentralProcess> {
  const child = spawn(process.execPath, [CLI, 'central', '--database', databaseUrl, '--listen', `127.0.0.1:${port}`], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`packdesk central did not start in time.\n${err}`)), 60_000);
    child.stdout?.resume();
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const match = READY.exec(err);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`packdesk central exited with ${code}.\n${err}`));
    });
  });
  return { url, stop: () => stopChild(child) };
}

/** Registers the station of `dataDir` at central as `id`, as an admin would with the key `packdesk station key` prints. */
export function registerStation(databaseUrl: string, dataDir: string, id: string, name = id): void {
  const key = /ed25519:[A-Za-z0-9_-]+/.exec(packdesk(['station', 'key', '--data', dataDir, '--id', id]))?.[0];
  if (!key) throw new Error(`packdesk station key printed no key for ${id}`);
  packdesk(['central', 'stations', 'add', '--id', id, '--name', name, '--public-key', key, '--database', databaseUrl]);
}
