import fs from 'node:fs';
import { DemoCatalog } from './catalog';
import { FAKE_SCALE, SCANNER_SETTINGS, expect, test as base } from './fixtures';
import { ordersInState, sameOrigin, seedDataDir, startHost, type RunningHost } from './host';
import { scanCutOff, scanWithSlowWedge, scanWithWedge } from './pages/keys';
import { ReturnsPage } from './pages/ReturnsPage';
import { BROKEN_TAIL_MS } from '../../renderer/scanner/wedge';
import type { Page } from '@playwright/test';

/**
 * The returns desk ST-03 as its own host, with a simulated HID POS scanner the core reads
 * (POST /fake/scan), beside the page's keyboard-wedge scans.
 */
const test = base.extend<object, { host: RunningHost }>({
  host: [
    // Playwright reads a fixture's dependencies from this pattern; the host needs none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dataDir = seedDataDir();
      const host = await startHost(dataDir, [...FAKE_SCALE, '--fake-scanner', '--station', 'ST-03']);
      await use(host);
      await host.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 90_000 },
  ],
});

/** A shipped demo order of plain items, and one code of its first line. */
function shippedOrder(dataDir: string): { order: string; code: string } {
  const catalog = new DemoCatalog(dataDir);
  const order = catalog.plainOrders(ordersInState(dataDir, 'shipped'))[0]!;
  const code = catalog.line(order, 0).codes.find((c) => c.units === 1)!.code;
  catalog.close();
  return { order, code };
}

/** The handler at the desk in English, the identify field in focus. */
async function atTheDesk(page: Page, host: RunningHost): Promise<ReturnsPage> {
  await page.goto(host.url);
  await expect(page.locator('#badge-code')).toBeVisible();
  await page.locator('#badge-code').fill('PD-R-0001');
  await page.locator('#badge-code').press('Enter');
  const desk = new ReturnsPage(page);
  await desk.expectShown();
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await desk.query.focus();
  return desk;
}

async function hidScan(host: RunningHost, data: string, symbology: string | null = null): Promise<void> {
  const response = await fetch(`${host.url}fake/scan`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...sameOrigin(host.url) },
    body: JSON.stringify({ data, symbology }),
  });
  expect(response.status).toBe(200);
}

const RED = 'rgb(196, 0, 26)';

test.describe('scanners at the returns desk', () => {
  test('a HID scanner’s read of the slip’s return code identifies the order, and its next read is an item of the open return', async ({ page, host }) => {
    const { order, code } = shippedOrder(host.dataDir);
    const desk = await atTheDesk(page, host);
    await hidScan(host, `RET-${order}`, ']C0');
    await expect(desk.candidate(order)).toBeVisible();
    await expect(desk.candidate(order)).toContainText('slip return code');
    await expect(desk.query).toHaveValue(`RET-${order}`);
    await desk.query.press('Enter');
    await expect(desk.pane).toHaveAttribute('data-stage', 'open');
    await hidScan(host, code);
    await expect(page.getByTestId('item-scan-result')).toContainText('Matched');
    await expect(desk.items).toHaveCount(1);
  });

  test('a keyboard-wedge burst of the slip’s return code identifies the order', async ({ page, host }) => {
    const { order } = shippedOrder(host.dataDir);
    const desk = await atTheDesk(page, host);
    await scanWithWedge(page, `RET-${order}`);
    await expect(desk.candidate(order)).toBeVisible();
    await expect(desk.candidate(order)).toContainText('slip return code');
    await expect(desk.query).toHaveValue(`RET-${order}`);
  });

  test('a wedge scan cut off before its Enter is “not read” in red: nothing is looked up and nothing is left in the field', async ({ page, host }) => {
    const { order } = shippedOrder(host.dataDir);
    const desk = await atTheDesk(page, host);
    await scanCutOff(page, `RET-${order}`.slice(0, 8));
    const notRead = page.getByTestId('scan-not-read');
    await expect(notRead.getByRole('alert')).toHaveCSS('background-color', RED);
    await expect(desk.query).toHaveValue('');
    await expect(page.getByTestId('returns-nothing')).toHaveCount(0);
    await expect(page.getByTestId('return-candidate')).toHaveCount(0);
    // Scanned again, whole, once the handler has heard the alarm and aimed again (a burst sooner
    // than that is taken as the rest of the broken one, renderer/scanner/wedge.ts): the order.
    await page.waitForTimeout(BROKEN_TAIL_MS + 100);
    await scanWithWedge(page, `RET-${order}`);
    await expect(desk.candidate(order)).toBeVisible();
    await expect(notRead).toBeHidden();
  });

  test('a wedge scan split by a stall is “not read”: neither half is looked up, so no wrong order can show', async ({ page, host }) => {
    const { order } = shippedOrder(host.dataDir);
    const desk = await atTheDesk(page, host);
    const slip = `RET-${order}`;
    // The first half at a scanner's pace, a stall longer than the slow gap, then the rest and Enter.
    await page.keyboard.type(slip.slice(0, 7), { delay: 2 });
    await page.waitForTimeout(SCANNER_SETTINGS.slowGapMs + 100);
    await page.keyboard.type(slip.slice(7), { delay: 2 });
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('scan-not-read').getByRole('alert')).toHaveCSS('background-color', RED);
    await expect(desk.query).toHaveValue('');
    await expect(page.getByTestId('returns-nothing')).toHaveCount(0);
    await expect(page.getByTestId('return-candidate')).toHaveCount(0);
  });
});

test.describe('a slow wedge scanner at the returns desk', () => {
  test('a scan with 35–100 ms of jitter between keys is read whole: one lookup of the whole code', async ({ page, host }) => {
    // The station's fast gap well below this scanner's pace, and room above it for a stalled machine.
    await page.addInitScript(() => localStorage.setItem('packdesk.scanner', JSON.stringify({ maxGapMs: 30, slowGapMs: 400, minLength: 4 })));
    const { order } = shippedOrder(host.dataDir);
    const desk = await atTheDesk(page, host);
    await scanWithSlowWedge(page, `RET-${order}`, [35, 92, 48, 100, 61, 77, 40, 88, 55, 97, 70, 44, 83, 66]);
    await expect(desk.candidate(order)).toBeVisible();
    await expect(desk.query).toHaveValue(`RET-${order}`);
    await expect(page.getByTestId('scan-not-read')).toBeHidden();
  });
});
