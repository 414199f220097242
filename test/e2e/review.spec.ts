import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SHOWCASE, DemoCatalog } from './catalog';
import { isolatedTest as test, expect } from './fixtures';
import { MANAGER_PINS, ordersInState, packdesk, sameOrigin } from './host';
import { ReviewPage } from './pages/ReviewPage';
import { keepScreen } from './pages/screens';

/** Chromium's fake camera, so the order packed here has a real clip to play back. */
test.use({
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});

const MANAGER = 'PD-M-0001';

/** Clips still being recorded, read from the station's database as an operator would. */
function openClips(dataDir: string): number {
  const db = new Database(path.join(dataDir, 'packdesk.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM video_segments WHERE status = 'recording'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

test.describe('order review', () => {
  test('a manager finds an order packed last week and reads how it was packed', async ({ page, host, loginPage }) => {
    const shipped = ordersInState(host.dataDir, 'shipped');
    expect(shipped.length).toBeGreaterThan(1);
    await page.goto(host.url);
    await loginPage.scanBadgeWithPin(MANAGER, MANAGER_PINS[MANAGER]!);
    const review = new ReviewPage(page);
    await review.open();
    await review.find(shipped[0]!);
    await expect(review.entry('pack.opened')).toHaveCount(1);
    await expect(review.entry('pack.scan').first()).toBeVisible();
    await expect(review.entry('pack.weighed')).toContainText(/\d+ g/);
    await expect(review.entry('pack.completed')).toHaveCount(1);
    await expect(review.chain).toHaveAttribute('data-chain', /signed|unsigned/);
    await keepScreen(page, 'review-history');
    // The next parcel's pick list is scanned rather than typed: the review looks it up at once.
    await review.scan(`PL-${shipped[1]!}`, shipped[1]!);
    await expect(review.entry('pack.completed')).toHaveCount(1);
    // Escape goes back to the queue.
    await page.keyboard.press('Escape');
    await expect(review.search).toBeHidden();
  });

  test('a manager sets the station camera up in the settings panel', async ({ page, host, loginPage }) => {
    await page.goto(host.url);
    await loginPage.scanBadgeWithPin('PD-M-0002', '7002');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Recording', { exact: true }).selectOption('nvr');
    await page.getByLabel('NVR camera id').fill('cam-7');
    await page.getByLabel('Playback link template').fill('https://nvr.example/play?cam={camera}&from={startEpoch}&to={endEpoch}');
    await page.getByLabel('Without a working camera').selectOption('block');
    await page.getByLabel('Keep clips for (days)').fill('45');
    await keepScreen(page, 'camera-settings');
    await page.getByRole('button', { name: 'Save video settings' }).click();
    await expect(page.getByText('Saved.')).toBeVisible();
    const settings = (await (await page.request.post(`${host.url}api/video.settings`, { headers: sameOrigin(host.url), data: {} })).json()) as {
      value: unknown;
    };
    expect(settings.value).toMatchObject({ mode: 'nvr', policy: 'block', retentionDays: 45, nvr: { cameraId: 'cam-7' } });
    // Back to a webcam that warns, which the next test records with.
    await page.getByLabel('Recording', { exact: true }).selectOption('webcam');
    await page.getByLabel('Without a working camera').selectOption('warn');
    await page.getByRole('button', { name: 'Save video settings' }).click();
    await expect(page.getByText('Saved.')).toBeVisible();
    await keepScreen(page, 'camera-settings-webcam');
  });

  test('the video plays from the entry picked, and the exported evidence verifies', async ({ page, host, loginPage, queuePage, packPage }) => {
    // A manager turns the camera on, as in Settings; then a packer packs on camera.
    await page.request.post(`${host.url}api/auth.badge`, { headers: sameOrigin(host.url), data: { badge: MANAGER, pin: MANAGER_PINS[MANAGER]! } });
    expect(
      await (await page.request.post(`${host.url}api/video.settings.set`, { headers: sameOrigin(host.url), data: { mode: 'webcam' } })).json(),
    ).toMatchObject({ ok: true });
    await page.request.post(`${host.url}api/auth.logout`, { headers: sameOrigin(host.url), data: {} });

    const catalog = new DemoCatalog(host.dataDir);
    const [seeds, cream] = catalog.lines(SHOWCASE.cases);
    catalog.close();
    await page.goto(host.url);
    await loginPage.scanBadge('PD-P-0001');
    await queuePage.scan(SHOWCASE.cases);
    await packPage.expectOrder(SHOWCASE.cases);
    await expect(page.locator('[data-video="recording"]')).toBeVisible();
    await page.waitForTimeout(1500);
    await packPage.scan(seeds!.codes.find((c) => c.units > 1)!.code, 'line_complete');
    await page.waitForTimeout(2500);
    await packPage.scan(cream!.codes.find((c) => c.units > 1)!.code, 'order_complete');
    await packPage.chooseBox('K1');
    await packPage.weigh(host.setScale);
    await packPage.complete(SHOWCASE.cases);
    // The recorder stores its last chunk and closes the clip as the screen leaves the order; logging
    // out before that lands would leave the clip open (and out of the evidence) until housekeeping.
    await expect.poll(() => openClips(host.dataDir), { timeout: 20_000 }).toBe(0);
    await queuePage.logout();

    await loginPage.scanBadgeWithPin(MANAGER, MANAGER_PINS[MANAGER]!);
    const review = new ReviewPage(page);
    await review.open();
    await review.find(SHOWCASE.cases);
    await expect(review.entry('pack.completed')).toHaveCount(1);
    await expect(review.entry('video.segment'))
      .toHaveCount(1, { timeout: 15_000 })
      .catch(async () => {
        // The clip closes once its last chunk is stored; search again to read the entry it added.
        await review.find(SHOWCASE.cases);
      });
    await expect(review.video).toBeVisible();

    const scans = review.entry('pack.scan');
    await review.pick(scans.last());
    await expect.poll(() => review.videoTime(), { timeout: 15_000 }).toBeGreaterThan(3);
    const late = await review.videoTime();
    await review.pick(review.entry('pack.opened'));
    await expect.poll(() => review.videoTime(), { timeout: 15_000 }).toBeLessThan(late - 2);
    await keepScreen(page, 'review-video');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-review-'));
    const zip = await review.exportEvidence(path.join(dir, 'evidence.zip'));
    expect(packdesk(['evidence', 'verify', zip])).toMatch(/intact: \d+ journal entries, 1 clip/);
    await expect(review.entry('evidence.exported')).toHaveCount(1);
    await keepScreen(page, 'review-evidence');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
