import { vi } from 'vitest';
import { runCli } from '../../src/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `packdesk …` in this process and captures what it prints (text or bytes, as UTF-8). */
export async function runCliCaptured(...args: string[]): Promise<CliRun> {
  return captureOutput(() => runCli(args));
}

/** Runs `run` with stdout and stderr captured; its number is the exit code. */
export async function captureOutput(run: () => Promise<number>): Promise<CliRun> {
  let out = '';
  let err = '';
  const text = (chunk: string | Uint8Array): string => (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += text(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += text(chunk)), true));
  try {
    const code = await run();
    return { code, out, err };
  } finally {
    vi.restoreAllMocks();
  }
}
