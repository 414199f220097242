#!/usr/bin/env node
// Wedge scan burst → verdict painted, in Debian's Chromium against the browser host.
// Expects `npm run build` done. Seeds a temp demo folder, starts `packdesk serve`, logs in, opens
// the demo's largest untracked order and types >= 200 scans at a wedge scanner's pace (~5 ms a
// key + Enter). The page measures each scan with User Timing (renderer/scanner/timing.ts):
//   scan:verdict  last key of the scan → the frame that shows its verdict, painted
//   scan:paint    the core's answer → that frame (the screen's own share)
//   scan:settled  last key → the frame after it, which shows the scan in the order's panels too
// and each stage between (route, round trip, render, frame wait, frame); the core's share of the
// round trip as the host reports it (scan:dispatch: Server-Timing or the call socket's `core`). Prints p50 / p95 / p99 as
// `name value unit` lines, or with --json an array of { name, value, unit }. --scans N changes the
// count; --trace FILE records a Chromium trace of the burst (DevTools' Performance panel opens it);
// --http sends every call over HTTP instead of the call socket, for comparing the two.
// --headed runs Chromium on its own Xvfb display and types each scan through the X server
// (test/bench/display.mjs; Debian's xvfb and xdotool), as a station's browser gets its scanner's
// keys, with frames paced by the display; without it, headless and typed over DevTools.
// --pace MS lets each scan start MS after the previous one's panels are painted (a station's pace);
// without it the scans follow back to back, each scan's keys meeting the previous scan's panels
// (on the idle machine both give the same p99: docs/benchmarks.md). --host-profile DIR writes a V8
// CPU profile of `packdesk serve`. --samples FILE writes every scan's stages as JSON.
// Node script; `performance`, `localStorage` and `document` appear only in code that runs in the page.
/* global process, performance, localStorage, document, setTimeout, clearTimeout, URL, window, PerformanceObserver */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { chromium } from '@playwright/test';
import { displayAvailable, processCpuSeconds, startDisplay, typeOnDisplay } from './display.mjs';
import { loopbackRelay, machineTicks } from './machine.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'bin/packdesk.mjs');
const asJson = process.argv.includes('--json');
// --http: every call over HTTP, as before the call socket (renderer/api/client.ts), for comparing.
const overHttp = process.argv.includes('--http');
// A display (Xvfb) and the X server's typing: asked for, and refused loudly without the tools.
const headed = process.argv.includes('--headed');
if (headed && !displayAvailable()) throw new Error('--headed needs Xvfb and xdotool (apt-get install xvfb xdotool)');
const SCANS = Number(argValue('--scans') ?? 240);
// A packer scans every second or two; 500 ms after the panels settle is faster than any.
const PACE_MS = argValue('--pace') === undefined ? undefined : Number(argValue('--pace'));
const WARMUP = 10;
const KEY_DELAY_MS = 5;
const HUMAN_KEY_DELAY_MS = 350;
// Longer than the wedge detector's BROKEN_TAIL_MS, so the scan again is not taken for the rest of the one cut off.
const NOT_READ_PAUSE_MS = 700;
// How long a scan may go without its verdict before the bench looks for "scan not read".
const NOT_READ_CHECK_MS = 250;
// A scan with neither after this long fails the run (a bench left waiting keeps Chromium busy).
const STUCK_MS = 30_000;
// The demo's manager (src/app/demo/staff.ts): managers log in with badge and PIN.
const MANAGER = { badge: 'PD-M-0002', pin: '7002' };
// The same Chromium and switches as playwright.config.ts.
const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

// The page's User Timing measures (renderer/scanner/timing.ts), by the keys of SERIES.
const SERIES_MEASURES = {
  verdict: 'scan:verdict',
  paint: 'scan:paint',
  toFrame: 'scan:to-frame',
  route: 'scan:route',
  core: 'scan:core',
  render: 'scan:render',
  wait: 'scan:wait',
  frame: 'scan:frame',
  dispatch: 'scan:dispatch',
  settled: 'scan:settled',
};
// What is printed: the whole span first, then its stages in order.
const SERIES = [
  ['verdict', 'wedge_scan_to_verdict_painted', 'last key → the frame showing the verdict is painted'],
  ['paint', 'wedge_answer_to_verdict_painted', "the core's answer → painted (the screen's share)"],
  ['toFrame', 'wedge_scan_to_frame_start', 'last key → that frame starts (how it was measured before 2026-11)'],
  ['route', 'wedge_stage_route', 'last key → scan.submit sent'],
  ['core', 'wedge_stage_round_trip', 'sent → answer read (the call socket or HTTP, and the core)'],
  ['dispatch', 'wedge_stage_core_dispatch', "of which the core's dispatch (as the host reports it)"],
  ['render', 'wedge_stage_render', 'answer → verdict in the DOM (stores, React)'],
  ['wait', 'wedge_stage_frame_wait', 'DOM → the next frame starts'],
  ['frame', 'wedge_stage_frame', "that frame's style, layout and paint"],
  ['settled', 'wedge_scan_to_settled_painted', "last key → the next frame, showing the scan in the order's panels too, is painted"],
];

