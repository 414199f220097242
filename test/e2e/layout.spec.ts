import { SHOWCASE } from './catalog';
import { test, expect } from './fixtures';
import { MANAGER_PINS } from './host';
import { coveredControls } from './pages/layout';

for (const size of [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`the print status covers no control at ${size.width}×${size.height}`, async ({ page, loginPage, queuePage, packPage }) => {
    await page.setViewportSize(size);
    await loginPage.open();
    expect(await coveredControls(page)).toEqual([]);
    await loginPage.scanBadgeWithPin('PD-M-0002', MANAGER_PINS['PD-M-0002']!);
    await queuePage.expectShown('Tomasz Lewandowski');
    await expect(page.locator('.print-indicator')).toBeVisible();
    expect(await coveredControls(page)).toEqual([]);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await coveredControls(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await queuePage.scan(SHOWCASE.wholesale);
    await packPage.expectOrder(SHOWCASE.wholesale);
    expect(await coveredControls(page)).toEqual([]);
    await packPage.press('F9');
    expect(await coveredControls(page)).toEqual([]);
    // Escape leaves the typed-code field first; the next one asks to put the order back.
    await page.keyboard.press('Escape');
    await packPage.putBack();
  });
}
