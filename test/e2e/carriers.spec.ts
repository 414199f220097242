import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { cleanZpl } from '../../src/domain/zpl-clean';
import { INPOST_ORG, INPOST_TOKEN, startFakeInpost, type FakeInpost } from '../fixtures/carriers/inpost-fake';
import { DemoCatalog } from './catalog';
import { FAKE_SCALE, test as base, expect } from './fixtures';
import { MANAGER_PINS, ordersInState, packdesk, seedDataDir, startHost, type RunningHost } from './host';
import { CarriersPage } from './pages/CarriersPage';
import { ConsolePage } from './pages/ConsolePage';
import { asManager } from './pages/PrintPage';
import { ReturnsPage } from './pages/ReturnsPage';
import { ReviewPage } from './pages/ReviewPage';

const ORDER = 'IP-LOCKER-1';
/** Packed while InPost is down. */
const ORDER_WHILE_DOWN = 'IP-LOCKER-2';
const LOCKER = 'WAW123M';

const LABEL_SETTINGS = {
  shopName: 'Sklep Zażółć',
  shipFrom: { name: 'Magazyn Łódź', company: null, street: 'ul. Magazynowa 7', city: 'Łódź', postcode: '90-001', country: 'PL', phone: null, email: null },
  gs1CompanyPrefix: '5901234',
  ssccExtensionDigit: 0,
  returnPolicy: 'Zwroty w 30 dni.',
  nextSsccSerial: 1,
};

/** A raw 9100 label printer on 127.0.0.1: every connection's bytes, in order. */
function labelPrinter(): Promise<{ port: number; jobs: Buffer[]; close(): Promise<void> }> {
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
    server.listen(0, '127.0.0.1', () =>
      resolve({ port: (server.address() as net.AddressInfo).port, jobs, close: () => new Promise((r) => server.close(() => r())) }),
    ),
  );
}

/**
 * A demo data folder with two InPost locker orders imported the way a shop without an integration
 * sends it (docs/import-format.md), of one plain demo product, before the host starts.
 */
function withLockerOrder(dataDir: string): void {
  const catalog = new DemoCatalog(dataDir);
  const { sku } = catalog.strangerProduct();
  catalog.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-import-')), 'orders.csv');
  fs.writeFileSync(
    file,
    [
      'number,customer_name,street,city,postcode,country,phone,email,carrier,service,pickup_point,pickup_point_name,sku,quantity',
      ...[ORDER, ORDER_WHILE_DOWN].map(
        (number) =>
          `${number},Jan Kowalski,ul. Długa 5,Warszawa,00-001,PL,600100200,jan@example.com,inpost,locker_standard,${LOCKER},"Warszawa, ul. Marszałkowska 1",${sku},1`,
      ),
    ].join('\n'),
  );
  packdesk(['import', '--orders', file, '--data', dataDir]);
}

