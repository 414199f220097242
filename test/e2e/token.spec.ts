import { startHost, type RunningHost } from './host';
import { test, expect } from './fixtures';

/** A host started with --token: the page must carry the token, and must not show it. */
test.describe('access token', () => {
  let guarded: RunningHost;

  test.beforeAll(async ({ host }) => {
    // A second host on the same demo data: only this one asks for a token.
    // The token comes from the environment (or --token-file), never from argv where `ps` shows it.
    guarded = await startHost(host.dataDir, [], { PACKDESK_TOKEN: 'e2e-secret-token' });
  });

  test.afterAll(async () => {
    await guarded?.stop();
  });

  test('without the token the station says what is missing', async ({ page }) => {
    await page.goto(guarded.url);
    await expect(page.getByRole('alert')).toContainText('needs the station access token');
  });

  test('with ?token= the station works and the token leaves the address bar', async ({ page, loginPage, queuePage }) => {
    await page.goto(`${guarded.url}?token=e2e-secret-token`);
    await loginPage.expectShown();
    expect(page.url()).not.toContain('e2e-secret-token');
    await loginPage.scanBadge('PD-P-0005');
    await queuePage.expectShown('Olena Bondarenko');
    // A reload keeps working: the token was traded for this browser's cookie.
    await page.reload();
    await queuePage.expectShown('Olena Bondarenko');
    await queuePage.logout();
    await loginPage.expectShown();
  });
});
