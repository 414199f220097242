import { expect, type Locator, type Page } from '@playwright/test';

/** The console's Carriers panel (F9): accounts, their test, enable/disable, and the day's handover, by keyboard. */
export class CarriersPage {
  readonly notice: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.notice = page.getByTestId('carriers-notice');
    this.error = page.getByTestId('carriers-error');
  }

  async show(): Promise<void> {
    await this.page.keyboard.press('F9');
    await expect(this.page.getByTestId('console-tab-carriers')).toHaveAttribute('aria-selected', 'true');
  }

  account(kind: string): Locator {
    return this.page.locator(`[data-testid=carrier-account][data-kind="${kind}"]`);
  }

  /** Focuses the account's button and presses Enter, as a manager with the keyboard alone would. */
  async press(kind: string, button: string | RegExp): Promise<void> {
    await this.account(kind).getByRole('button', { name: button }).focus();
    await this.page.keyboard.press('Enter');
  }
}
