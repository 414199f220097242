import path from 'node:path';
import Database from 'better-sqlite3';
import { DemoCatalog } from './catalog';
import { isolatedTest as test, expect } from './fixtures';
import { MANAGER_PINS } from './host';
import { ConsolePage } from './pages/ConsolePage';
import { LoginPage } from './pages/LoginPage';
import { PackPage } from './pages/PackPage';
import { scanWithWedge } from './pages/keys';
import { SCANNER_SETTINGS } from './fixtures';
import { shiftContaining } from '../../src/domain/shifts';

const MANAGER = 'PD-M-0001';

test.describe('the manager’s console', () => {
  test('a manager sees the shift view follow a packer scanning at another station, and releases an order left held', async ({
    page,
    host,
    browser,
    demoOrders,
  }) => {
    const catalog = new DemoCatalog(host.dataDir);
    const orderNumber = catalog.plainOrders(demoOrders.ready)[0]!;
    const line = catalog.line(orderNumber, 0);
    const code = line.codes.find((c) => c.units === 1)!.code;
    const total = catalog.lines(orderNumber).reduce((n, l) => n + l.quantity, 0);
    catalog.close();

    // This manager reads Polish; the test reads the screen in English.
    const { console: console_ } = await ConsolePage.openAsManager(page, host.url, MANAGER, MANAGER_PINS[MANAGER]!);
    await console_.showShift();
    await expect(console_.station('ST-02')).toContainText('Nobody logged in');

    // A packer at ST-02, in a browser of their own.
    const packerContext = await browser.newContext({ baseURL: host.url });
    await packerContext.addInitScript((settings) => localStorage.setItem('packdesk.scanner', JSON.stringify(settings)), SCANNER_SETTINGS);
    const packer = await packerContext.newPage();
    await packer.goto(`${host.url}?station=ST-02`);
    await new LoginPage(packer).expectShown('Zeskanuj swój identyfikator');
    await scanWithWedge(packer, 'PD-P-0001');
    await expect(console_.station('ST-02').getByTestId('shift-people')).toContainText('Packer');
    await scanWithWedge(packer, orderNumber);
    const pack = new PackPage(packer);
    await pack.expectOrder(orderNumber);
    await expect(console_.station('ST-02').getByTestId('shift-order')).toHaveAttribute('data-order', orderNumber);
    await expect(console_.station('ST-02').getByTestId('shift-progress')).toContainText(`0 of ${total} items packed`);
    await pack.scan(code, undefined);
    await expect(console_.station('ST-02').getByTestId('shift-progress')).toContainText('1 of');
    await expect(console_.station('ST-02').getByTestId('shift-last-scan')).toContainText(/s ago/);

    // The packer's station stops (its login ends without putting the order back, as at a power cut).
    const db = new Database(path.join(host.dataDir, 'packdesk.sqlite'), { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    db.prepare("UPDATE logins SET ended_at = ?, end_reason = 'idle' WHERE station_id = 'ST-02' AND ended_at IS NULL").run(new Date().toISOString());
    db.close();
    await packerContext.close();
    await console_.showJournal();
    await console_.showShift();
    const stuck = console_.stuckOrder(orderNumber);
    await expect(stuck).toContainText('ST-02');
    await stuck.getByRole('button', { name: `Release ${orderNumber}` }).click();
    await expect(stuck).toBeHidden();
    await expect(console_.station('ST-02').getByTestId('shift-order')).toBeHidden();

    // The release is in the journal, in words, with who made it.
    await console_.showJournal();
    await page.getByLabel('Order', { exact: true }).fill(orderNumber);
    await page.getByLabel('Order', { exact: true }).press('Enter');
    const released = console_.journalEntries.filter({ hasText: 'Released the order held at station ST-02' });
    await expect(released).toHaveCount(1);
    const manager = (await page.getByTestId('current-user').locator('strong').textContent()) ?? '';
    await expect(released).toContainText(manager);
  });

  test('a manager searches the journal in words, in English and Polish, and checks it whole', async ({ page, host }) => {
    const { console: console_, login } = await ConsolePage.openAsManager(page, host.url, MANAGER, MANAGER_PINS[MANAGER]!);
    await console_.showJournal();
    await page.getByLabel('What happened').selectOption({ label: 'Parcel weighed' });
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(console_.journalEntries.first()).toContainText(/Weighed parcel 1: [\d,]+ g \(read from the scale\)/);
    await page.getByLabel('Words').fill('wrong');
    await page.getByLabel('What happened').selectOption({ label: 'Scan' });
    await page.getByLabel('Words').press('Enter');
    await expect(console_.journalEntries.first()).toContainText('wrong item: it is not in this order');
    await expect(page.getByTestId('journal-results')).not.toContainText('wrong_item');
    await login.switchLanguage('PL');
    await expect(console_.journalEntries.first()).toContainText('zły towar: nie ma go w tym zamówieniu');
    await login.switchLanguage('EN');
    await page.getByTestId('journal-verify').click();
    await expect(page.getByTestId('journal-check')).toContainText('The journal is intact');
    await expect(page.getByTestId('journal-progress')).toHaveAttribute('value', '100');
  });

  test('a manager adds a person, and the badge the screen issues logs them in', async ({ page, host }) => {
    const { console: console_, login } = await ConsolePage.openAsManager(page, host.url, MANAGER, MANAGER_PINS[MANAGER]!);
    await page.keyboard.press('F3');
    await expect(page.getByRole('heading', { level: 2, name: 'People' })).toBeVisible();
    await page.locator('input[name=name]').fill('Nina Nowicka');
    await page.locator('select[name=role]').selectOption('packer');
    await page.getByLabel('PIN (4–8 digits)').fill('4826');
    await page.getByLabel('PIN (4–8 digits)').press('Enter');
    // The station prints into its PDF folder only, which would keep the card on disk: refused, nobody added.
    await expect(page.getByRole('alert')).toContainText('Badge cards print on a real printer');
    await expect(page.locator('[data-testid=person][data-name="Nina Nowicka"]')).toHaveCount(0);
    await page.locator('select[name=card]').selectOption({ label: 'No card (show the code only)' });
    await page.getByLabel('PIN (4–8 digits)').press('Enter');
    const badge = (await page.getByTestId('issued-badge').textContent()) ?? '';
    expect(badge).toMatch(/^PD-P-/);
    await expect(page.locator('[data-testid=person][data-name="Nina Nowicka"]')).toBeVisible();
    // The change is journaled with who made it.
    await page.keyboard.press('F2');
    await page.getByLabel('What happened').selectOption({ label: 'User added' });
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(console_.journalEntries.first()).toContainText('Added the user Nina Nowicka as packer.');
    await page.getByRole('button', { name: 'Log out' }).click();
    await login.expectShown();
    await login.scanBadge(badge);
    await expect(page.getByTestId('current-user')).toContainText('Nina Nowicka');
  });

  test('a manager sets the shifts by keyboard, in English and Polish, and the shift view and the statistics count by them', async ({ page, host }) => {
    const { console: console_, login } = await ConsolePage.openAsManager(page, host.url, MANAGER, MANAGER_PINS[MANAGER]!);
    await console_.showStations();
    const warehouse = page.getByLabel('Shift starts of the warehouse');
    await warehouse.fill('6:00');
    await warehouse.press('Enter');
    await expect(page.getByRole('alert')).toContainText('“6:00” is not a time');
    await warehouse.fill('07:00 19:00');
    await warehouse.press('Enter');
    await expect(page.getByRole('status')).toContainText('Saved.');
    await expect(warehouse).toHaveValue('07:00, 19:00');
    // The demo stations keep Warsaw time: the shift now is the one of these two that has begun there.
    const now = shiftContaining(new Date(), ['07:00', '19:00'], 'Europe/Warsaw');
    const label = `${now.start}–${now.end}`;
    await expect(console_.shiftPattern('ST-02')).toContainText(label);
    await expect(console_.shiftPattern('ST-02')).toContainText('as the warehouse');

    // A station of its own hours, then back to the warehouse's.
    const own = page.getByLabel('Shift starts at Stanowisko 2');
    await own.fill('05:30');
    await own.press('Enter');
    const five = shiftContaining(new Date(), ['05:30'], 'Europe/Warsaw');
    await expect(console_.shiftPattern('ST-02')).toContainText(`${five.start}–${five.end}`);
    await console_.showShift();
    await expect(console_.station('ST-02').getByTestId('shift-bounds')).toHaveText(`Shift ${five.start}–${five.end}`);
    await expect(console_.station('ST-01').getByTestId('shift-bounds')).toHaveText(`Shift ${label}`);
    await console_.showStations();
    await console_.shiftPattern('ST-02').getByRole('button', { name: 'Use the warehouse’s' }).press('Enter');
    await expect(console_.shiftPattern('ST-02')).toContainText('as the warehouse');

    // The statistics' shift is the station's: its period starts where the shift began.
    await page.keyboard.press('F8');
    await page.getByRole('group', { name: 'Period' }).getByRole('button', { name: 'Shift' }).press('Enter');
    await expect(page.getByTestId('stats-range')).toContainText(`the ${label} shift`);

    // The change is journaled in words; the screens read the same in Polish.
    await console_.showJournal();
    await page.getByLabel('What happened').selectOption({ label: 'Shifts changed' });
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(console_.journalEntries.filter({ hasText: "The warehouse's shifts start at 07:00, 19:00." })).toHaveCount(1);
    await login.switchLanguage('PL');
    await page.keyboard.press('F7');
    await expect(page.getByRole('heading', { level: 3, name: 'Zmiany' })).toBeVisible();
    await expect(page.getByLabel('Początki zmian w magazynie')).toHaveValue('07:00, 19:00');
    await page.getByLabel('Początki zmian w magazynie').fill('07:00, 07:30');
    await page.getByLabel('Początki zmian w magazynie').press('Enter');
    await expect(page.getByRole('alert')).toContainText('Zmiana od 07:00 jest krótsza niż godzina.');
  });

  test('a manager sees the end of the day per carrier from the console, in both languages', async ({ page, host }) => {
    const { console: console_, login } = await ConsolePage.openAsManager(page, host.url, MANAGER, MANAGER_PINS[MANAGER]!);
    await console_.showEndOfDay();
    const panel = page.getByTestId('end-of-day');
    await expect(panel).toContainText('End of the day');
    await expect(panel).toContainText('No carrier parcel today, and none waiting to be handed over.');

    // Two parcels queued with InPost today (as completion queues them): one labelled, one refused.
    const db = new Database(path.join(host.dataDir, 'packdesk.sqlite'), { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    const orders = db.prepare<[], { id: number; number: string }>('SELECT id, number FROM orders ORDER BY id LIMIT 2').all();
    const at = new Date().toISOString();
    const add = db.prepare(
      `INSERT INTO carrier_shipments (order_id, order_number, station_id, parcel_no, carrier, reference, idempotency_key, request, status, next_attempt_at,
         last_error, shipment_id, tracking_number, created_at, updated_at)
       VALUES (?, ?, 'ST-01', 1, 'inpost', ?, ?, '{}', ?, ?, ?, ?, ?, ?, ?)`,
    );
    add.run(orders[0]!.id, orders[0]!.number, orders[0]!.number, `k-${orders[0]!.number}`, 'labelled', at, null, 'S1', '6200000000001', at, at);
    add.run(orders[1]!.id, orders[1]!.number, orders[1]!.number, `k-${orders[1]!.number}`, 'parked', at, 'Receiver phone refused', null, null, at, at);
    db.close();
    await console_.showShift();
    await console_.showEndOfDay();
    const inpost = page.locator('[data-testid=end-of-day-carrier][data-carrier=inpost]');
    await expect(inpost).toContainText('InPost: 1 parcel for the next handover · 0 handed over today');
    await expect(inpost).toContainText(`${orders[0]!.number}, parcel 1 · 6200000000001`);
    await expect(page.getByTestId('end-of-day-left-out')).toContainText(
      `InPost · ${orders[1]!.number}, parcel 1: the carrier refused the shipment; it waits for a manager (Receiver phone refused)`,
    );
    await login.switchLanguage('PL');
    await expect(inpost).toContainText('InPost: 1 paczka do najbliższego przekazania · 0 przekazanych dziś');
    await expect(page.getByTestId('end-of-day-left-out')).toContainText('przewoźnik odrzucił przesyłkę');
  });
});
