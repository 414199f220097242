import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SmallDisk {
  /** The mounted folder: a filesystem of its own, `megabytes` in size. */
  dir: string;
  /** Fills what space is left with one file; returns a function that deletes it again. */
  fill(): () => void;
  unmount(): void;
}

/**
 * A real small filesystem (tmpfs), so a full disk is the kernel's ENOSPC and SQLite's
 * SQLITE_FULL, not a simulation. Needs Linux and the right to mount (root in CI); elsewhere it
 * answers why not, for the test to skip with.
 */
export function mountSmallDisk(megabytes: number): SmallDisk | string {
  if (process.platform !== 'linux') return `a small tmpfs disk needs Linux (this is ${process.platform})`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    const detail = error instanceof Error && 'stderr' in error ? String((error as { stderr: unknown }).stderr).trim() : String(error);
    return `mounting a ${megabytes} MB tmpfs is not permitted here (${detail || 'mount failed'})`;
  }
  return {
    dir,
    fill() {
      const filler = path.join(dir, `filler-${process.hrtime.bigint()}`);
      const fd = fs.openSync(filler, 'w');
      try {
        // Big pieces first, then small ones, until not one more byte fits.
        for (const size of [256 * 1024, 4096, 1]) {
          const piece = Buffer.alloc(size, 0x2e);
          try {
            for (;;) fs.writeSync(fd, piece);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          }
        }
      } finally {
        fs.closeSync(fd);
      }
      return () => fs.rmSync(filler, { force: true });
    },
    unmount() {
      // Lazily: a test that failed may still hold a file open in there.
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` holds or `ms` have passed; answers whether it held. */
export async function eventually(check: () => boolean, ms = 10_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}
