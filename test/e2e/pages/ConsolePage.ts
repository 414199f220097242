import { expect, type Locator, type Page } from '@playwright/test';
import { LoginPage } from './LoginPage';

/** The manager's console: the shift at a glance and the journal, driven by its keys. */
export class ConsolePage {
  constructor(readonly page: Page) {}

  /** A manager logs in by badge and PIN, reads the screen in English, and opens the console: how every console test begins. */
  static async openAsManager(page: Page, url: string, badge: string, pin: string): Promise<{ console: ConsolePage; login: LoginPage }> {
    await page.goto(url);
    const login = new LoginPage(page);
    await login.scanBadgeWithPin(badge, pin);
    await expect(page.getByTestId('current-user')).toBeVisible();
    await login.switchLanguage('EN');
    const opened = new ConsolePage(page);
    await opened.open();
    return { console: opened, login };
  }

  async open(): Promise<void> {
    await this.page.getByTestId('open-console').click();
    await expect(this.page.getByRole('heading', { level: 1, name: /console|Konsola/ })).toBeVisible();
  }

  async showShift(): Promise<void> {
    await this.page.keyboard.press('F1');
    await expect(this.page.getByTestId('console-tab-shift')).toHaveAttribute('aria-selected', 'true');
  }

  async showJournal(): Promise<void> {
    await this.page.keyboard.press('F2');
    await expect(this.page.getByTestId('console-tab-journal')).toHaveAttribute('aria-selected', 'true');
  }

  async showStations(): Promise<void> {
    await this.page.keyboard.press('F7');
    await expect(this.page.getByTestId('console-tab-stations')).toHaveAttribute('aria-selected', 'true');
  }

  async showEndOfDay(): Promise<void> {
    await this.page.keyboard.press('F10');
    await expect(this.page.getByTestId('console-tab-endOfDay')).toHaveAttribute('aria-selected', 'true');
  }

  /** A station's row under Shifts (Stations tab). */
  shiftPattern(id: string): Locator {
    return this.page.locator(`[data-testid=shift-pattern][data-station="${id}"]`);
  }

  station(id: string): Locator {
    return this.page.locator(`[data-testid=shift-station][data-station="${id}"]`);
  }

  stuckOrder(orderNumber: string): Locator {
    return this.page.locator(`[data-testid=stuck-order][data-order="${orderNumber}"]`);
  }

  get journalEntries(): Locator {
    return this.page.getByTestId('journal-entry');
  }
}
