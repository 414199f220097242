import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { test, expect } from './fixtures';
import { MANAGER_PINS, sameOrigin } from './host';
import { StatisticsPage } from './pages/StatisticsPage';
import { keepScreen } from './pages/screens';

/** This month in local time, as the screen's Month button takes it (the browser runs where the test does). */
function thisMonth(): { from: string; to: string } {
  const now = new Date();
  return { from: new Date(now.getFullYear(), now.getMonth(), 1).toISOString(), to: new Date(now.getFullYear(), now.getMonth() + 1, 1).toISOString() };
}

test.describe('packer statistics', () => {
  test('a packer sees their own statistics, each figure explained, and cannot open anyone else’s', async ({ page, host, loginPage }) => {
    await page.goto(host.url);
    await loginPage.scanBadge('PD-P-0001');
    const stats = new StatisticsPage(page);
    await stats.open('My statistics');
    await stats.period('Month');
    const api = async (method: string, data: unknown) => (await page.request.post(`${host.url}api/${method}`, { headers: sameOrigin(host.url), data })).json();
    const mine = await api('stats.packer', thisMonth());
    expect(mine.ok).toBe(true);
    expect(mine.value.packer.name).toBe('Anna Kowalska');
    // The screen shows the same figures the station counts, with their definitions and sums.
    await expect(stats.figure('orders').locator('.stats-value')).toHaveText(
      new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(mine.value.figures.orders),
    );
    await expect(stats.figure('ordersPerHour')).toContainText('Orders divided by active hours.');
    await expect(stats.figure('score')).toContainText('expected');
    if (mine.value.figures.orders > 0) await expect(stats.sources.locator('tbody tr')).toHaveCount(mine.value.orders.length);
    await expect(page.getByTestId('export-xlsx')).toHaveCount(0);
    await keepScreen(page, 'statistics-packer');

    // Nobody else's: not by asking for another packer, nor for everyone.
    const users = (await api('auth.users', {})).value as { id: number; name: string; role: string }[];
    const other = users.find((u) => u.role === 'packer' && u.name !== 'Anna Kowalska')!;
    expect(await api('stats.packer', { ...thisMonth(), packerId: other.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await api('stats.packers', thisMonth())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await api('stats.export', { ...thisMonth(), format: 'xlsx' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await expect(page.getByText(other.name)).toHaveCount(0);

    // The keyboard: an earlier period with PageUp, back to the queue with Escape.
    const range = await stats.range.textContent();
    await page.keyboard.press('PageUp');
    await expect(stats.range).not.toHaveText(range ?? '');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('open-statistics')).toBeVisible();
  });

  test('a manager exports XLSX for payroll and the file opens with a row per packer', async ({ page, host, loginPage }) => {
    await page.goto(host.url);
    // This manager reads Polish.
    await loginPage.scanBadgeWithPin('PD-M-0001', MANAGER_PINS['PD-M-0001']!);
    const stats = new StatisticsPage(page);
    await stats.open('Statystyki pakowaczy');
    await stats.period('Miesiąc');
    const api = async (method: string, data: unknown) => (await page.request.post(`${host.url}api/${method}`, { headers: sameOrigin(host.url), data })).json();
    const all = (await api('stats.packers', thisMonth())).value as { packers: { packer: { name: string } }[]; total: { orders: number } };
    for (const p of all.packers) await expect(stats.packers.locator(`tr[data-packer="${p.packer.name}"]`)).toBeVisible();
    await keepScreen(page, 'statistics-manager');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/^packer-statistics-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-xlsx-')), download.suggestedFilename());
    await download.saveAs(file);
    const rows = await readSheet(fs.readFileSync(file));
    expect(rows[0]!.slice(0, 3)).toEqual(['Packer ID', 'Packer', 'Orders']);
    const users = (await api('auth.users', {})).value as { name: string; role: string }[];
    const expected = new Set([...users.filter((u) => u.role === 'packer').map((u) => u.name), ...all.packers.map((p) => p.packer.name)]);
    expect(new Set(rows.slice(1).map((r) => r[1]))).toEqual(expected);
    expect(rows.slice(1).reduce((t, r) => t + Number(r[2]), 0)).toBeCloseTo(all.total.orders, 2);
    const definitions = await readSheet(fs.readFileSync(file), 'Definitions');
    expect(definitions.map((r) => r[0])).toEqual(expect.arrayContaining(['Orders', 'Active hours', 'Score']));
    await expect(page.getByRole('status')).toContainText(download.suggestedFilename());
    fs.rmSync(path.dirname(file), { recursive: true, force: true });

    // The manager's console has them too, under F8.
    await page.keyboard.press('Escape');
    await page.getByTestId('open-console').click();
    await page.keyboard.press('F8');
    await expect(page.getByTestId('console-tab-statistics')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('heading', { level: 2, name: 'Statystyki pakowaczy' })).toBeVisible();
    await expect(page.getByTestId('export-xlsx')).toBeVisible();
  });
});
