import { spawn } from 'node:child_process';

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Set when the program could not be started at all (ENOENT: not installed). */
  startError: string | null;
}

/** Runs a program with arguments (never through a shell), optionally feeding bytes to stdin. */
export type CommandRunner = (file: string, args: string[], options?: { input?: Uint8Array; timeoutMs?: number }) => Promise<CommandResult>;

export const runCommand: CommandRunner = (file, args, options = {}) =>
  new Promise((resolve) => {
    const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'], timeout: options.timeoutMs ?? 30_000, windowsHide: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let startError: string | null = null;
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) => {
      startError = e.code === 'ENOENT' ? `${file} is not installed` : e.message;
    });
    // A program that exits before reading stdin closes the pipe; its exit code tells the story.
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => {
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), startError });
    });
    child.stdin.end(options.input ? Buffer.from(options.input) : undefined);
  });
