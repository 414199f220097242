import fs from 'node:fs';
import { test as base, expect } from '@playwright/test';
import { freeStation, ordersInState, seedDataDir, startHost, type RunningHost } from './host';
import { LoginPage } from './pages/LoginPage';
import { PackPage } from './pages/PackPage';
import { QueuePage } from './pages/QueuePage';

/**
 * A shared CI machine can stall a key for a hundred milliseconds, so the station's scanner gap is
 * set as an installer would for a slow scanner, and a stall of up to 300 ms keeps a scan whole
 * (slowGapMs) instead of splitting it; human typing in the tests (pages/keys.ts) stays above both.
 */
export const SCANNER_SETTINGS = { maxGapMs: 150, slowGapMs: 300, minLength: 4 };

/** Every end-to-end host weighs on the fake scale, loaded through POST /fake/scale. */
export const FAKE_SCALE = ['--scale', 'fake'];

export interface DemoOrders {
  ready: string[];
  cancelled: string[];
  onHold: string[];
}

interface WorkerFixtures {
  host: RunningHost;
  demoOrders: DemoOrders;
}

interface TestFixtures {
  loginPage: LoginPage;
  queuePage: QueuePage;
  packPage: PackPage;
}

/** A browser host on a freshly seeded data folder, for as long as a worker lives. */
// Playwright reads a fixture's dependencies from this pattern; the host needs none.
// eslint-disable-next-line no-empty-pattern
async function freshHost({}, use: (host: RunningHost) => Promise<void>): Promise<void> {
  const dataDir = seedDataDir();
  const host = await startHost(dataDir, FAKE_SCALE);
  await use(host);
  await host.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
const HOST_OPTIONS = { scope: 'worker', timeout: 90_000 } as { scope: 'worker'; timeout: number };

export const test = base.extend<TestFixtures, WorkerFixtures>({
  host: [freshHost, HOST_OPTIONS],
  demoOrders: [
    async ({ host }, use) => {
      await use({
        ready: ordersInState(host.dataDir, 'ready'),
        cancelled: ordersInState(host.dataDir, 'cancelled'),
        onHold: ordersInState(host.dataDir, 'on_hold'),
      });
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ host }, use) => use(host.url),
  page: async ({ page, host }, use) => {
    // Every test starts with a new browser at a free station (no login of an earlier test holding
    // it, no order left open) and the scanner tuned for this machine.
    await freeStation(host.url);
    await page.addInitScript((settings) => localStorage.setItem('packdesk.scanner', JSON.stringify(settings)), SCANNER_SETTINGS);
    await page.addInitScript(watchForPlaceholders);
    await use(page);
    // No screen of any test, in either language, may ever show an i18n placeholder.
    const seen = await page.evaluate(() => (window as unknown as { placeholders?: string[] }).placeholders ?? []).catch(() => []);
    expect(seen, 'text with an unfilled {{placeholder}} reached the screen').toEqual([]);
  },
  loginPage: async ({ page }, use) => use(new LoginPage(page)),
  queuePage: async ({ page }, use) => use(new QueuePage(page)),
  packPage: async ({ page }, use) => use(new PackPage(page)),
});

/** Runs in the page: remembers every text that ever showed an unfilled `{{…}}` placeholder. */
function watchForPlaceholders(): void {
  const found: string[] = [];
  (window as unknown as { placeholders: string[] }).placeholders = found;
  const check = (text: string | null) => {
    if (text && /\{\{\s*\w+\s*\}\}/.test(text) && !found.includes(text)) found.push(text.slice(0, 200));
  };
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') check(mutation.target.textContent);
      for (const node of mutation.addedNodes) check(node.textContent);
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

/**
 * The same fixtures on a host of their own: for specs whose checks see station-wide state (the
 * print queue) that other specs' orders would leave behind. Playwright runs them in their own worker.
 */
export const isolatedTest = test.extend<object, { host: RunningHost }>({ host: [freshHost, HOST_OPTIONS] });

export { expect };
