import fs from 'node:fs';
import path from 'node:path';
import { DemoCatalog, SHOWCASE } from './catalog';
import { isolatedTest as test, expect } from './fixtures';
import { barcodesInPdf } from './pages/barcodes';
import { PrintPage } from './pages/PrintPage';

/**
 * A newcomer's first order on a fresh demo: no printer set up by anyone, yet the label and the
 * packing slip arrive at once, as files of the station's PDF folder printer.
 */
test('a fresh demo prints the first order’s label and slip into the PDF folder, and the label scans back', async ({
  loginPage,
  queuePage,
  packPage,
  host,
  page,
  demoOrders,
}) => {
  const catalog = new DemoCatalog(host.dataDir);
  const showcase = new Set<string>(Object.values(SHOWCASE));
  const number = demoOrders.ready.find(
    (n) =>
      !showcase.has(n) &&
      catalog.untouched(n) &&
      catalog.lines(n).length <= 2 &&
      catalog.lines(n).every((l) => l.tracking === 'none' && !l.isKit && l.quantity <= 2 && l.codes.some((c) => c.units === 1)),
  )!;
  const lines = catalog.lines(number);
  catalog.close();

  await loginPage.open();
  await loginPage.scanBadge('PD-P-0001');
  await queuePage.expectShown('Anna Kowalska');
  await new PrintPage(page).expectState('ok', 'Printers ready');
  await queuePage.scan(number);
  await packPage.expectOrder(number);
  for (const line of lines) for (let i = 0; i < line.quantity; i++) await packPage.scan(line.codes.find((c) => c.units === 1)!.code);
  await packPage.chooseBox('K1');
  await packPage.weigh(host.setScale);
  await packPage.complete(number);

  const folder = path.join(host.dataDir, 'printed', 'ST-01');
  const printed = () => (fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.startsWith(`${number}-`)) : []);
  await expect
    .poll(() => printed().some((f) => /-label-p1-\d+\.pdf$/.test(f)) && printed().some((f) => /-packing-slip-\d+\.pdf$/.test(f)), { timeout: 30_000 })
    .toBe(true);
  const label = printed().find((f) => /-label-p1-\d+\.pdf$/.test(f))!;
  const codes = barcodesInPdf(path.join(folder, label));
  // The SSCC scans back in GS1-128 (AI 00 and its 18 digits) and in the QR code, the same one.
  const sscc = codes.map((c) => /^CODE-128:00(\d{18})$/.exec(c)?.[1]).find(Boolean);
  expect(sscc, codes.join(', ')).toBeDefined();
  expect(codes).toContain(`QR-Code:${sscc}`);
  expect(fs.statSync(path.join(folder, label)).mode & 0o077).toBe(0);
  await new PrintPage(page).expectState('ok', 'Printers ready');
});
