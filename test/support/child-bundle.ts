import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ChildBundle {
  /** The built JavaScript, to run with `node` (a process or a worker thread of its own). */
  file: string;
  remove(): void;
}

/**
 * A TypeScript entry point (relative to the project) bundled as scripts/build.mjs bundles dist/,
 * into a temporary folder: for tests that run code as a process of its own (to kill it part-way)
 * or on a worker thread. Packages stay external and resolve through a link to the project's
 * node_modules, as dist/ does.
 */
export async function bundleForChild(entry: string, name = path.basename(entry).replace(/\.ts$/, '.mjs')): Promise<ChildBundle> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-child-'));
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const file = path.join(dir, name);
  await esbuild.build({
    entryPoints: [path.join(root, entry)],
    outfile: file,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
