import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { percentile, round, type Figure } from './stats';

const URL_LINE = /Packdesk browser mode: (http:\/\/\S+)/;

async function waitForPage(url: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) {
        await response.text();
        return;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no page from ${url} in time`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Resident memory of a process in MiB, from /proc (Linux); NaN elsewhere. */
function residentMiB(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}

/** One cold start of `packdesk serve`: milliseconds from spawn to the first page served, and RSS then. */
async function oneStart(cli: string, dataDir: string): Promise<{ ms: number; rssMiB: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'serve', '--data', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let seen = '';
      child.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        const match = URL_LINE.exec(seen);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
    await waitForPage(url, Date.now() + 30_000);
    const ms = performance.now() - started;
    return { ms, rssMiB: residentMiB(child.pid ?? 0) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function benchHostStart(cli: string, dataDir: string, orders: number, runs = 5): Promise<Figure[]> {
  await oneStart(cli, dataDir); // warm the OS file cache, as a station that has run before has it
  const starts: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await oneStart(cli, dataDir);
    starts.push(run.ms);
    rss.push(run.rssMiB);
  }
  return [
    {
      name: `browser host: process start → first page (${orders.toLocaleString('en')} orders), median of ${runs}`,
      value: round(percentile(starts, 50)),
      unit: 'ms',
    },
    { name: 'browser host: slowest start', value: round(Math.max(...starts)), unit: 'ms' },
    { name: 'browser host: resident memory after first page', value: round(percentile(rss, 50)), unit: 'MiB' },
  ];
}
