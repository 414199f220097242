import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { startPostgres, type PostgresServer } from '../support/postgres-server';
import { freePort, registerStation, startCentralProcess, type RunningCentralProcess } from './central';
import { runTool } from './camera';
import { SCANNER_SETTINGS } from './fixtures';
import { MANAGER_PINS, ordersInState, packdesk, sameOrigin, startHost, type RunningHost } from './host';
import { ConsolePage } from './pages/ConsolePage';
import { LoginPage } from './pages/LoginPage';
import { ReviewPage } from './pages/ReviewPage';
import { scanWithWedge } from './pages/keys';

/**
 * Two stations attached to one central (issue 13, point 5): a manager at station A sees station
 * B's packing in the journal and the statistics; a packer's screen says "offline" while central
 * is stopped and stops saying it when central is back, and the console says it shows this station only;
 * a manager at A watches the clip B recorded of an order, fetched from B through central.
 */
test.describe.configure({ mode: 'serial' });

let pg: PostgresServer;
let database: string;
let port: number;
let central: RunningCentralProcess;
const hosts: RunningHost[] = [];
const dirs: string[] = [];
/** An order packed in B's history and not at A. */
let packedAtB: string;
/** Each station's own figures (packdesk stats, before attaching): orders per packer this month. */
const ownOrders: Map<string, number>[] = [];

function thisMonth(): { from: string; to: string; firstDay: string; lastDay: string } {
  const now = new Date();
  const from = new Date(now.getFullYear(), now.getMonth(), 1);
  const to = new Date(now.getFullYear(), now.getMonth() + 1, 1);
  const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { from: from.toISOString(), to: to.toISOString(), firstDay: day(from), lastDay: day(new Date(to.getTime() - 86_400_000)) };
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  pg = await startPostgres();
  database = await pg.createDatabase();
  port = await freePort();
  central = await startCentralProcess(database, port);
  for (const [id, seed, name] of [
    ['ST-01', '1', 'Packing table 1'],
    ['ST-02', '2', 'Packing table 2'],
  ] as const) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `packdesk-e2e-${id}-`));
    packdesk(['demo', '--data', dir, '--seed', seed]);
    const month = thisMonth();
    const own = JSON.parse(packdesk(['stats', '--data', dir, '--from', month.firstDay, '--to', month.lastDay, '--format', 'json'])) as {
      packers: { name: string; figures: { orders: number } }[];
    };
    ownOrders.push(new Map(own.packers.map((p) => [p.name, p.figures.orders])));
    registerStation(database, dir, id, name);
    dirs.push(dir);
  }
  const shippedAtA = new Set(ordersInState(dirs[0]!, 'shipped'));
  packedAtB = ordersInState(dirs[1]!, 'shipped').find((n) => !shippedAtA.has(n))!;
  expect(packedAtB).toBeTruthy();
  hosts.push(await startHost(dirs[0]!, ['--station', 'ST-01', '--central', central.url]));
  hosts.push(await startHost(dirs[1]!, ['--station', 'ST-02', '--central', central.url]));
});

