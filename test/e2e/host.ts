import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'bin/packdesk.mjs');
const READY = /Packdesk browser mode: (http:\/\/\S+)/;

export interface RunningHost {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
  /** Pulls the plug: SIGKILL, no shutdown of any kind, as a crash or power cut would. */
  kill(): Promise<void>;
  /** Puts so many grams on the fake scale (hosts started with --scale fake). */
  setScale(grams: number): Promise<void>;
}

/** Runs `packdesk <args>` to completion and returns its stdout; a failure fails the test run. */
export function packdesk(args: string[]): string {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`packdesk ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

/** Order numbers of the demo shop in one state, read from the data folder the way an operator would. */
export function ordersInState(dataDir: string, status: string): string[] {
  const listed = JSON.parse(packdesk(['orders', '--data', dataDir, '--status', status, '--json'])) as { orders: { number: string }[] };
  return listed.orders.map((o) => o.number);
}

/** What our own page sends with every change: the host refuses changes without a same-origin Origin. */
export function sameOrigin(url: string): { origin: string } {
  return { origin: new URL(url).origin };
}

/** Demo managers' badges and PINs (a badge alone does not log a manager in). */
export const MANAGER_PINS: Record<string, string> = { 'PD-M-0001': '7001', 'PD-M-0002': '7002', 'PD-A-0001': '9001' };

/**
 * Ends every login at the host's stations, as a manager would from the console: logins left by
 * earlier tests' browsers, and the orders they held go back to the queue.
 */
export async function freeStation(url: string): Promise<void> {
  let cookie = '';
  const post = async (method: string, input: unknown) => {
    const response = await fetch(`${url}api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...sameOrigin(url), ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(input),
    });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    const body = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
    return body.value;
  };
  await post('auth.badge', { badge: 'PD-M-0002', pin: MANAGER_PINS['PD-M-0002'] });
  const logins = (await post('auth.logins', {})) as { id: number; own: boolean }[];
  for (const login of logins) if (!login.own) await post('auth.logins.end', { loginId: login.id });
  await post('auth.logout', {});
}

export function seedDataDir(): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-e2e-'));
  packdesk(['demo', '--data', dataDir]);
  return dataDir;
}

/** Starts `packdesk serve` on a free port and resolves once it prints its address. */
export async function startHost(dataDir: string, extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<RunningHost> {
  const child = spawn(process.execPath, [CLI, 'serve', '--data', dataDir, '--port', '0', '--host', '127.0.0.1', ...extraArgs], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`packdesk serve did not start in time.\n${out}${err}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = READY.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`packdesk serve exited with ${code}.\n${out}${err}`));
    });
  });
  return {
    url,
    dataDir,
    stop: () => stopChild(child),
    kill: () => killChild(child),
    setScale: async (grams) => {
      const response = await fetch(`${url}fake/scale`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...sameOrigin(url) },
        body: JSON.stringify({ grams }),
      });
      if (!response.ok) throw new Error(`POST /fake/scale answered ${response.status}: ${await response.text()}`);
    },
  };
}

function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

export function stopChild(child: ChildProcess): Promise<void> {
  // A child ended by a signal keeps exitCode null; its exit event has already fired.
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
