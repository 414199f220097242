import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';

/** Debian's PostgreSQL 15; PACKDESK_PG_BIN points elsewhere (another version, another distribution). */
const PG_BIN = process.env.PACKDESK_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const SUPERUSER = 'packdesk';

/** A real PostgreSQL of its own in a temporary folder, on 127.0.0.1 and a free port. */
export interface PostgresServer {
  port: number;
  /** The temporary folder holding its data and socket; gone once it stopped. */
  dir: string;
  /** postgres://… for a database on this server. */
  url(database: string): string;
  /** A new empty database (or a copy of `template`); returns its URL. */
  createDatabase(options?: { template?: string; name?: string }): Promise<string>;
  stop(): void;
}

/** initdb and pg_ctl refuse root: as root they run as the `postgres` user, in a folder it owns. */
function runAs(): { uid: number; gid: number; prefix: string[] } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid, prefix: ['runuser', '-u', 'postgres', '--'] };
}

function run(prefix: string[], bin: string, args: string[]): void {
  const [cmd, ...rest] = [...prefix, path.join(PG_BIN, bin), ...args];
  const result = spawnSync(cmd!, rest, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Every server of this process still running, stopped at a signal as at exit. */
const running = new Set<() => void>();
let signalsHeld = false;

/**
 * SIGINT (Ctrl-C) and SIGTERM (a runner ending its workers) end a Node process without its 'exit'
 * handlers: each server is stopped first, then the signal is raised again as if nobody had
 * listened, so the process still ends by it (unless someone else listens for it and decides).
 */
function stopServersOnSignals(): void {
  if (signalsHeld) return;
  signalsHeld = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const onSignal = (): void => {
      for (const stop of [...running]) {
        try {
          stop();
        } catch {
          // The next one is stopped whatever this one did.
        }
      }
      process.off(signal, onSignal);
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

export async function startPostgres(): Promise<PostgresServer> {
  if (!fs.existsSync(path.join(PG_BIN, 'initdb'))) {
    throw new Error(`PostgreSQL is not installed at ${PG_BIN} (apt-get install postgresql, or set PACKDESK_PG_BIN).`);
  }
  const owner = runAs();
  const prefix = owner?.prefix ?? [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-pg-'));
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  const data = path.join(dir, 'data');
  // Throwaway data: no fsync, trust on the loopback and the socket folder only this user can reach.
  run(prefix, 'initdb', ['-D', data, '-U', SUPERUSER, '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync']);
  let port = 0;
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    try {
      run(prefix, 'pg_ctl', ['-D', data, '-o', opts, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
      break;
    } catch (error) {
      // Another process took the port between the probe and the start: try the next one.
      if (attempt >= 3) throw new Error(`${String(error)}\n${fs.readFileSync(path.join(dir, 'server.log'), 'utf8')}`, { cause: error });
    }
  }
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    running.delete(stop);
    process.off('exit', stop);
    try {
      run(prefix, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  // A test run that ends abruptly, or is interrupted, still leaves no server behind.
  process.on('exit', stop);
  running.add(stop);
  stopServersOnSignals();
  const url = (database: string): string => `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`;
  return {
    port,
    dir,
    url,
    async createDatabase(options = {}) {
      const name = options.name ?? `t_${crypto.randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url('postgres') });
      await admin.connect();
      try {
        const template = options.template ? ` TEMPLATE ${pg.escapeIdentifier(options.template)}` : '';
        await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}${template}`);
      } finally {
        await admin.end();
      }
      return url(name);
    },
    stop,
  };
}

/**
 * One server for the test file (beforeAll/afterAll); `server()` inside a test or hook returns it.
 * Each test takes its own database with `server().createDatabase()`.
 */
export function usePostgres(): () => PostgresServer {
  let server: PostgresServer | null = null;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(() => {
    server?.stop();
    server = null;
  });
  return () => {
    if (!server) throw new Error('usePostgres(): the server starts in beforeAll; call it from a test or a later hook.');
    return server;
  };
}
