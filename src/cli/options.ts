import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultAppData, resolveDataDir } from '../boot/data-dir';

/** The data folder a command works on: --data, else PACKDESK_DATA, else the OS application-data folder. */
export function dataDirFrom(flag: string | undefined): string {
  return resolveDataDir({ flag, env: process.env.PACKDESK_DATA, appData: defaultAppData() });
}

/** The built renderer sits in dist/ beside the bundled CLI; from sources (tests) it is the repo's dist/. */
export function rendererDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (path.basename(dir) !== 'dist' && path.dirname(dir) !== dir) dir = path.dirname(dir);
  if (path.basename(dir) === 'dist') return path.join(dir, 'renderer');
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'renderer');
}

export function parseCount(value: string, name: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}.`);
  return n;
}

/** A wrong command line: the message is for the person who typed it. */
export class UsageError extends Error {
  override name = 'UsageError';
}
