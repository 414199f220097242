import fs from 'node:fs';
import path from 'node:path';

/**
 * Every folder under `root` (itself included) that is not 0700 and every file that is not 0600,
 * as "relative/path 644" lines, so a failure names what is exposed. Symlinks are not followed.
 */
export function exposedPaths(root: string): string[] {
  const exposed: string[] = [];
  const visit = (at: string): void => {
    const stat = fs.lstatSync(at);
    if (stat.isSymbolicLink()) return;
    const mode = stat.mode & 0o777;
    const wanted = stat.isDirectory() ? 0o700 : 0o600;
    if (mode !== wanted) exposed.push(`${path.relative(root, at) || '.'} ${mode.toString(8)}`);
    if (stat.isDirectory()) for (const name of fs.readdirSync(at)) visit(path.join(at, name));
  };
  visit(root);
  return exposed;
}

/**
 * Runs `fn` under the common default umask 022, so a test sees the modes the code asks for
 * rather than a restrictive umask left by an earlier boot in the same process.
 */
export async function underUsualUmask<T>(fn: () => Promise<T> | T): Promise<T> {
  const before = process.umask(0o022);
  try {
    return await fn();
  } finally {
    process.umask(before);
  }
}
