// `npm start`: build what is missing, then run the station in Electron where its binary works,
// otherwise (offline machines, CI) serve the same UI in browser mode. Arguments pass through
// (`npm start -- --data DIR`).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--if-missing'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

/**
 * The Electron binary's path, or why there is none. Electron's package downloads its binary the
 * first time it is required, so ask in a child process: its download chatter (and failure,
 * offline) stays out of the station's output.
 */
function electronBinary() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  const binary = probe.status === 0 ? probe.stdout.trim() : '';
  if (binary && fs.existsSync(binary)) return { binary };
  const offline = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED/.test(probe.stderr ?? '');
  return { reason: offline ? 'its binary cannot be downloaded on this machine' : 'its binary is not installed' };
}

function run(command, commandArgs, onFailure) {
  const child = spawn(command, commandArgs, { stdio: 'inherit', cwd: root });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => (onFailure ? onFailure(error) : process.exit(1)));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function browserMode(reason) {
  console.log(`Electron is not available here (${reason}); serving Packdesk in browser mode instead.`);
  run(process.execPath, [path.join(root, 'bin/packdesk.mjs'), 'serve', ...args]);
}

const electron = electronBinary();
if (electron.binary) run(electron.binary, [root, ...args], (error) => browserMode(error.message));
else browserMode(electron.reason);