test.afterAll(async () => {
  for (const h of hosts) await h.stop();
  await central?.stop();
  pg?.stop();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function prepare(page: Page): Promise<void> {
  await page.addInitScript((settings) => localStorage.setItem('packdesk.scanner', JSON.stringify(settings)), SCANNER_SETTINGS);
}

/** A manager at the station's console in English, logged in through the page's own cookie jar (badge and PIN, as the screen sends them). */
async function managerConsole(page: Page, url: string): Promise<ConsolePage> {
  await prepare(page);
  expect((await api(page, url, 'auth.badge', { badge: 'PD-M-0001', pin: MANAGER_PINS['PD-M-0001'] })).ok).toBe(true);
  await page.goto(url);
  await expect(page.getByTestId('current-user')).toBeVisible();
  await new LoginPage(page).switchLanguage('EN');
  const opened = new ConsolePage(page);
  await opened.open();
  return opened;
}

const api = async (page: Page, url: string, method: string, data: unknown) =>
  (await (await page.request.post(`${url}api/${method}`, { headers: sameOrigin(url), data })).json()) as { ok: boolean; value: never };

test('a manager at station A sees what station B packed in the journal, and B’s packing in the statistics', async ({ page }) => {
  const a = hosts[0]!;
  const console_ = await managerConsole(page, a.url);
  // B's week of history reaches central by replication: wait until A's search finds B's completion.
  await expect
    .poll(
      async () => {
        const found = await api(page, a.url, 'journal.search', { orderNumber: packedAtB, types: ['pack.completed'], limit: 10, offset: 0 });
        return found.ok ? (found.value as { total: number }).total : -1;
      },
      { timeout: 60_000 },
    )
    .toBeGreaterThan(0);
  await console_.showJournal();
  const orderField = page.getByRole('textbox', { name: 'Order' });
  await orderField.fill(packedAtB);
  await orderField.press('Enter');
  await expect(page.getByTestId('central-across')).toHaveText('All stations, through central');
  await expect(console_.journalEntries.filter({ has: page.locator('td', { hasText: packedAtB }) }).first()).toBeVisible();
  await expect(page.locator(`[data-testid=journal-entry][data-type="pack.completed"]`).first()).toBeVisible();

  // Statistics (F8): every packer's orders are A's own and B's own together.
  await page.keyboard.press('F8');
  await expect(page.getByTestId('console-tab-statistics')).toHaveAttribute('aria-selected', 'true');
  await page
    .getByRole('group', { name: /Period|Okres/ })
    .getByRole('button', { name: 'Month', exact: true })
    .click();
  await expect(page.getByTestId('central-across')).toBeVisible();
  const month = thisMonth();
  const all = (await api(page, a.url, 'stats.packers', { from: month.from, to: month.to })).value as {
    readFrom: string;
    packers: { packer: { name: string }; figures: { orders: number } }[];
  };
  expect(all.readFrom).toBe('central');
  const names = new Set([...ownOrders[0]!.keys(), ...ownOrders[1]!.keys()].filter((n) => (ownOrders[0]!.get(n) ?? 0) + (ownOrders[1]!.get(n) ?? 0) > 0));
  expect(names.size).toBeGreaterThan(0);
  for (const name of names) {
    const summed = (ownOrders[0]!.get(name) ?? 0) + (ownOrders[1]!.get(name) ?? 0);
    expect(all.packers.find((p) => p.packer.name === name)?.figures.orders, name).toBeCloseTo(summed, 2);
    await expect(page.getByTestId('stats-packers').locator(`tr[data-packer="${name}"]`)).toBeVisible();
  }
  // A packer who packed at B only this month (if any) is on A's screen as well.
  for (const name of names) if (!ownOrders[0]!.get(name)) await expect(page.getByTestId('stats-packers')).toContainText(name);
});

test('central stopped: the packer’s screen says offline and the console says it shows this station only; back, both notices go', async ({ page, browser }) => {
  const a = hosts[0]!;
  await prepare(page);
  const login = new LoginPage(page);
  await page.goto(a.url);
  await login.expectShown();
  await login.scanBadge('PD-P-0001');
  await expect(page.getByTestId('current-user')).toBeVisible();
  await expect(page.getByTestId('central-offline')).toBeHidden();

  // A ready order that is none of the few the station holds on lease.
  const status = (await api(page, a.url, 'central.status', {})).value as { online: boolean; leases: { orderNumber: string }[] };
  expect(status.online).toBe(true);
  const leased = new Set(status.leases.map((l) => l.orderNumber));
  const order = ordersInState(a.dataDir, 'ready').find((n) => !leased.has(n))!;
  await central.stop();
  await scanWithWedge(page, order);
  await expect(page.getByRole('alert')).toContainText('Offline: central cannot be reached');
  await expect(page.getByTestId('central-offline')).toContainText('Offline — central cannot be reached');
  await page.keyboard.press('Enter');

  const manager = await browser.newPage();
  const console_ = await managerConsole(manager, a.url);
  await console_.showJournal();
  await manager.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(manager.getByTestId('central-station-only')).toHaveText('Central cannot be reached: showing this station only');
  await manager.close();

  central = await startCentralProcess(database, port);
  // The next order opened is claimed at central: the station is online again and says so.
  await scanWithWedge(page, order);
  await expect(page.getByTestId('central-offline')).toBeHidden({ timeout: 15_000 });
});

test('a manager at station A reviews an order packed at B and watches the clip B recorded, through central', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const [a, b] = [hosts[0]!, hosts[1]!];
  // A real WebM (what the recorder makes), recorded at B the way the packing screen records: start, chunk, stop.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-e2e-clip-'));
  dirs.push(dir);
  const file = path.join(dir, 'clip.webm');
  runTool('ffmpeg', ['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=2:size=160x120:rate=10', '-c:v', 'libvpx', '-b:v', '200k', file]);
  const leasedAtA = new Set(
    ((await api(page, a.url, 'central.status', {})).value as { leases: { orderNumber: string }[] } | undefined)?.leases.map((l) => l.orderNumber),
  );
  const readyAtA = new Set(ordersInState(a.dataDir, 'ready'));
  // Orders both stations hold as ready; the test before this one opened one of them at A (claimed there, B is refused it).
  const candidates = ordersInState(b.dataDir, 'ready').filter((n) => readyAtA.has(n) && !leasedAtA.has(n));

  const atB = await browser.newContext();
  const callB = async (method: string, data: unknown) =>
    (await (await atB.request.post(`${b.url}api/${method}`, { headers: sameOrigin(b.url), data })).json()) as { ok: boolean; value: never };
  expect((await callB('auth.badge', { badge: 'PD-M-0001', pin: MANAGER_PINS['PD-M-0001'] })).ok).toBe(true);
  expect((await callB('video.settings.set', { mode: 'webcam' })).ok).toBe(true);
  expect((await callB('scan.submit', { data: 'PD-P-0001', symbology: null, source: 'wedge' })).ok).toBe(true);
  let order = '';
  let scanned: { ok: boolean; value: never } | null = null;
  for (const candidate of candidates.slice(-5).reverse()) {
    scanned = await callB('scan.submit', { data: candidate, symbology: null, source: 'wedge' });
    if (scanned.ok && (scanned.value as { kind: string }).kind === 'opened') {
      order = candidate;
      break;
    }
  }
  expect(order, JSON.stringify(scanned)).not.toBe('');
  const opened = scanned!.value as { view: { sessionId: number } };
  const started = (await callB('video.start', { sessionId: opened.view.sessionId, mimeType: 'video/webm' })).value as { segment: { id: number } };
  const data = fs.readFileSync(file).toString('base64');
  expect((await callB('video.chunk', { segmentId: started.segment.id, index: 0, ms: 2000, data })).ok).toBe(true);
  expect((await callB('video.stop', { segmentId: started.segment.id })).ok).toBe(true);
  await atB.close();

  // The manager at A: B's clip reaches A's timeline once B's journal is replicated.
  await prepare(page);
  expect((await api(page, a.url, 'auth.badge', { badge: 'PD-M-0001', pin: MANAGER_PINS['PD-M-0001'] })).ok).toBe(true);
  await expect
    .poll(
      async () => {
        const read = await api(page, a.url, 'review.timeline', { orderNumber: order });
        return read.ok ? (read.value as { segments: { recordedAt: string | null }[] }).segments.map((s) => s.recordedAt) : [];
      },
      { timeout: 60_000 },
    )
    .toContain('ST-02');
  await page.goto(a.url);
  await expect(page.getByTestId('current-user')).toBeVisible();
  await new LoginPage(page).switchLanguage('EN');
  const review = new ReviewPage(page);
  await review.open();
  await review.find(order);
  await expect(page.getByTestId('clip-recorded-at')).toHaveText('Recorded at station Packing table 2');
  await expect(review.video).toHaveAttribute('src', new RegExp(`/video/central/ST-02/${started.segment.id}$`));
  await expect.poll(() => review.video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('clip-error')).toHaveCount(0);
});
