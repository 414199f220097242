import { test, expect } from './fixtures';
import { sameOrigin } from './host';
import { HUMAN_KEY_DELAY_MS } from './pages/keys';

test.describe('login', () => {
  test('a badge scan logs the packer in and logout returns to the badge screen', async ({ loginPage, queuePage, page, host }) => {
    const info = await (await page.request.post(`${host.url}api/station.info`, { headers: sameOrigin(host.url), data: {} })).json();
    await loginPage.open();
    await loginPage.scanBadge('PD-P-0001');
    await queuePage.expectShown('Anna Kowalska');
    await expect(page.getByTestId('current-station')).toContainText(info.value.station.name);
    await queuePage.logout();
    await loginPage.expectShown();
  });

  test('a wrong badge gives a loud error and never lands in the badge field', async ({ loginPage, page }) => {
    await loginPage.open();
    await expect(loginPage.badgeField).toBeFocused();
    await loginPage.scanBadge('PD-X-9999');
    await expect(loginPage.alert).toContainText('Badge not recognised');
    await expect(loginPage.alert).toHaveCSS('background-color', 'rgb(196, 0, 26)');
    await expect(loginPage.badgeField).toHaveValue('');
    await loginPage.expectShown();
    // The next scan counts at once: a packer at the login screen just scans again.
    await loginPage.scanBadge('PD-P-0002');
    await expect(page.getByTestId('current-user')).toContainText('Piotr Nowak');
  });

  test('a badge typed by hand into the field logs in too', async ({ loginPage, queuePage }) => {
    await loginPage.open();
    await loginPage.typeBadge('pd-p-0003');
    await queuePage.expectShown('Zofia Wiśniewska');
  });

  test('name and PIN log in; a wrong PIN says so', async ({ loginPage, queuePage, page }) => {
    await loginPage.open();
    await loginPage.loginWithPin('Anna Kowalska', '9999');
    await expect(loginPage.alert).toContainText('Wrong name or PIN');
    await expect(page.locator('#pin')).toHaveValue('');
    await page.locator('#pin').pressSequentially('1111', { delay: HUMAN_KEY_DELAY_MS });
    await page.locator('#pin').press('Enter');
    await queuePage.expectShown('Anna Kowalska');
  });

  test('the language switch shows Polish, and a Polish user gets Polish by default', async ({ loginPage, queuePage }) => {
    await loginPage.open();
    await loginPage.switchLanguage('PL');
    await loginPage.expectShown('Zeskanuj swój identyfikator');
    await expect(loginPage.page.locator('html')).toHaveAttribute('lang', 'pl');
    await loginPage.scanBadge('PD-X-0000');
    await expect(loginPage.alert).toContainText('Nieznany identyfikator');
    await loginPage.switchLanguage('EN');
    await loginPage.expectShown('Scan your badge');
    // Piotr Nowak's own language is Polish.
    await loginPage.scanBadge('PD-P-0002');
    await queuePage.expectShown('Piotr Nowak', 'Zamówienia do spakowania');
    await queuePage.logout('Wyloguj');
    await loginPage.expectShown('Scan your badge');
  });

  test('managers see the station settings entry, packers do not', async ({ loginPage, queuePage, page }) => {
    await loginPage.open();
    await loginPage.scanBadge('PD-P-0001');
    await queuePage.expectShown('Anna Kowalska');
    await expect(page.getByRole('button', { name: 'Settings', exact: true })).toHaveCount(0);
    await queuePage.logout();
    await loginPage.expectShown();
    await loginPage.scanBadgeWithPin('PD-M-0002', '7002');
    await queuePage.expectShown('Tomasz Lewandowski');
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('ST-01');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('a logout made elsewhere (the core) brings the screen back to login', async ({ loginPage, queuePage, page, host }) => {
    await loginPage.open();
    await loginPage.scanBadge('PD-P-0001');
    await queuePage.expectShown('Anna Kowalska');
    await page.request.post(`${host.url}api/auth.logout`, { headers: sameOrigin(host.url), data: {} });
    await loginPage.expectShown();
  });
});
