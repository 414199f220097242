import fs from 'node:fs';
import { DemoCatalog, SHOWCASE } from './catalog';
import { FAKE_SCALE, test, expect } from './fixtures';
import { seedDataDir, startHost, type RunningHost } from './host';
import { GS } from './pages/keys';

/** The station is killed mid-order (SIGKILL) and started again on the same data folder. */
test.describe('restart mid-order', () => {
  let dataDir: string;
  let host: RunningHost;

  test.beforeAll(async () => {
    dataDir = seedDataDir();
    host = await startHost(dataDir, FAKE_SCALE);
  });

  test.afterAll(async () => {
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('the same order comes back exactly where it was, and is finished', async ({ page, loginPage, queuePage, packPage }) => {
    const catalog = new DemoCatalog(dataDir);
    const [magnesium, oil] = catalog.lines(SHOWCASE.lots);
    catalog.close();
    const oilCode = oil!.codes[0]!.code;

    await page.goto(host.url);
    await loginPage.expectShown();
    await loginPage.scanBadge('PD-P-0003');
    await queuePage.expectShown('Zofia Wiśniewska');
    await queuePage.scan(SHOWCASE.lots);
    await packPage.expectOrder(SHOWCASE.lots);
    // GS1-128 with expiry and lot; then a plain EAN whose lot, and then its expiry, are asked for.
    await packPage.scan(`]C101${magnesium!.codes[0]!.code}17301231${'10'}MG-2030`, 'line_complete');
    await packPage.scan(oilCode, 'lot_required');
    await packPage.scan('OIL-LOT-1', 'expiry_required');
    await packPage.typeCode('301231');
    await expect(packPage.verdict).toHaveAttribute('data-verdict', 'accepted');
    await packPage.scan(`]d201${oilCode}10OIL-LOT-2${GS}17301231`, 'accepted');
    await packPage.expectPacked(oil!.sku, 2, 3);

    await host.kill();
    host = await startHost(dataDir, FAKE_SCALE);
    await page.goto(host.url);
    // The login may or may not have survived; either way the order must be back as it was.
    const pack = packPage.title;
    await expect(pack.or(page.getByRole('heading', { name: 'Scan your badge' }))).toBeVisible();
    if (!(await pack.isVisible())) await loginPage.scanBadge('PD-P-0003');
    await packPage.expectOrder(SHOWCASE.lots);
    await packPage.expectPacked(magnesium!.sku, 1, 1);
    await packPage.expectPacked(oil!.sku, 2, 3);
    await expect(packPage.units).toHaveCount(3);
    await expect(packPage.units.first()).toContainText('OIL-LOT-2');

    await packPage.scan(`]C101${oilCode}17301231${'10'}OIL-LOT-2`, 'order_complete');
    await packPage.chooseBox('K1');
    await packPage.weigh(host.setScale);
    await packPage.complete(SHOWCASE.lots);
  });
});