/** A host of its own whose data folder holds the locker order; `code` is the barcode of its one item. */
const test = base.extend<{ code: string }, { host: RunningHost }>({
  host: [
    // Playwright reads a fixture's dependencies from this pattern; the host needs none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dataDir = seedDataDir();
      withLockerOrder(dataDir);
      const host = await startHost(dataDir, FAKE_SCALE);
      await use(host);
      await host.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  code: async ({ host }, use) => {
    const catalog = new DemoCatalog(host.dataDir);
    await use(catalog.strangerProduct().code);
    catalog.close();
  },
});

// The handover test closes the day for the parcel the label test packed.
test.describe.configure({ mode: 'serial' });

let inpost: FakeInpost;
test.beforeAll(async () => {
  inpost = await startFakeInpost({ confirmAfterReads: 1 });
});
test.afterAll(async () => {
  await inpost.close();
});

test("an InPost locker order's ZPL label reaches the 9100 printer byte for byte as InPost sent it (cleaned) and as archived", async ({
  loginPage,
  queuePage,
  packPage,
  host,
  page,
  code,
}) => {
  const printer = await labelPrinter();
  await asManager(page.request, host.url, [
    ['labels.settings.set', LABEL_SETTINGS],
    ['printers.profile.set', { documentKind: 'label', printerKind: 'raw_tcp', target: `127.0.0.1:${printer.port}`, format: 'zpl', raw: true }],
    ['carriers.accounts.set', { account: { kind: 'inpost', url: inpost.url, organizationId: INPOST_ORG, labelFormat: 'zpl' }, secret: INPOST_TOKEN }],
  ]);

  await loginPage.open();
  await loginPage.scanBadge('PD-P-0001');
  await queuePage.expectShown('Anna Kowalska');
  await queuePage.scan(ORDER);
  await packPage.expectOrder(ORDER);
  // The packer is told where the parcel goes in words: the locker, its id and its address.
  await expect(page.getByTestId('order-pickup-point')).toHaveText('InPost parcel locker WAW123M, Warszawa, ul. Marszałkowska 1');
  await packPage.scan(code);
  await packPage.chooseBox('K1');
  await packPage.weigh(host.setScale);
  await packPage.complete(ORDER);

  // InPost was asked for a locker shipment to the order's locker, and its label came once.
  await expect.poll(() => inpost.labelsSent.length, { timeout: 20_000 }).toBe(1);
  const created = inpost.shipments[0]!;
  expect(created.body).toMatchObject({ service: 'inpost_locker_standard', reference: ORDER, custom_attributes: { target_point: LOCKER } });
  const sent = inpost.labelsSent[0]!;
  expect(sent.format).toBe('zpl');

  await expect.poll(() => printer.jobs.length, { timeout: 20_000 }).toBe(1);
  const printed = printer.jobs[0]!;
  // Byte for byte what InPost sent, less the commands that would change the printer's settings.
  expect(printed.equals(Buffer.from(cleanZpl(new Uint8Array(sent.bytes)).bytes))).toBe(true);
  expect(printed.toString('latin1')).not.toMatch(/\^JUS|\^MMT|~SD/);
  expect(printed.toString('latin1')).toContain(created.tracking_number!);

  const month = new Date().toISOString().slice(0, 7).replace('-', '/');
  const kept = fs.readdirSync(path.join(host.dataDir, 'documents', month)).filter((f) => f.includes(ORDER) && f.endsWith('.zpl'));
  expect(kept).toHaveLength(1);
  expect(fs.readFileSync(path.join(host.dataDir, 'documents', month, kept[0]!)).equals(printed)).toBe(true);

  // The completion screen shows InPost's number.
  await expect(packPage.completion).toContainText(created.tracking_number!);
  await printer.close();
});

test("InPost's tracking number finds the order in review, where the label's entry names it, and at the returns desk, which shows it", async ({
  page,
  host,
  loginPage,
}) => {
  const tracking = inpost.shipments.find((s) => (s.body as { reference?: string }).reference === ORDER)!.tracking_number!;
  await page.goto(host.url);
  await loginPage.scanBadgeWithPin('PD-M-0001', MANAGER_PINS['PD-M-0001']!);
  const review = new ReviewPage(page);
  await review.open();
  await review.find(tracking, ORDER);
  // Said in words in the manager's language (Polish here), with the number.
  await expect(review.entry('carrier.labelled')).toContainText(`InPost: etykieta paczki 1 odebrana, numer przesyłki ${tracking}.`);
  await page.keyboard.press('Escape');

  await page.goto('/?station=ST-03');
  await expect(page.locator('#badge-code')).toBeVisible();
  await loginPage.scanBadge('PD-R-0001');
  const desk = new ReturnsPage(page);
  await desk.expectShown();
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await desk.scan(tracking);
  await expect(desk.candidate(ORDER)).toContainText('tracking / SSCC');
  await expect(desk.candidate(ORDER).getByTestId('candidate-tracking')).toHaveText(`Tracking: ${tracking}`);
});

test('an order packed while InPost is down completes, its label waits and the indicator says why, and it prints when InPost answers, with one shipment', async ({
  loginPage,
  queuePage,
  packPage,
  host,
  page,
  code,
}) => {
  const printer = await labelPrinter();
  await asManager(page.request, host.url, [
    ['printers.profile.set', { documentKind: 'label', printerKind: 'raw_tcp', target: `127.0.0.1:${printer.port}`, format: 'zpl', raw: true }],
  ]);
  inpost.switches.mode = 'down';
  try {
    await loginPage.open();
    await loginPage.scanBadge('PD-P-0001');
    await queuePage.expectShown('Anna Kowalska');
    await queuePage.scan(ORDER_WHILE_DOWN);
    await packPage.expectOrder(ORDER_WHILE_DOWN);
    await packPage.scan(code);
    await packPage.chooseBox('K1');
    await packPage.weigh(host.setScale);
    // Packing never waits for the carrier: the order completes at once.
    await packPage.complete(ORDER_WHILE_DOWN, /not printed/i);
    expect(ordersInState(host.dataDir, 'shipped')).toContain(ORDER_WHILE_DOWN);
    const waiting = `the carrier’s label for parcel 1 of ${ORDER_WHILE_DOWN} has not come yet; it prints when the carrier answers`;
    await expect(page.getByTestId('label-status')).toHaveAttribute('data-state', 'not_printed');
    await expect(page.getByTestId('label-status')).toContainText(waiting);
    await expect(page.getByTestId('print-indicator')).toContainText(waiting);
    expect(printer.jobs).toHaveLength(0);
  } finally {
    inpost.switches.mode = 'up';
  }

  // InPost answers again: the worker's retry makes the one shipment, and its label reaches the printer.
  await expect.poll(() => printer.jobs.length, { timeout: 45_000 }).toBe(1);
  const made = inpost.shipments.filter((s) => (s.body as { reference?: string }).reference === ORDER_WHILE_DOWN);
  expect(made).toHaveLength(1);
  expect(printer.jobs[0]!.toString('latin1')).toContain(made[0]!.tracking_number!);
  await expect(page.getByTestId('print-indicator')).not.toHaveAttribute('data-state', 'failed');
  await printer.close();
});

test("a manager tests the InPost account, hands the day over and disables it from the console's Carriers panel, by keyboard, in English and Polish", async ({
  page,
  host,
}) => {
  const { login } = await ConsolePage.openAsManager(page, host.url, 'PD-M-0002', MANAGER_PINS['PD-M-0002']!);
  const carriers = new CarriersPage(page);
  await carriers.show();

  const inpostRow = carriers.account('inpost');
  await expect(inpostRow).toContainText('Stored (never shown)');
  await expect(inpostRow).toContainText('2 parcels');
  expect(await page.content()).not.toContain(INPOST_TOKEN);

  await carriers.press('inpost', 'Test connection');
  await expect(carriers.notice).toHaveText('InPost: connection works (InPost: Sklep Testowy sp. z o.o.).');

  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
  await carriers.press('inpost', 'Hand over today');
  await expect(carriers.notice).toContainText(`InPost: handover INPOST-${day}-1 closed, 2 parcels.`);
  expect(inpost.dispatchOrders.length + inpost.requests.filter((r) => r.path.endsWith('/printouts')).length).toBeGreaterThan(0);
  await expect(inpostRow).toContainText('0 parcels');
  await expect(inpostRow.getByRole('button', { name: 'Hand over today' })).toBeDisabled();

  await carriers.press('inpost', 'Disable');
  await expect(inpostRow).toHaveAttribute('data-enabled', 'false');
  await expect(inpostRow).toContainText('Disabled');

  await login.switchLanguage('PL');
  await expect(inpostRow).toContainText('Wyłączone');
  await expect(inpostRow.getByRole('button', { name: 'Włącz' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /Przewoźnicy/ })).toBeVisible();
});
