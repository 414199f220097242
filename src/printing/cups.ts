import type { DiscoveredPrinter, PrinterAdapter } from '../app/ports/printing';
import { runCommand, type CommandRunner } from './command';

/** `lp` answers "request id is QUEUE-42 (1 file(s))". */
export function parseLpJobId(stdout: string): string | null {
  return /request id is (\S+)/.exec(stdout)?.[1] ?? null;
}

/** The arguments of `lp` for one job: the bytes come on stdin. */
export function lpArguments(queue: string, title: string, raw: boolean): string[] {
  return ['-d', queue, '-t', title, ...(raw ? ['-o', 'raw'] : [])];
}

/** Queues from `lpstat -e` with their device URIs from `lpstat -v` ("device for Q: uri"). */
export function parseLpstat(queues: string, devices: string): DiscoveredPrinter[] {
  const uris = new Map<string, string>();
  for (const line of devices.split('\n')) {
    const m = /^device for (\S+): (.+)$/.exec(line.trim());
    if (m?.[1] && m[2]) uris.set(m[1], m[2]);
  }
  return queues
    .split('\n')
    .map((q) => q.trim())
    .filter((q) => q.length > 0)
    .map((q) => ({ kind: 'cups' as const, target: q, description: uris.get(q) ?? q }));
}

export interface CupsOptions {
  run?: CommandRunner;
  /** A CUPS server other than the default one (lp -h / CUPS_SERVER). */
  server?: string;
}

/** CUPS (Linux, macOS) through its command-line client, as every CUPS install has it. */
export function createCupsPrinter(options: CupsOptions = {}): PrinterAdapter {
  const run = options.run ?? runCommand;
  const server = options.server ? ['-h', options.server] : [];
  return {
    kind: 'cups',
    async print(profile, bytes, title) {
      const result = await run('lp', [...server, ...lpArguments(profile.target, title, profile.raw)], { input: bytes });
      if (result.startError) return { ok: false, reason: `CUPS: ${result.startError}` };
      if (result.code !== 0) return { ok: false, reason: `CUPS refused the job for ${profile.target}: ${result.stderr.trim() || `lp exited ${result.code}`}` };
      return { ok: true, printerJobRef: parseLpJobId(result.stdout) };
    },
    async discover() {
      const queues = await run('lpstat', [...server, '-e']);
      if (queues.startError || queues.code !== 0) return [];
      const devices = await run('lpstat', [...server, '-v']);
      return parseLpstat(queues.stdout, devices.code === 0 ? devices.stdout : '');
    },
  };
}
