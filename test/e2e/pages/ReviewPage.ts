import { expect, type Locator, type Page } from '@playwright/test';
import { scanWithWedge } from './keys';

/** The manager's order review: search, the journal entries of an order, its video and the evidence export. */
export class ReviewPage {
  readonly search: Locator;
  readonly entries: Locator;
  readonly chain: Locator;
  readonly video: Locator;
  readonly order: Locator;

  constructor(readonly page: Page) {
    this.search = page.locator('#review-query');
    this.entries = page.getByTestId('timeline-entry');
    this.chain = page.getByTestId('chain-badge');
    this.video = page.locator('.review-video video');
    this.order = page.getByTestId('review-order');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('open-review').click();
    await expect(this.search).toBeFocused();
  }

  /** Types what a manager has in hand (order number, tracking number, serial) and presses Enter. */
  async find(query: string, orderNumber = query): Promise<void> {
    await this.search.fill(query);
    await this.search.press('Enter');
    await expect(this.order).toContainText(orderNumber);
  }

  /** A scan of a parcel label, pick list or serial with the wedge scanner, wherever the focus is. */
  async scan(code: string, orderNumber = code): Promise<void> {
    await scanWithWedge(this.page, code);
    await expect(this.order).toContainText(orderNumber);
  }

  entry(type: string): Locator {
    return this.page.locator(`[data-testid=timeline-entry][data-type="${type}"]`);
  }

  /** Picks an entry with the keyboard: focus its time and press Enter. */
  async pick(entry: Locator): Promise<void> {
    const time = entry.locator('button.entry-time');
    await time.focus();
    await this.page.keyboard.press('Enter');
    await expect(time).toHaveAttribute('aria-pressed', 'true');
  }

  async videoTime(): Promise<number> {
    return this.video.evaluate((v: HTMLVideoElement) => v.currentTime);
  }

  /** Exports the evidence package and saves the download; resolves to where it was saved. */
  async exportEvidence(to: string): Promise<string> {
    await this.page.getByTestId('export-evidence').click();
    const link = this.page.getByTestId('evidence-download');
    await expect(link).toBeVisible({ timeout: 30_000 });
    const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
    await download.saveAs(to);
    return to;
  }
}
