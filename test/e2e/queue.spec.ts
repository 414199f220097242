import { test, expect } from './fixtures';
import { sameOrigin } from './host';

test.describe('order queue', () => {
  test.beforeEach(async ({ loginPage, queuePage }) => {
    await loginPage.open();
    await loginPage.scanBadge('PD-P-0001');
    await queuePage.expectShown('Anna Kowalska');
  });

  test('search by number, customer and SKU; open by click and close', async ({ queuePage, packPage, demoOrders, page }) => {
    const target = demoOrders.ready[5];
    expect(target).toBeDefined();
    const number = target as string;

    await queuePage.searchFor(number);
    await expect(queuePage.rows).toHaveCount(1);
    await expect(queuePage.row(number)).toBeVisible();

    // The customer of that order finds it by name.
    const customer = (await queuePage.row(number).locator('span').nth(1).textContent()) ?? '';
    await queuePage.searchFor(customer.split(' ')[1] ?? customer);
    await expect(queuePage.row(number)).toBeVisible();

    await queuePage.openByClick(number);
    await packPage.expectOrder(number);
    const sku = (await packPage.lines.first().getAttribute('data-sku')) ?? '';
    await packPage.putBack();

    await queuePage.searchFor(sku);
    await expect(queuePage.row(number)).toBeVisible();
    await queuePage.clearSearch();
    await expect(page.getByRole('option').first()).toBeVisible();
  });

  test('scanning an order number opens it, even with the cursor in the search field', async ({ queuePage, packPage, demoOrders, page }) => {
    const number = demoOrders.ready[2] as string;
    await queuePage.search.focus();
    await queuePage.scan(number);
    await packPage.expectOrder(number);
    // Escape asks before putting the order back: a second Escape keeps packing.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('put-back-dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('put-back-dialog')).toBeHidden();
    await packPage.expectOrder(number);
    await packPage.putBack();
    await expect(queuePage.search).toHaveValue('');
  });

  test('an order number typed by hand into the search field opens with Enter', async ({ queuePage, packPage, demoOrders }) => {
    const number = demoOrders.ready[9] as string;
    await queuePage.searchFor(number);
    await expect(queuePage.search).toHaveValue(number);
    await queuePage.search.press('Enter');
    await packPage.expectOrder(number);
    await packPage.putBack();
  });

  test('Enter opens no order the packer did not choose (an Enter meant for the completion screen)', async ({ queuePage, packPage, page }) => {
    await queuePage.search.focus();
    await expect(queuePage.rows.first()).toBeVisible();
    await expect(queuePage.rows.first()).not.toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    // Whatever the station answers, it must not be an opened order: wait for the queue to settle.
    await page.waitForLoadState('networkidle');
    await expect(packPage.title).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Orders to pack' })).toBeVisible();
  });

  test('arrows choose a row and Enter opens it', async ({ queuePage, packPage, page }) => {
    await queuePage.search.focus();
    await page.keyboard.press('ArrowDown');
    const second = await queuePage.rows.nth(1).getAttribute('data-order');
    await expect(queuePage.rows.nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await packPage.expectOrder(second as string);
    await packPage.putBack();
  });

  test('a cancelled order is refused loudly until acknowledged', async ({ queuePage, packPage, demoOrders }) => {
    const cancelled = demoOrders.cancelled[0] as string;
    await queuePage.scan(cancelled);
    await expect(queuePage.refusal()).toContainText(`Order ${cancelled} cannot be packed`);
    await expect(queuePage.refusal()).toContainText('This order was cancelled');
    // While the error stands, another scan does not count.
    await queuePage.scan(demoOrders.ready[0] as string);
    await expect(packPage.title).toBeHidden();
    await queuePage.acknowledge('Enter');
    await queuePage.scan('NO-SUCH-ORDER');
    await expect(queuePage.refusal()).toContainText('No order with this number');
    await queuePage.acknowledge('Escape');
  });

  test('an order on hold is refused with its reason in Polish', async ({ queuePage, demoOrders, loginPage }) => {
    test.skip(demoOrders.onHold.length === 0, 'the demo shop has no order on hold');
    await queuePage.page.getByRole('button', { name: 'PL', exact: true }).click();
    await queuePage.scan(demoOrders.onHold[0] as string);
    await expect(queuePage.refusal()).toContainText('To zamówienie jest wstrzymane');
    await queuePage.acknowledge();
    // Anna chose Polish for herself; put it back so her next login is in English again.
    await queuePage.page.getByRole('button', { name: 'EN', exact: true }).click();
    await queuePage.logout();
    await loginPage.expectShown();
  });
});

test.describe('stations', () => {
  test('an order open at another station is refused, naming that station', async ({ loginPage, queuePage, demoOrders, page, host }) => {
    const number = demoOrders.ready[7] as string;
    const elsewhere = { 'x-packdesk-station': 'ST-02' };
    await page.request.post(`${host.url}api/auth.badge`, { headers: { ...elsewhere, ...sameOrigin(host.url) }, data: { badge: 'PD-P-0004' } });
    const opened = await page.request.post(`${host.url}api/pack.open`, { headers: { ...elsewhere, ...sameOrigin(host.url) }, data: { code: number } });
    expect((await opened.json()).ok).toBe(true);
    try {
      await loginPage.open();
      await loginPage.scanBadge('PD-P-0001');
      await queuePage.expectShown('Anna Kowalska');
      await queuePage.scan(number);
      await expect(queuePage.refusal()).toContainText('This order is open at station ST-02');
      await queuePage.acknowledge();
    } finally {
      // A station resumes the order it holds at the next login: put it back for the tests after this one.
      await page.request.post(`${host.url}api/pack.close`, { headers: { ...elsewhere, ...sameOrigin(host.url) }, data: {} });
      await page.request.post(`${host.url}api/auth.logout`, { headers: { ...elsewhere, ...sameOrigin(host.url) }, data: {} });
    }
  });

  test('?station= in the address makes the page that station, in its language', async ({ loginPage, queuePage, page }) => {
    await page.goto('/?station=ST-02');
    await loginPage.expectShown('Zeskanuj swój identyfikator');
    await loginPage.scanBadge('PD-P-0003');
    await queuePage.expectShown('Zofia Wiśniewska', 'Zamówienia do spakowania');
    await expect(page.getByTestId('current-station')).toContainText('2');
    await queuePage.logout('Wyloguj');
    await loginPage.expectShown('Zeskanuj swój identyfikator');
  });
});
