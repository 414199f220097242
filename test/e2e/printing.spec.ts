import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { DemoCatalog, SHOWCASE, type CatalogLine } from './catalog';
import { isolatedTest as test, expect } from './fixtures';
import type { LoginPage } from './pages/LoginPage';
import type { PackPage } from './pages/PackPage';
import { asManager, PrintPage } from './pages/PrintPage';
import type { QueuePage } from './pages/QueuePage';
import type { RunningHost } from './host';
import type { Page } from '@playwright/test';

interface Screens {
  loginPage: LoginPage;
  queuePage: QueuePage;
  packPage: PackPage;
  host: RunningHost;
  page: Page;
}

const LABEL_SETTINGS = {
  shopName: 'Sklep Zażółć',
  shipFrom: { name: 'Magazyn Łódź', company: null, street: 'ul. Magazynowa 7', city: 'Łódź', postcode: '90-001', country: 'PL', phone: null, email: null },
  gs1CompanyPrefix: '5901234',
  ssccExtensionDigit: 0,
  returnPolicy: 'Zwroty w 30 dni.',
  nextSsccSerial: 1,
};

/** A label printer on 127.0.0.1:port (any free port unless given): every connection's bytes, in order. */
function labelPrinter(port = 0): Promise<{ port: number; jobs: Buffer[]; close(): Promise<void> }> {
  const jobs: Buffer[] = [];
  const server = net.createServer((socket) => {
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('end', () => {
      jobs.push(Buffer.concat(chunks));
      socket.end();
    });
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve({ port: (server.address() as net.AddressInfo).port, jobs, close: () => new Promise((r) => server.close(() => r())) }),
    ),
  );
}

/** A port nothing listens on: a label printer that is switched off. */
async function deadPort(): Promise<number> {
  const probe = await labelPrinter();
  await probe.close();
  return probe.port;
}

const profile = (documentKind: string, target: string, format: 'zpl' | 'pdf') =>
  ['printers.profile.set', { documentKind, printerKind: 'raw_tcp', target, format, raw: true }] as [string, unknown];

/** Ready demo orders of plain items scanned one unit at a time, which no other spec packs. */
function plainOrders(catalog: DemoCatalog, ready: string[]): string[] {
  const plain = (l: CatalogLine) => l.tracking === 'none' && !l.isKit && l.quantity <= 2 && l.codes.some((c) => c.units === 1);
  const showcase = new Set<string>(Object.values(SHOWCASE));
  return ready.filter((n) => !showcase.has(n) && catalog.lines(n).length <= 2 && catalog.lines(n).every(plain)).reverse();
}

