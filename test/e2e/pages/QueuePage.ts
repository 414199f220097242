import { expect, type Locator, type Page } from '@playwright/test';
import { HUMAN_KEY_DELAY_MS, scanWithWedge } from './keys';

/** The packer's home: the queue of orders ready to pack. */
export class QueuePage {
  readonly search: Locator;
  readonly rows: Locator;
  readonly currentUser: Locator;
  readonly count: Locator;

  constructor(readonly page: Page) {
    this.search = page.locator('#queue-search');
    this.rows = page.getByRole('option');
    this.currentUser = page.getByTestId('current-user');
    this.count = page.getByTestId('queue-count');
  }

  async expectShown(userName: string, title = 'Orders to pack'): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(this.currentUser).toContainText(userName);
    await expect(this.rows.first()).toBeVisible();
  }

  row(orderNumber: string): Locator {
    return this.page.locator(`[role=option][data-order="${orderNumber}"]`);
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill('');
    await this.search.pressSequentially(text, { delay: HUMAN_KEY_DELAY_MS });
  }

  async clearSearch(): Promise<void> {
    await this.search.fill('');
  }

  async openByClick(orderNumber: string): Promise<void> {
    await this.row(orderNumber).click();
  }

  async scan(code: string): Promise<void> {
    await scanWithWedge(this.page, code);
  }

  /** An order shipped from this station whose label has not printed, as the queue lists it. */
  unprintedLabel(orderNumber: string): Locator {
    return this.page.locator(`[data-testid=labels-not-printed] [data-order="${orderNumber}"]`);
  }

  refusal(): Locator {
    return this.page.getByRole('alert');
  }

  async acknowledge(key: 'Enter' | 'Escape' = 'Enter'): Promise<void> {
    await this.page.keyboard.press(key);
    await expect(this.refusal()).toBeHidden();
  }

  async logout(label = 'Log out'): Promise<void> {
    await this.page.getByRole('button', { name: label }).click();
  }
}
