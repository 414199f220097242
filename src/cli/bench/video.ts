import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bootStation, type BootedStation } from '../../boot/station';
import { startHost } from '../../host/server';
import { rendererDir } from '../options';
import { round, type Figure } from './stats';

const CHROMIUM = '/usr/bin/chromium';
const PACKER = 'PD-P-0001';
const MANAGER = 'PD-M-0001';
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

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`benchVideo: ${what} did not happen in ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Opens the packing screen in headless Chromium with its fake camera; returns the browser and the marker naming its processes. */
function openBrowser(url: string): { browser: ChildProcess; profile: string } {
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
    `--user-data-dir=${profile}`,
    url,
  ];
  return { browser: spawn(CHROMIUM, args, { stdio: 'ignore' }), profile };
}

async function closeBrowser(browser: ChildProcess, profile: string): Promise<void> {
  if (browser.exitCode === null && browser.signalCode === null) {
    await new Promise((resolve) => {
      browser.once('exit', resolve);
      browser.kill('SIGTERM');
    });
  }
  // Chromium's helper processes can still be writing the profile just after the browser exits.
  fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}

/** The packing screen of one open order for MEASURE_MS, with the camera on or off: % of one core. */
async function measure(booted: BootedStation, url: string, mode: 'webcam' | 'off', tick: number): Promise<{ renderer: number; all: number; bytes: number }> {
  const { station, dataDir } = booted;
  await station.dispatch('auth.badge', { badge: MANAGER });
  await station.dispatch('video.settings.set', { mode });
  await station.dispatch('auth.logout', {});
  await station.dispatch('auth.badge', { badge: PACKER });
  const opened = await station.dispatch('pack.open', { code: ORDER });
  if (!opened.ok) throw new Error(`benchVideo: cannot open ${ORDER}: ${opened.error.message}`);
  const { browser, profile } = openBrowser(url);
  try {
    const before = webmBytes(dataDir);
    if (mode === 'webcam') await until(() => webmBytes(dataDir) > before, 30_000, 'recording');
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const start = chromiumCpu(profile, tick);
    const startBytes = webmBytes(dataDir);
    const started = performance.now();
    await new Promise((r) => setTimeout(r, MEASURE_MS));
    const end = chromiumCpu(profile, tick);
    const seconds = (performance.now() - started) / 1000;
    return {
      renderer: ((end.renderer - start.renderer) / seconds) * 100,
      all: ((end.all - start.all) / seconds) * 100,
      bytes: webmBytes(dataDir) - startBytes,
    };
  } finally {
    await closeBrowser(browser, profile);
    await station.dispatch('pack.close', {});
    await station.dispatch('auth.logout', {});
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
