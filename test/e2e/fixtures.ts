import fs from 'node:fs';
import { test as base, expect } from '@playwright/test';
import { ordersInState, seedDataDir, startHost, type RunningHost } from './host';
import { LoginPage } from './pages/LoginPage';
import { PackPage } from './pages/PackPage';
import { QueuePage } from './pages/QueuePage';

/**
 * A shared CI machine can stall a key for a hundred milliseconds, so the station's scanner gap is
 * set as an installer would for a slow scanner; human typing in the tests (pages/keys.ts) stays
 * well above it.
 */
export const SCANNER_SETTINGS = { maxGapMs: 150, minLength: 4 };

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

export const test = base.extend<TestFixtures, WorkerFixtures>({
  host: [
    // Playwright reads a fixture's dependencies from this pattern; the host needs none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dataDir = seedDataDir();
      const host = await startHost(dataDir, FAKE_SCALE);
      await use(host);
      await host.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 90_000 },
  ],
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
    // Every test starts at a logged-out station with the scanner tuned for this machine.
    await page.request.post(`${host.url}api/auth.logout`, { data: {} });
    await page.addInitScript((settings) => localStorage.setItem('packdesk.scanner', JSON.stringify(settings)), SCANNER_SETTINGS);
    await use(page);
  },
  loginPage: async ({ page }, use) => use(new LoginPage(page)),
  queuePage: async ({ page }, use) => use(new QueuePage(page)),
  packPage: async ({ page }, use) => use(new PackPage(page)),
});

export { expect };
