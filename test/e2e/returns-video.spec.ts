import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FAKE_CAMERA, readSegments, runTool } from './camera';
import { DemoCatalog, SHOWCASE } from './catalog';
import { FAKE_SCALE, test, expect } from './fixtures';
import { packdesk, sameOrigin, seedDataDir, startHost, type RunningHost } from './host';
import { ReturnsPage } from './pages/ReturnsPage';
import { ReviewPage } from './pages/ReviewPage';

test.use(FAKE_CAMERA);

interface SegmentRow {
  id: number;
  session_id: number | null;
  return_number: string | null;
  order_number: string;
  station_id: string;
  path: string;
  status: string;
}

function segments(dataDir: string): SegmentRow[] {
  return readSegments<SegmentRow>(dataDir, 'SELECT id, session_id, return_number, order_number, station_id, path, status FROM video_segments ORDER BY id');
}

test.describe('the returns desk on camera', () => {
  let dataDir: string;
  let host: RunningHost;

  test.beforeAll(async ({ request }) => {
    dataDir = seedDataDir();
    host = await startHost(dataDir, FAKE_SCALE);
    // A manager turns the camera on at the packing station and at the returns desk, as in Settings.
    for (const station of ['ST-01', 'ST-03']) {
      const headers = { ...sameOrigin(host.url), 'x-packdesk-station': station };
      await request.post(`${host.url}api/auth.badge`, { headers, data: { badge: 'PD-M-0001', pin: '7001' } });
      const set = await request.post(`${host.url}api/video.settings.set`, { headers, data: { mode: 'webcam' } });
      expect((await set.json()) as unknown).toMatchObject({ ok: true });
      await request.post(`${host.url}api/auth.logout`, { headers, data: {} });
    }
  });

  test.afterAll(async () => {
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('a return handled at the desk is recorded with its number burned in; one key shows the packing clip of the same order', async ({
    page,
    loginPage,
    queuePage,
    packPage,
  }) => {
    test.setTimeout(180_000);
    const order = SHOWCASE.cases;
    const catalog = new DemoCatalog(dataDir);
    const [seeds, cream] = catalog.lines(order);
    catalog.close();
    const seedsCode = seeds!.codes.find((c) => c.units > 1)!.code;

    // Packed on camera at ST-01.
    await page.goto(host.url);
    await loginPage.scanBadge('PD-P-0001');
    // Opened by a click: the scanner at a focused field is the scanner spec's subject (returns-scanner.spec.ts).
    await queuePage.openByClick(order);
    await packPage.expectOrder(order);
    await expect(page.locator('[data-video="recording"]')).toBeVisible();
    await packPage.scan(seedsCode, 'line_complete');
    await page.waitForTimeout(2000);
    await packPage.scan(cream!.codes.find((c) => c.units > 1)!.code, 'order_complete');
    await packPage.chooseBox('K1');
    await packPage.weigh(host.setScale);
    await packPage.complete(order);
    await expect.poll(() => segments(dataDir).filter((s) => s.status === 'closed').length, { timeout: 15_000 }).toBe(1);
    const packing = segments(dataDir)[0]!;
    expect(packing).toMatchObject({ order_number: order, return_number: null, station_id: 'ST-01' });
    await page.getByRole('button', { name: /Log out|Wyloguj/ }).click();

    // Taken back at the returns desk ST-03: opening the return starts the desk's own recording.
    await page.goto(`${host.url}?station=ST-03`);
    await expect(page.locator('#badge-code')).toBeVisible();
    await loginPage.scanBadge('PD-R-0001');
    const desk = new ReturnsPage(page);
    await desk.expectShown();
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.locator('[data-video]')).toHaveCount(0);
    await desk.query.fill(`RET-${order}`);
    await desk.query.press('Enter');
    await expect(desk.candidate(order)).toBeVisible();
    await desk.query.press('Enter');
    await expect(desk.pane).toHaveAttribute('data-stage', 'open');
    const number = (await desk.pane.getAttribute('data-number'))!;
    expect(number).toMatch(/^R-\d{4}-\d{6}$/);
    const rec = page.locator('[data-video="recording"]');
    await expect(rec).toBeVisible();
    // What the recorder burns into every frame: the return, its order, the handler and the desk.
    await expect(rec).toHaveAttribute('data-overlay', `${number}  ·  ${order}  ·  Agnieszka Kamińska  ·  ST-03 Zwroty`);
    await desk.scan(seedsCode);
    await expect(page.getByTestId('item-scan-result')).toContainText('Matched');
    await desk.grade({ condition: 'opened', disposition: 'restock', reason: 'changed_mind' });
    await expect(desk.items.first()).toHaveAttribute('data-condition', 'opened');

    // F10: the outbound packing timeline and its clip, which plays.
    await page.keyboard.press('F10');
    const review = new ReviewPage(page);
    await expect(review.order).toContainText(order);
    await expect(review.entry('pack.completed')).toHaveCount(1);
    await expect(page.locator('.review-video-owner')).toHaveAttribute('data-owner', 'packing');
    await expect(review.video).toHaveAttribute('data-segment', String(packing.id));
    await review.pick(review.entry('pack.completed'));
    await expect.poll(() => review.videoTime(), { timeout: 15_000 }).toBeGreaterThan(1);
    expect(await review.video.evaluate((v: HTMLVideoElement) => (v.error ? v.error.code : 0))).toBe(0);
    await page.keyboard.press('Escape');
    await expect(desk.pane).toBeVisible();
    // One click does the same.
    await page.getByTestId('return-timeline').click();
    await expect(review.video).toHaveAttribute('data-segment', String(packing.id));
    await page.keyboard.press('Escape');
    await expect(desk.pane).toBeVisible();
    // Still recording the return all along.
    await expect(rec).toBeVisible();
    await page.waitForTimeout(1500);

    // Decided: the desk's clip is closed, owned by the return, on the order.
    await page.keyboard.press('F8');
    const decide = page.getByTestId('returns-decide');
    await decide.getByLabel('Refund amount').fill('10,00');
    await decide.getByLabel('Refund amount').press('Enter');
    await expect(decide).toBeHidden();
    await expect(page.locator('[data-video="recording"]')).toHaveCount(0);
    await expect.poll(() => segments(dataDir).filter((s) => s.status === 'closed').length, { timeout: 15_000 }).toBe(2);
    const clip = segments(dataDir)[1]!;
    expect(clip).toMatchObject({ session_id: null, return_number: number, order_number: order, station_id: 'ST-03', status: 'closed' });
    const file = path.join(dataDir, clip.path);
    expect(
      runTool('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,width,height', '-of', 'csv=p=0', file]).trim(),
    ).toMatch(/^vp[89],1280,720$/);
    // The QR code burned into the frames names the return at this desk.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-return-frame-'));
    const frame = path.join(dir, 'frame.png');
    runTool('ffmpeg', ['-v', 'error', '-i', file, '-ss', '1', '-frames:v', '1', '-y', frame]);
    expect(runTool('zbarimg', ['--nodbus', '-q', '--raw', frame]).trim()).toBe(`packdesk:return:ST-03:${number}`);

    // The evidence package of the order holds both clips and checks out.
    const zip = path.join(dir, 'evidence.zip');
    packdesk(['evidence', '--order', order, '--out', zip, '--data', dataDir]);
    const listing = runTool('unzip', ['-l', zip]);
    expect(listing).toContain(`video/${path.posix.basename(packing.path)}`);
    expect(listing).toContain(`video/${path.posix.basename(clip.path)}`);
    expect(packdesk(['evidence', 'verify', zip])).toMatch(/intact: \d+ journal entries, 2 clip\(s\)/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
