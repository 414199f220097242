// Builds dist/: the core and CLI bundle, the Electron shell, and the renderer.
// `--if-missing` skips any part whose output is newer than its sources (what `npm start` uses).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const onlyMissing = process.argv.includes('--if-missing');
const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;

function newestMtime(dirs) {
  let newest = 0;
  const walk = (p) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const entry of fs.readdirSync(p)) walk(path.join(p, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const dir of dirs) walk(path.join(root, dir));
  return newest;
}

function upToDate(output, sources) {
  const stat = fs.statSync(path.join(root, output), { throwIfNoEntry: false });
  return onlyMissing && stat !== undefined && stat.mtimeMs >= newestMtime([...sources, 'package.json']);
}

const nodeBundle = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { __PACKDESK_VERSION__: JSON.stringify(version) },
};

const parts = [
  {
    name: 'core',
    output: 'dist/packdesk.mjs',
    sources: ['src'],
    // Split so that commands load heavy modules (PDF, fonts) with import() only when they run.
    build: () =>
      esbuild.build({
        ...nodeBundle,
        // The journal verifier's worker threads load their own entry point (src/boot/verify-journal.ts).
        entryPoints: { packdesk: 'src/cli/index.ts', 'journal-verify-thread': 'src/boot/journal-verify-thread.ts' },
        outdir: 'dist',
        format: 'esm',
        splitting: true,
        chunkNames: 'chunks/[name]-[hash]',
        outExtension: { '.js': '.mjs' },
      }),
  },
  {
    name: 'electron shell',
    output: 'dist/main/main.cjs',
    sources: ['main', 'src'],
    build: async () => {
      await esbuild.build({ ...nodeBundle, entryPoints: ['main/main.ts'], outfile: 'dist/main/main.cjs', format: 'cjs' });
      // Sandboxed preloads must be one CommonJS file with nothing but electron required.
      await esbuild.build({
        ...nodeBundle,
        packages: undefined,
        external: ['electron'],
        entryPoints: ['main/preload.ts'],
        outfile: 'dist/main/preload.cjs',
        format: 'cjs',
      });
    },
  },
  {
    name: 'renderer',
    output: 'dist/renderer/index.html',
    sources: ['renderer', 'src/contract', 'src/domain'],
    build: async () => {
      const { build } = await import('vite');
      await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
    },
  },
];

process.chdir(root);
fs.mkdirSync(dist, { recursive: true });
for (const part of parts) {
  if (upToDate(part.output, part.sources)) continue;
  const started = performance.now();
  await part.build();
  console.log(`built ${part.name} in ${Math.round(performance.now() - started)} ms`);
}
