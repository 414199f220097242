import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { bootStation, type BootedStation } from '../../boot/station';
import { startHost } from '../../host/server';
import { rendererDir } from '../options';
import { PipeCdp } from './cdp';
import { round, type Figure } from './stats';

const CHROMIUM = '/usr/bin/chromium';
const PACKER = 'PD-P-0001';
// The demo's manager and PIN (src/app/demo/staff.ts): managers log in with both.
const MANAGER = 'PD-M-0001';
const MANAGER_PIN = '7001';
const ORDER = 'PD-100011';
const SETTLE_MS = 4000;
const MEASURE_MS = 15_000;

/** CPU seconds (user + system) so far of every process whose command line holds `marker`, split by renderer or not. */
function chromiumCpu(marker: string, tick: number): { renderer: number; all: number } {
  let renderer = 0;
  let all = 0;
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes(marker)) continue;
      // Fields after the command name, which sits in parentheses and may hold spaces.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / tick;
      all += seconds;
      if (cmdline.includes('--type=renderer')) renderer += seconds;
    } catch {
      // the process ended between listing and reading
    }
  }
  return { renderer, all };
}

function webmBytes(dir: string): number {
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.webm')) bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return bytes;
}

async function until(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`benchVideo: ${what} did not happen in ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface Browser {
  process: ChildProcess;
  cdp: PipeCdp;
  /** The profile folder; its name is in every Chromium process's command line. */
  profile: string;
}

/** Starts headless Chromium with its fake camera on `url`, driven through its DevTools pipe. */
function openBrowser(url: string): Browser {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-bench-chromium-'));
  const args = [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    '--remote-debugging-pipe',
    `--user-data-dir=${profile}`,
    url,
  ];
  const child = spawn(CHROMIUM, args, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  return { process: child, cdp: new PipeCdp(child.stdio[3] as Writable, child.stdio[4] as Readable), profile };
}

/**
 * The page logs itself in as the packer and opens the order, with its own fetch: a login
 * belongs to the browser that made it (its cookie), not to the station. Then it reloads, and
 * the packing screen resumes the order as it would after any reload.
 */
async function packInPage(browser: Browser, origin: string): Promise<void> {
  const session = await browser.cdp.attachToPage();
  // The login screen shown: the page's first requests have been answered and it holds its cookie,
  // which a login made before then could lose to one of them.
  const loginShown = `location.origin === ${JSON.stringify(origin)} && document.querySelector('#badge-code') !== null`;
  await until(async () => (await browser.cdp.evaluate<boolean>(session, loginShown).catch(() => false)) === true, 30_000, 'the login screen');
  const script = `(async () => {
    const post = async (method, input) => {
      const response = await fetch('/api/' + method, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
      return response.json();
    };
    const login = await post('auth.badge', { badge: ${JSON.stringify(PACKER)} });
    if (!login.ok) return 'auth.badge: ' + login.error.message;
    const opened = await post('pack.open', { code: ${JSON.stringify(ORDER)} });
    if (!opened.ok) return 'pack.open: ' + opened.error.message;
    setTimeout(() => location.reload(), 0);
    return null;
  })()`;
  const refused = await browser.cdp.evaluate<string | null>(session, script);
  if (refused) throw new Error(`benchVideo: the page could not start packing ${ORDER}: ${refused}`);
  await until(
    async () => (await browser.cdp.evaluate<boolean>(session, 'document.querySelector(\'[data-testid="order-title"]\') !== null').catch(() => false)) === true,
    30_000,
    'the packing screen',
  );
}

async function closeBrowser(browser: Browser): Promise<void> {
  const { process: child, profile } = browser;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Browser.close shuts every Chromium process down; a browser that does not answer is killed.
    await Promise.race([browser.cdp.send('Browser.close').catch(() => undefined), new Promise((r) => setTimeout(r, 5_000))]);
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  }
  // Chromium's helper processes can still be writing the profile just after the browser exits.
  await until(() => !anyProcess(profile), 15_000, 'Chromium exiting').catch(() => undefined);
  fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}

/** Whether a process whose command line holds `marker` still runs. */
function anyProcess(marker: string): boolean {
  return fs
    .readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .some((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false;
      }
    });
}

/** Ends every login at the station but the console's own, as a manager would: what the page left open goes back. */
async function freeStation(booted: BootedStation): Promise<void> {
  const { station } = booted;
  await station.dispatch('auth.badge', { badge: MANAGER, pin: MANAGER_PIN });
  const logins = await station.dispatch('auth.logins', {});
  if (logins.ok)
    for (const login of logins.value as { id: number; own: boolean }[]) if (!login.own) await station.dispatch('auth.logins.end', { loginId: login.id });
  await station.dispatch('auth.logout', {});
}

/** The packing screen of one open order for MEASURE_MS, with the camera on or off: % of one core. */
async function measure(booted: BootedStation, url: string, mode: 'webcam' | 'off', tick: number): Promise<{ renderer: number; all: number; bytes: number }> {
  const { station, dataDir } = booted;
  // A station setting, changed at the console by a manager (badge and PIN).
  const manager = await station.dispatch('auth.badge', { badge: MANAGER, pin: MANAGER_PIN });
  if (!manager.ok) throw new Error(`benchVideo: the manager cannot log in: ${manager.error.message}`);
  const set = await station.dispatch('video.settings.set', { mode });
  if (!set.ok) throw new Error(`benchVideo: video.settings.set: ${set.error.message}`);
  await station.dispatch('auth.logout', {});
  const browser = openBrowser(url);
  try {
    const before = webmBytes(dataDir);
    await packInPage(browser, new URL(url).origin);
    if (mode === 'webcam') await until(() => webmBytes(dataDir) > before, 30_000, 'recording');
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const start = chromiumCpu(browser.profile, tick);
    const startBytes = webmBytes(dataDir);
    const started = performance.now();
    await new Promise((r) => setTimeout(r, MEASURE_MS));
    const end = chromiumCpu(browser.profile, tick);
    const seconds = (performance.now() - started) / 1000;
    return {
      renderer: ((end.renderer - start.renderer) / seconds) * 100,
      all: ((end.all - start.all) / seconds) * 100,
      bytes: webmBytes(dataDir) - startBytes,
    };
  } finally {
    await closeBrowser(browser);
    await freeStation(booted);
  }
}

/**
 * CPU that recording with the burned-in overlay costs at 720p: the packing screen in headless
 * Chromium with its fake camera, measured from /proc with the camera off and then on.
 */
export async function benchVideo(): Promise<Figure[]> {
  if (!fs.existsSync(CHROMIUM) || !fs.existsSync('/proc/self/stat')) return [];
  const tick = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-bench-video-'));
  const booted = await bootStation({ dataDir, host: 'browser', seedDemoIfEmpty: true });
  const host = await startHost({ station: booted.station, defaultStationId: booted.stationId, rendererDir: rendererDir(), host: '127.0.0.1', port: 0 });
  try {
    const off = await measure(booted, host.url, 'off', tick);
    const on = await measure(booted, host.url, 'webcam', tick);
    const note = `${os.cpus().length} cores; camera off: renderer ${round(off.renderer)} %, all ${round(off.all)} %`;
    return [
      { name: 'recording 720p with overlay: Chromium renderer CPU', value: round(on.renderer), unit: '% of a core', note },
      { name: 'recording 720p with overlay: all Chromium processes CPU', value: round(on.all), unit: '% of a core' },
      { name: 'recording 720p with overlay: added over the packing screen alone', value: round(on.all - off.all), unit: '% of a core' },
      { name: 'recording 720p with overlay: clip written', value: round((on.bytes * 8) / (MEASURE_MS / 1000) / 1000), unit: 'kbit/s' },
    ];
  } finally {
    await host.close();
    await booted.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