const RELAY_WHAT = "reference: a message through two sleeping processes and back on loopback, four wake-ups as a scan's call has (test/bench/machine.mjs)";

// What DevTools' Performance panel records: tasks, V8, layout and paint, User Timing, network.
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'latencyInfo',
  'loading',
  'toplevel',
];

function argValue(name) {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function log(line) {
  if (!asJson) process.stderr.write(`${line}\n`);
}

function packdesk(args) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`packdesk ${args.join(' ')} failed: ${result.stderr}`);
}

function serve(dataDir) {
  // --host-profile DIR: a V8 CPU profile of packdesk serve (written when it stops), for DevTools.
  const profileDir = argValue('--host-profile');
  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-interval', '250'] : [];
  const child = spawn(process.execPath, [...profile, CLI, 'serve', '--data', dataDir, '--port', '0', '--scale', 'fake'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`packdesk serve did not start:\n${out}`)), 30_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /Packdesk browser mode: (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], child });
      }
    });
    child.stderr.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => reject(new Error(`packdesk serve exited with ${code}:\n${out}`)));
  });
}

/** The ready order with the most units and nothing that asks for a serial, lot or kit part. */
function largestPlainOrder(dataDir) {
  const db = new Database(path.join(dataDir, 'packdesk.sqlite'), { readonly: true });
  try {
    const order = db
      .prepare(
        `SELECT o.id, o.number FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id
         WHERE o.status = 'ready' GROUP BY o.id HAVING SUM(p.tracking <> 'none' OR p.is_kit = 1) = 0
         ORDER BY SUM(l.quantity) DESC LIMIT 1`,
      )
      .get();
    const lines = db
      .prepare(
        `SELECT l.quantity, (SELECT code FROM barcodes b WHERE b.product_id = l.product_id AND b.units_per_scan = 1 ORDER BY code LIMIT 1) AS code
         FROM order_lines l WHERE l.order_id = ? ORDER BY l.position`,
      )
      .all(order.id);
    return { number: order.number, lines };
  } finally {
    db.close();
  }
}

/** CPU seconds so far: Chromium's processes as its SystemInfo domain tells them, the host's and the display's from /proc. */
async function cpuSeconds(cdp, hostPid, displayPid) {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  return {
    renderer: processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime, 0),
    chromium: processInfo.reduce((sum, p) => sum + p.cpuTime, 0),
    host: processCpuSeconds(hostPid),
    display: displayPid === null ? 0 : processCpuSeconds(displayPid),
  };
}

