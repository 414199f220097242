#!/usr/bin/env node
// Bundles test/bench/central.ts (TypeScript, esbuild) into a temporary folder and runs it with the
// arguments given: node test/bench/central.mjs [--stations 50] [--seconds 60] [--entries 1000000].
/* global process */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-central-bench-build-'));
fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
const file = path.join(dir, 'central-bench.mjs');
await esbuild.build({
  entryPoints: [path.join(root, 'test/bench/central.ts')],
  outfile: file,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, [file, ...process.argv.slice(2)], { stdio: 'inherit' });
fs.rmSync(dir, { recursive: true, force: true });
process.exit(run.status ?? 1);
