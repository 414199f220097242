import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FAKE_CAMERA, readSegments, runTool } from './camera';
import { DemoCatalog, SHOWCASE } from './catalog';
import { FAKE_SCALE, test, expect } from './fixtures';
import { packdesk, sameOrigin, seedDataDir, startHost, type RunningHost } from './host';
import { coveredControls } from './pages/layout';

test.use(FAKE_CAMERA);

interface SegmentRow {
  id: number;
  session_id: number;
  path: string;
  status: string;
  started_at: string;
  ended_at: string | null;
}

function segments(dataDir: string): SegmentRow[] {
  return readSegments<SegmentRow>(dataDir, 'SELECT id, session_id, path, status, started_at, ended_at FROM video_segments ORDER BY id');
}

/** MediaRecorder's WebM carries no duration header: the clip lasts until its last frame's timestamp. */
function clipSeconds(file: string): number {
  const times = runTool('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time', '-of', 'csv=p=0', file])
    .split('\n')
    .map(Number)
    .filter((t) => Number.isFinite(t) && t > 0);
  return Math.max(...times);
}

function decodedFrames(file: string): number {
  return Number(
    runTool('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', file]).trim(),
  );
}

test.describe('packing video with a webcam', () => {
  let dataDir: string;
  let host: RunningHost;
  /** host.stop() waits for an exit that a killed host has already made. */
  let killed = false;

  test.beforeAll(async ({ request }) => {
    dataDir = seedDataDir();
    host = await startHost(dataDir, FAKE_SCALE);
    // A manager turns the camera on, as in Settings.
    await request.post(`${host.url}api/auth.badge`, { headers: sameOrigin(host.url), data: { badge: 'PD-M-0001', pin: '7001' } });
    const set = await request.post(`${host.url}api/video.settings.set`, { headers: sameOrigin(host.url), data: { mode: 'webcam' } });
    expect((await set.json()) as unknown).toMatchObject({ ok: true });
    await request.post(`${host.url}api/auth.logout`, { headers: sameOrigin(host.url), data: {} });
  });

  test.afterAll(async () => {
    if (!killed) await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('an order packed on camera leaves a WebM as long as its session, with the session QR in its frames', async ({
    page,
    loginPage,
    queuePage,
    packPage,
  }) => {
    const catalog = new DemoCatalog(dataDir);
    const [seeds, cream] = catalog.lines(SHOWCASE.cases);
    catalog.close();
    await page.request.post(`${host.url}api/auth.logout`, { headers: sameOrigin(host.url), data: {} });
    await page.goto(host.url);
    await loginPage.scanBadge('PD-P-0001');
    await queuePage.scan(SHOWCASE.cases);
    await packPage.expectOrder(SHOWCASE.cases);
    await expect(page.locator('[data-video="recording"]')).toBeVisible();
    // The REC badge sits in the status strip: it covers no control (it once covered Log out).
    expect(await coveredControls(page)).toEqual([]);
    await packPage.scan(seeds!.codes.find((c) => c.units > 1)!.code, 'line_complete');
    await page.waitForTimeout(2500);
    await packPage.scan(cream!.codes.find((c) => c.units > 1)!.code, 'order_complete');
    await packPage.chooseBox('K1');
    await packPage.weigh(host.setScale);
    await packPage.complete(SHOWCASE.cases);

    await expect.poll(() => segments(dataDir).filter((s) => s.status === 'closed').length, { timeout: 15_000 }).toBe(1);
    const segment = segments(dataDir)[0]!;
    const file = path.join(dataDir, segment.path);
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    const session = (Date.parse(segment.ended_at!) - Date.parse(segment.started_at)) / 1000;
    const clip = clipSeconds(file);
    expect(session).toBeGreaterThan(3);
    expect(Math.abs(clip - session)).toBeLessThan(1);

    const frame = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-frame-')), 'frame.png');
    runTool('ffmpeg', ['-v', 'error', '-i', file, '-ss', '1.5', '-frames:v', '1', '-y', frame]);
    const qr = runTool('zbarimg', ['--nodbus', '-q', '--raw', frame]).trim();
    expect(qr).toBe(`packdesk:session:ST-01:${segment.session_id}`);

    // The evidence package of this order holds the real clip and stills, and checks out on its own.
    const zip = path.join(path.dirname(frame), 'evidence.zip');
    expect(packdesk(['evidence', '--order', SHOWCASE.cases, '--out', zip, '--data', dataDir])).toMatch(/Evidence package of order/);
    const listing = runTool('unzip', ['-l', zip]);
    expect(listing).toMatch(/video\/.+\.webm/);
    expect(listing).toMatch(/stills\/entry-\d+\.jpg/);
    expect(packdesk(['evidence', 'verify', zip])).toMatch(/intact: \d+ journal entries, 1 clip/);
    fs.rmSync(path.dirname(frame), { recursive: true, force: true });
  });

  test('a host killed mid-session leaves the clip recorded so far playable', async ({ page, loginPage, queuePage, packPage }) => {
    await page.request.post(`${host.url}api/auth.logout`, { headers: sameOrigin(host.url), data: {} });
    await page.goto(host.url);
    await loginPage.scanBadge('PD-P-0001');
    await queuePage.scan(SHOWCASE.kit);
    await packPage.expectOrder(SHOWCASE.kit);
    await expect(page.locator('[data-video="recording"]')).toBeVisible();
    const recording = () => segments(dataDir).find((s) => s.status === 'recording');
    await expect.poll(() => recording() !== undefined).toBe(true);
    // Kill once more than 20 frames are on disk (about 1.5 s at 15 frames a second; longer on a
    // loaded machine, where the recorder falls behind), so the kill lands mid-recording.
    const onDisk = () => {
      try {
        return decodedFrames(path.join(dataDir, recording()!.path));
      } catch {
        return 0; // nothing decodable yet
      }
    };
    await expect.poll(onDisk, { timeout: 30_000, intervals: [500] }).toBeGreaterThan(20);
    await page.waitForTimeout(500);
    await host.kill();
    killed = true;

    const left = recording()!;
    const file = path.join(dataDir, left.path);
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    expect(runTool('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name', '-of', 'csv=p=0', file]).trim()).toMatch(/vp8|vp9/);
    // What was on disk before the kill is still there and decodes.
    expect(decodedFrames(file)).toBeGreaterThan(20);
  });
});
