import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The `packdesk` command bundled from src/ into a temporary folder, for tests that run it as a
 * process of its own (to kill it part-way). Packages stay external and resolve through a link to
 * the project's node_modules, as dist/ does.
 */
export async function buildCli(): Promise<{ file: string; remove(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-cli-build-'));
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const file = path.join(dir, 'packdesk.mjs');
  await esbuild.build({
    entryPoints: [path.join(root, 'src/cli/index.ts')],
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