function percentile(sorted, p) {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'dist/renderer/index.html')) || !fs.existsSync(path.join(ROOT, 'dist/packdesk.mjs'))) {
    throw new Error('dist/ is missing: run `npm run build` first.');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-wedge-bench-'));
  let host = null;
  let browser = null;
  let display = null;
  try {
    packdesk(['demo', '--data', dataDir]);
    const order = largestPlainOrder(dataDir);
    host = await serve(dataDir);
    display = headed ? await startDisplay() : null;
    browser = await chromium.launch(display ? { ...LAUNCH, headless: false, env: { ...process.env, DISPLAY: display.display } } : LAUNCH);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // As in the end-to-end tests (test/e2e/fixtures.ts): a loaded 2-core machine can stall one key
    // past the default 50 ms gap. Detection only; the marks are taken at the same moments.
    await page.addInitScript(() => localStorage.setItem('packdesk.scanner', JSON.stringify({ maxGapMs: 150, slowGapMs: 300, minLength: 4 })));
    if (overHttp) await page.addInitScript(() => localStorage.setItem('packdesk.callSocket', 'off'));
    // The page's own cookie (its login) and the Origin our page sends: the host refuses changes without it.
    const origin = new URL(host.url).origin;
    const api = (method, data) => page.request.post(`${host.url}api/${method}`, { data, headers: { origin } }).then((r) => r.json());
    const scan = async (code) => {
      if (display) return typeOnDisplay(display.display, code, KEY_DELAY_MS);
      await page.keyboard.type(code, { delay: KEY_DELAY_MS });
      await page.keyboard.press('Enter');
    };
    // The page says when a scan's verdict is measured (a PerformanceObserver calling a binding), so
    // the bench does not poll the page while it works: polling every 10 ms took the renderer's main
    // thread ~0.3 ms a time, now and then in the verdict's frame, which a station never has.
    let verdicts = 0;
    let verdictSeen = () => {};
    let settled = 0;
    await page.exposeBinding('__packdeskBenchVerdict', () => {
      verdicts += 1;
      verdictSeen();
    });
    await page.exposeBinding('__packdeskBenchSettled', () => {
      settled += 1;
    });
    await page.addInitScript(() => {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.name === 'scan:verdict') window.__packdeskBenchVerdict();
          if (entry.name === 'scan:settled') window.__packdeskBenchSettled();
        }
      }).observe({ type: 'measure' });
    });
    const measured = () => verdicts;

    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Scan your badge' }).waitFor();
    // A manager (the bench changes the packing rules): badge, then the PIN the screen asks for.
    await scan(MANAGER.badge);
    await page.locator('#pin').waitFor();
    // At a person's pace (as test/e2e/pages/keys.ts types): faster, the PIN would be taken for a scan.
    await page.locator('#pin').pressSequentially(MANAGER.pin, { delay: HUMAN_KEY_DELAY_MS });
    await page.locator('#pin').press('Enter');
    await page.getByRole('heading', { name: 'Orders to pack' }).waitFor();
    // One scan per unit: no bulk quantity prompt gets in the way of the burst.
    const rules = await api('settings.packing', { bulkThreshold: 100_000 });
    if (!rules.ok) throw new Error(`settings.packing: ${JSON.stringify(rules.error)}`);
    // Opened through the core and shown by the reload's resume: the queue is not what is measured.
    const opened = await api('pack.open', { code: order.number });
    if (!opened.ok) throw new Error(`pack.open: ${JSON.stringify(opened.error)}`);
    await page.reload();
    await page.getByTestId('order-title').waitFor();
    // One Resource Timing entry per scan, for the core's share (the default buffer holds 250).
    await page.evaluate((n) => performance.setResourceTimingBufferSize(n * 4 + 100), SCANS);
    const pace = PACE_MS === undefined ? 'back to back' : `each ${PACE_MS} ms after the previous scan's panels are painted`;
    log(`order ${order.number}: ${order.lines.reduce((n, l) => n + l.quantity, 0)} units in ${order.lines.length} lines; ${SCANS} scans, ${pace}`);

    // Every unit once, then over-scans (too many → acknowledged with Enter) until the count is reached.
    const codes = order.lines.flatMap((line) => Array.from({ length: line.quantity }, () => line.code));
    // CPU time the burst costs, per process kind: what a loaded machine cannot hide as waiting.
    const cdp = await browser.newBrowserCDPSession();
    const cpuBefore = await cpuSeconds(cdp, host.child.pid, display?.pid ?? null);
    const ticksBefore = machineTicks();
    let notRead = 0;
    /** Waits for the scan's verdict to be measured (false) or for "scan not read" (true). */
    const readOrNotRead = async (before) => {
      const giveUpAt = Date.now() + STUCK_MS;
      for (;;) {
        if (Date.now() > giveUpAt) throw new Error(`scan ${before + 1}: neither a verdict nor "scan not read" after ${STUCK_MS / 1000} s`);
        const read = await new Promise((resolve) => {
          const timer = setTimeout(() => resolve(false), NOT_READ_CHECK_MS);
          verdictSeen = () => {
            if (verdicts <= before) return;
            clearTimeout(timer);
            resolve(true);
          };
          verdictSeen();
        });
        verdictSeen = () => {};
        if (read) return false;
        // No verdict yet: a scan not read says so on screen (rare; looked for only then).
        if (await page.evaluate(() => document.querySelector('[data-testid="scan-not-read"]') !== null)) return true;
      }
    };
    // --trace <file>: a Chromium trace of the burst (open it in the DevTools Performance panel).
    const trace = argValue('--trace');
    if (trace) await browser.startTracing(page, { path: trace, screenshots: false, categories: TRACE_CATEGORIES });
    for (let i = 0; i < SCANS; i++) {
      const before = await measured();
      const overScan = i >= codes.length;
      const code = overScan ? codes[i % codes.length] : codes[i];
      await scan(code);
      // A loaded machine can stall a key past the scanner's gap: the scan is then "not read" (loudly,
      // as at a station) and is scanned again after a pause, as a packer would.
      while (await readOrNotRead(before)) {
        notRead += 1;
        await page.waitForTimeout(NOT_READ_PAUSE_MS);
        await scan(code);
      }
      if (overScan) {
        await page.getByTestId('error-overlay').waitFor();
        await page.keyboard.press('Enter');
        await page.getByTestId('error-overlay').waitFor({ state: 'hidden' });
      }
      if (PACE_MS !== undefined) {
        const settledBy = Date.now() + 2_000;
        while (settled < verdicts && Date.now() < settledBy) await new Promise((resolve) => setTimeout(resolve, 5));
        await new Promise((resolve) => setTimeout(resolve, PACE_MS));
      }
    }

    const cpuAfter = await cpuSeconds(cdp, host.child.pid, display?.pid ?? null);
    const ticksAfter = machineTicks();
    if (trace) await browser.stopTracing();
    const timed = await page.evaluate((names) => {
      const series = {};
      for (const [key, name] of Object.entries(names)) series[key] = performance.getEntriesByName(name, 'measure').map((m) => m.duration);
      // Scans that went over HTTP (all of them with --http, none once the call socket is open).
      series.overHttp = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('/api/scan.submit')).length;
      return series;
    }, SERIES_MEASURES);
    // --samples FILE: every scan's stages as JSON (one array per measure, in scan order), to study the slowest.
    const samplesFile = argValue('--samples');
    if (samplesFile) fs.writeFileSync(samplesFile, JSON.stringify(timed));
    const results = [];
    for (const [key, name, what] of SERIES) {
      const values = (timed[key] ?? []).slice(WARMUP).filter(Number.isFinite);
      if (values.length === 0) continue;
      const sorted = values.sort((a, b) => a - b);
      for (const p of [50, 95, 99]) results.push({ name: `${name}_p${p}`, value: round(percentile(sorted, p)), unit: 'ms', what });
    }
    // The burst counts every unit, then over-scans: a stop, the error overlay over the screen.
    for (const [part, from, to, what] of [
      ['counted', WARMUP, codes.length, 'scans that counted a unit'],
      ['stop', Math.max(WARMUP, codes.length), SCANS, 'over-scans: a stop, with the error overlay'],
    ]) {
      const sorted = timed.verdict.slice(from, to).sort((a, b) => a - b);
      if (sorted.length === 0) continue;
      for (const p of [50, 99]) results.push({ name: `wedge_scan_to_verdict_painted_${part}_p${p}`, value: round(percentile(sorted, p)), unit: 'ms', what });
    }
    const scans = SCANS + notRead;
    for (const [kind, what] of [
      ['renderer', "the page's renderer process"],
      ['chromium', 'every Chromium process (browser, network service, renderer …)'],
      ['host', 'the packdesk serve process'],
      ...(display ? [['display', 'the X server (Xvfb)']] : []),
    ]) {
      results.push({
        name: `wedge_cpu_per_scan_${kind}`,
        value: round(((cpuAfter[kind] - cpuBefore[kind]) * 1000) / scans),
        unit: 'ms',
        what: `CPU time of ${what}, the bench's own typing included`,
      });
    }
    const ticks = ticksAfter.total - ticksBefore.total;
    results.push({
      name: 'wedge_cpu_steal',
      value: ticks > 0 ? round(((ticksAfter.steal - ticksBefore.steal) * 100) / ticks) : 0,
      unit: '%',
      what: "of the machine's CPU time during the burst, taken by the hypervisor (a virtual machine's noise)",
    });
    results.push({
      name: 'wedge_headed',
      value: display ? 1 : 0,
      unit: '',
      what: display ? 'Chromium on an Xvfb display, each scan typed through the X server (xdotool)' : 'headless Chromium, typed over DevTools',
    });
    // The machine's floor, with Chromium and the host still up but idle as between scans.
    const relay = await loopbackRelay();
    for (const p of [50, 95, 99]) {
      results.push({ name: `machine_loopback_relay_p${p}`, value: round(percentile(relay, p)), unit: 'ms', what: RELAY_WHAT });
    }
    results.push({ name: 'wedge_scans_measured', value: timed.verdict.length - WARMUP, unit: 'scans' });
    results.push({
      name: 'wedge_scans_over_http',
      value: timed.overHttp,
      unit: 'scans',
      what: overHttp ? 'every call over HTTP (--http)' : 'the rest went over the call socket',
    });
    results.push({ name: 'wedge_scans_not_read', value: notRead, unit: 'scans', what: 'a key stalled past the gap: scanned again, not measured' });
    if (asJson) process.stdout.write(`${JSON.stringify(results)}\n`);
    else for (const r of results) process.stdout.write(`${r.name} ${r.value} ${r.unit}${r.what ? `  (${r.what})` : ''}\n`);
  } finally {
    await browser?.close();
    await display?.stop();
    if (host) {
      host.child.kill('SIGTERM');
      await new Promise((resolve) => (host.child.exitCode !== null ? resolve() : host.child.once('exit', resolve)));
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function round(value) {
  return Math.round(value * 100) / 100;
}

main().catch((error) => {
  process.stderr.write(`wedge-burst: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
