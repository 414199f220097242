import { expect, type Page } from '@playwright/test';
import { DemoCatalog } from './catalog';
import { test } from './fixtures';
import { MANAGER_PINS, ordersInState, sameOrigin } from './host';
import { ReviewPage } from './pages/ReviewPage';
import { ReturnsPage } from './pages/ReturnsPage';
import { keepScreen } from './pages/screens';

const HANDLER = 'PD-R-0001';
const PACKER = 'PD-P-0001';
const MANAGER = 'PD-M-0001';
const RETURNS_DESK = '/?station=ST-03';

/** Opens the page at a station and waits for its login screen (ST-03 speaks Polish until someone chooses). */
async function atStation(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('#badge-code')).toBeVisible();
}

/** A shipped demo order of plain items: the one the handler takes back, and which the manager then reviews. */
function returnableOrder(dataDir: string): { order: string; code: string } {
  const catalog = new DemoCatalog(dataDir);
  const shipped = ordersInState(dataDir, 'shipped');
  const order = catalog.plainOrders(shipped)[0];
  if (!order) throw new Error('the demo has no plain shipped order');
  const code = catalog.line(order, 0).codes.find((c) => c.units === 1)!.code;
  return { order, code };
}

test.describe.configure({ mode: 'serial' });

/** Chromium's fake camera, so the desk's photo is a real still from a video stream. */
test.use({
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});

