import { expect, type Locator, type Page } from '@playwright/test';

/** An opened order (the packing screen grows from here). */
export class OrderPage {
  readonly title: Locator;
  readonly lines: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByTestId('order-title');
    this.lines = page.locator('table.order-lines tbody tr');
  }

  async expectOrder(orderNumber: string): Promise<void> {
    await expect(this.title).toHaveText(new RegExp(`${orderNumber}$`));
    await expect(this.lines.first()).toBeVisible();
  }

  async close(): Promise<void> {
    await this.page.getByRole('button', { name: /Back to queue|Wróć do kolejki/ }).click();
    await expect(this.title).toBeHidden();
  }
}
