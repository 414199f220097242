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
    await use(page);
  },
  loginPage: async ({ page }, use) => use(new LoginPage(page)),
  queuePage: async ({ page }, use) => use(new QueuePage(page)),
  packPage: async ({ page }, use) => use(new PackPage(page)),
});

/**
 * The same fixtures on a host of their own: for specs whose checks see station-wide state (the
 * print queue) that other specs' orders would leave behind. Playwright runs them in their own worker.
 */
export const isolatedTest = test.extend<object, { host: RunningHost }>({ host: [freshHost, HOST_OPTIONS] });

export { expect };
