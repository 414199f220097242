// A display for the wedge bench (--headed): Chromium headed on a virtual X server (Xvfb), typed into
// through the X server as a USB wedge scanner's keys reach a station's browser (xdotool, XTEST),
// instead of headless Chromium typed into over DevTools. Headed, frames follow the display's 60 Hz,
// as at a station: a verdict can wait up to a whole frame for its paint, which headless Chromium,
// painting on demand, never does (docs/benchmarks.md, session 8). Needs Debian's xvfb and xdotool.
/* global process, setTimeout */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const has = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).status === 0;

/** Whether this machine can give the bench a display and type through it. */
export function displayAvailable() {
  return has('Xvfb') && has('xdotool');
}

/** Starts Xvfb on the first free display from :90; resolves with its name, pid and a stop function. */
export async function startDisplay({ width = 1280, height = 900 } = {}) {
  const number = [...Array(10).keys()].map((i) => 90 + i).find((n) => !fs.existsSync(`/tmp/.X${n}-lock`) && !fs.existsSync(`/tmp/.X11-unix/X${n}`));
  if (number === undefined) throw new Error('no free X display between :90 and :99 for Xvfb');
  const display = `:${number}`;
  const server = spawn('Xvfb', [display, '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp'], { stdio: 'ignore' });
  const giveUpAt = Date.now() + 10_000;
  while (!fs.existsSync(`/tmp/.X11-unix/X${number}`)) {
    if (server.exitCode !== null) throw new Error(`Xvfb ${display} exited with ${server.exitCode}`);
    if (Date.now() > giveUpAt) {
      server.kill('SIGTERM');
      throw new Error(`Xvfb ${display} did not start within 10 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const stop = () =>
    new Promise((resolve) => {
      if (server.exitCode !== null) return resolve();
      server.once('exit', resolve);
      server.kill('SIGTERM');
    });
  return { display, pid: server.pid, stop };
}

/** Types `text` and then Enter into the focused window of `display`, `delayMs` between keys, as a wedge scanner does. */
export function typeOnDisplay(display, text, delayMs) {
  return new Promise((resolve, reject) => {
    const child = spawn('xdotool', ['type', '--delay', String(delayMs), `${text}\n`], { env: { ...process.env, DISPLAY: display }, stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`xdotool type exited with ${code}`))));
  });
}

/** CPU seconds a process has used so far, from /proc (0 once it is gone). */
export function processCpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const tick = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
    return (Number(fields[11]) + Number(fields[12])) / tick;
  } catch {
    return 0;
  }
}