test.describe('printing on completion', () => {
  let catalog: DemoCatalog;
  let orders: string[];
  test.beforeAll(({ host, demoOrders }) => {
    catalog = new DemoCatalog(host.dataDir);
    orders = plainOrders(catalog, demoOrders.ready);
  });
  test.afterAll(async ({ host, playwright }) => {
    catalog?.close();
    // Later specs share this host: they print nowhere again.
    const request = await playwright.request.newContext();
    await asManager(request, host.url, [
      ['printers.profile.remove', { documentKind: 'label' }],
      ['printers.profile.remove', { documentKind: 'packing_slip' }],
    ]);
    await request.dispose();
  });

  async function packAndComplete(number: string, { loginPage, queuePage, packPage, host }: Screens) {
    await loginPage.open();
    await loginPage.scanBadge('PD-P-0001');
    await queuePage.expectShown('Anna Kowalska');
    await queuePage.scan(number);
    await packPage.expectOrder(number);
    for (const line of catalog.lines(number)) {
      for (let i = 0; i < line.quantity; i++) await packPage.scan(line.codes.find((c) => c.units === 1)!.code);
    }
    await packPage.chooseBox('K1');
    await packPage.weigh(host.setScale);
    await packPage.complete(number);
  }

  test('the ZPL label of a completed order arrives at the raw 9100 printer, byte for byte as archived', async ({
    loginPage,
    queuePage,
    packPage,
    host,
    page,
  }) => {
    const fixtures = { loginPage, queuePage, packPage, host, page };
    const printer = await labelPrinter();
    await asManager(page.request, host.url, [
      ['labels.settings.set', LABEL_SETTINGS],
      profile('label', `127.0.0.1:${printer.port}`, 'zpl'),
      profile('packing_slip', `127.0.0.1:${printer.port}`, 'pdf'),
    ]);
    const number = orders[0]!;
    await packAndComplete(number, fixtures);

    await expect.poll(() => printer.jobs.length, { timeout: 20_000 }).toBe(2);
    const zpl = printer.jobs.find((j) => j.subarray(0, 3).toString() === '^XA')!;
    expect(zpl.toString('utf8')).toContain(number);
    expect(printer.jobs.some((j) => j.subarray(0, 5).toString() === '%PDF-')).toBe(true);
    const month = new Date().toISOString().slice(0, 7).replace('-', '/');
    const kept = fs.readdirSync(path.join(host.dataDir, 'documents', month)).filter((f) => f.includes(`-label-${number}-p1-`) && f.endsWith('.zpl'));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(host.dataDir, 'documents', month, kept[0]!)).equals(zpl)).toBe(true);

    const print = new PrintPage(page);
    await print.expectState('ok', 'Printers ready');
    await printer.close();
  });

  test('a printer that is off turns the indicator red with the reason, and the job waits in the queue', async ({
    loginPage,
    queuePage,
    packPage,
    host,
    page,
  }) => {
    const fixtures = { loginPage, queuePage, packPage, host, page };
    const port = await deadPort();
    await asManager(page.request, host.url, [profile('label', `127.0.0.1:${port}`, 'zpl'), ['printers.profile.remove', { documentKind: 'packing_slip' }]]);
    const number = orders[1]!;
    await packAndComplete(number, fixtures);

    const print = new PrintPage(page);
    await print.expectState('failed', `Printer off: connection refused (127.0.0.1:${port})`);
    await print.openQueue();
    await expect(print.jobs.first()).toHaveAttribute('data-status', 'failed');
    await expect(print.jobs.first()).toContainText(number);
    await print.closeQueue();
  });

  test('a label that did not print is said loudly on completion and in the queue, until it prints', async ({ loginPage, queuePage, packPage, host, page }) => {
    const fixtures = { loginPage, queuePage, packPage, host, page };
    const port = await deadPort();
    // Label settings as the first test left them (the SSCC counter only moves on), so the label is made.
    const settings = ['labels.settings.set', { ...LABEL_SETTINGS, nextSsccSerial: 1000 }] as [string, unknown];
    await asManager(page.request, host.url, [
      settings,
      profile('label', `127.0.0.1:${port}`, 'zpl'),
      ['printers.profile.remove', { documentKind: 'packing_slip' }],
    ]);
    const number = orders[2]!;
    await packAndComplete(number, fixtures);

    // Completion stays possible; the screen says the label did not print, and why, and does not
    // go back to the queue by itself.
    const label = packPage.completion.getByTestId('label-status');
    await expect(label).toHaveAttribute('data-state', 'not_printed');
    await expect(label).toHaveAttribute('role', 'alert');
    await expect(label).toContainText('LABEL NOT PRINTED');
    await expect(label).toContainText(`The printer did not print it: Printer off: connection refused (127.0.0.1:${port})`);
    await page.waitForTimeout(5000);
    await expect(packPage.completion).toBeVisible();
    await page.keyboard.press('Enter');

    // The queue lists the order as "label not printed" …
    await queuePage.expectShown('Anna Kowalska');
    await expect(queuePage.unprintedLabel(number)).toContainText(`Printer off: connection refused (127.0.0.1:${port})`);
    // … until its label prints: the printer is switched on and the job retried from the print queue.
    const printer = await labelPrinter(port);
    const print = new PrintPage(page);
    await print.openQueue();
    const job = print.jobs.filter({ hasText: number }).first();
    await job.getByRole('button', { name: 'Retry' }).click();
    await expect(job).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
    await print.closeQueue();
    await expect(queuePage.unprintedLabel(number)).toHaveCount(0);
    expect(printer.jobs.some((j) => j.toString('utf8').includes(number))).toBe(true);
    await printer.close();
  });
});