test.describe('the returns desk', () => {
  test('a returns handler takes back a shipped order by its slip code: one item damaged, one wrong, a refund', async ({ page, host, loginPage }) => {
    const { order, code } = returnableOrder(host.dataDir);
    const stranger = new DemoCatalog(host.dataDir).strangerCode(order);
    await atStation(page, RETURNS_DESK);
    await loginPage.scanBadge(HANDLER);
    const desk = new ReturnsPage(page);
    await desk.expectShown();
    await page.getByRole('button', { name: 'EN', exact: true }).click();

    // The slip's return barcode identifies the order, with what was shipped.
    await desk.scan(`RET-${order}`);
    await expect(desk.candidate(order)).toBeVisible();
    await expect(desk.candidate(order)).toContainText('slip return code');
    await expect(desk.candidate(order)).toContainText(/Shipped .* in 1 parcel/);
    // The handler does not see who packed it before deciding.
    await expect(desk.candidate(order)).not.toContainText('packed by');
    await keepScreen(page, 'returns-identified');
    // Enter opens the chosen candidate as a withdrawal.
    await expect(desk.query).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(desk.pane).toHaveAttribute('data-stage', 'open');
    await expect(page.getByTestId('eligibility')).toContainText('Allowed by the rules');
    await expect(desk.pane.getByTestId('deadline')).toContainText(/Refund due: \d{4}-\d{2}-\d{2} · .* left/);

    // An item we shipped, damaged through poor packing, confirmed as a packing error.
    await desk.scan(code);
    await expect(page.getByTestId('item-scan-result')).toContainText('Matched');
    await desk.grade({ condition: 'damaged', disposition: 'scrap', reason: 'damaged_poor_packing', packingError: true });
    await expect(desk.items.first()).toHaveAttribute('data-condition', 'damaged');
    // F6: a photo of the damaged item from the station camera, Enter takes it.
    await page.keyboard.press('F6');
    const photo = page.getByTestId('returns-photo');
    await expect(photo.getByRole('button', { name: 'Take photo (Enter)' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(photo.getByRole('status')).toContainText('Photo saved.');
    await page.keyboard.press('Escape');
    await expect(photo).toBeHidden();
    await expect(desk.pane).toContainText('Photos: 1');

    // An item we did not ship on this order: recorded as a wrong item.
    await desk.scan(stranger);
    await expect(page.getByTestId('item-scan-result')).toContainText('Wrong item');
    await expect(desk.items).toHaveCount(2);
    await desk.grade({ condition: 'wrong_item', disposition: 'to_customer', note: 'not ours' });
    await expect(desk.items.nth(1)).toHaveAttribute('data-condition', 'wrong_item');
    await keepScreen(page, 'returns-graded');

    // F8 decides: a refund typed in the dialog.
    await page.keyboard.press('F8');
    const decide = page.getByTestId('returns-decide');
    await expect(decide).toBeVisible();
    await decide.getByLabel('Refund amount').fill('49,90');
    await decide.getByLabel('Refund amount').press('Enter');
    await expect(decide).toBeHidden();
    await expect(desk.pane).toHaveAttribute('data-stage', 'awaiting_refund');
    await expect(page.getByTestId('decision')).toContainText('49.90');
    // Decided: now the packer whose error it was is named.
    await expect(page.getByTestId('packer-after-decision').first()).toContainText('packed by');
    await expect(desk.items.first()).toContainText('Packing error of');

    // F3: the list of open returns by deadline has it.
    await page.keyboard.press('F3');
    await expect(desk.row(order)).toBeVisible();
    await keepScreen(page, 'returns-list');
  });

  test('a manager opens the order’s timeline from the returns desk and sees it packed and returned', async ({ page, host, loginPage }) => {
    const { order } = returnableOrder(host.dataDir);
    await atStation(page, RETURNS_DESK);
    await loginPage.scanBadgeWithPin(MANAGER, MANAGER_PINS[MANAGER]!);
    const desk = new ReturnsPage(page);
    // A manager at the returns desk lands on it, and can switch to packing.
    await desk.expectShown();
    await expect(page.getByTestId('desk-switch')).toBeVisible();
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.keyboard.press('F3');
    await desk.row(order).getByRole('button').click();
    await expect(desk.pane).toHaveAttribute('data-stage', 'awaiting_refund');
    await page.keyboard.press('F10');
    const review = new ReviewPage(page);
    await expect(review.order).toContainText(order);
    await expect(review.entry('pack.completed')).toHaveCount(1);
    await expect(review.entry('returns.opened')).toHaveCount(1);
    await expect(review.entry('returns.decided')).toHaveCount(1);
    await keepScreen(page, 'returns-timeline');
    // Escape leaves the review: back at the return.
    await page.keyboard.press('Escape');
    await expect(desk.pane).toBeVisible();
    // The switch takes the manager to packing and back.
    await page.getByTestId('desk-switch').click();
    await expect(desk.screen).toBeHidden();
    await page.getByTestId('desk-switch').click();
    await desk.expectShown();
  });

  test('a returns handler reads the timeline of the return’s order, with no search and no evidence export', async ({ page, host, loginPage }) => {
    const { order } = returnableOrder(host.dataDir);
    await atStation(page, RETURNS_DESK);
    await loginPage.scanBadge(HANDLER);
    const desk = new ReturnsPage(page);
    await desk.expectShown();
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.keyboard.press('F3');
    // The return the first test decided: its order has a return, so its timeline is the handler's to read.
    await desk.row(order).getByRole('button').click();
    await page.getByTestId('return-timeline').click();
    const review = new ReviewPage(page);
    await expect(review.order).toContainText(order);
    await expect(review.entry('pack.completed')).toHaveCount(1);
    await expect(review.entry('returns.decided')).toHaveCount(1);
    await expect(page.getByTestId('export-evidence')).toHaveCount(0);
    await expect(page.locator('#review-query')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(desk.pane).toBeVisible();
  });

  test('a parcel that matches nothing is recorded as not ours, and later linked to its order', async ({ page, host, loginPage }) => {
    const { order } = returnableOrder(host.dataDir);
    await atStation(page, RETURNS_DESK);
    await loginPage.scanBadge(HANDLER);
    const desk = new ReturnsPage(page);
    await desk.expectShown();
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await desk.scan('ZZ-NOBODY-4711');
    await expect(page.getByTestId('returns-nothing')).toContainText('Nothing matches');
    await page.keyboard.press('F4');
    const form = page.getByTestId('returns-not-ours');
    await expect(form.getByLabel('Sender’s name (from the label)')).toBeFocused();
    await form.getByLabel('Sender’s name (from the label)').fill('Jan Obcy');
    await form.getByLabel('Sender’s address').fill('ul. Długa 1, 00-001 Warszawa');
    await form.getByLabel('Tracking number').fill('TRK-NOT-OURS-1');
    await expect(form.getByLabel('What was scanned')).toHaveValue('ZZ-NOBODY-4711');
    await form.getByRole('button', { name: 'Record' }).click();
    await expect(desk.notOurs).toHaveAttribute('data-status', 'held');
    const number = await desk.notOurs.getAttribute('data-number');
    expect(number).toMatch(/^NOP-\d{4}-\d{6}$/);
    await keepScreen(page, 'returns-not-ours');

    // Later: it is found again by its tracking number, and linked to the order it belongs to.
    await page.keyboard.press('Escape');
    await desk.scan('TRK-NOT-OURS-1');
    await page.getByRole('button', { name: new RegExp(number!) }).click();
    await desk.notOurs.getByLabel('It is ours after all: order number').fill(order);
    await desk.notOurs.getByRole('button', { name: 'Link to order' }).click();
    await expect(desk.notOurs).toHaveAttribute('data-status', 'linked');
    await expect(desk.notOurs).toContainText(`Linked to order ${order}`);
  });

  test('a packer cannot reach the returns desk, and a returns handler’s scan of an order number never opens packing', async ({ page, host, loginPage }) => {
    const ready = ordersInState(host.dataDir, 'ready')[0]!;
    // A packer at the returns desk's station gets the packing queue, with no way to the desk.
    await atStation(page, RETURNS_DESK);
    await loginPage.scanBadge(PACKER);
    await expect(page.locator('#queue-search')).toBeVisible();
    await expect(page.getByTestId('returns-screen')).toBeHidden();
    await expect(page.getByTestId('desk-switch')).toHaveCount(0);
    const refused = await page.request.post(`${host.url}api/returns.list`, { headers: { ...sameOrigin(host.url), 'x-packdesk-station': 'ST-03' }, data: {} });
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    await page.getByRole('button', { name: /Log out|Wyloguj/ }).click();

    // A returns handler at a packing station lands on the returns desk; an order number scanned
    // there is looked up as a parcel, never opened for packing.
    await atStation(page, '/?station=ST-01');
    await loginPage.scanBadge(HANDLER);
    const desk = new ReturnsPage(page);
    await desk.expectShown();
    await desk.scan(ready);
    await expect(desk.candidate(ready)).toBeVisible();
    await expect(page.locator('.pack-screen')).toHaveCount(0);
    expect(ordersInState(host.dataDir, 'ready')).toContain(ready);
    // And the core refuses it too, whatever screen sends it.
    const scan = await page.request.post(`${host.url}api/scan.submit`, {
      headers: { ...sameOrigin(host.url), 'x-packdesk-station': 'ST-01' },
      data: { data: ready, symbology: null, source: 'manual' },
    });
    expect(((await scan.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  });
});
