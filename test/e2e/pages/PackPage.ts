import { expect, type Locator, type Page } from '@playwright/test';
import { HUMAN_KEY_DELAY_MS, scanCutOff, scanWithWedge } from './keys';

/** A packer rescans after hearing the "not read" alarm, never within half a second (scanner/wedge.ts). */
const RESCAN_AFTER_MS = 600;

/** The packing screen, driven as a packer would: scans through the wedge and the F-keys. */
export class PackPage {
  readonly title: Locator;
  readonly lines: Locator;
  readonly verdict: Locator;
  readonly overlay: Locator;
  readonly units: Locator;
  readonly blockers: Locator;
  readonly scale: Locator;
  readonly completion: Locator;
  readonly quantityField: Locator;
  /** "Scan not read — scan again", over every screen. */
  readonly notRead: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByTestId('order-title');
    this.lines = page.getByTestId('pack-line');
    this.verdict = page.getByTestId('verdict');
    this.overlay = page.getByTestId('error-overlay');
    this.units = page.getByTestId('unit');
    this.blockers = page.getByTestId('blockers');
    this.scale = page.getByTestId('scale');
    this.completion = page.getByTestId('completion');
    this.quantityField = page.locator('#pack-quantity');
    this.notRead = page.getByTestId('scan-not-read');
  }

  async expectOrder(orderNumber: string): Promise<void> {
    await expect(this.title).toHaveText(new RegExp(`${orderNumber}$`));
    await expect(this.lines.first()).toBeVisible();
  }

  line(sku: string): Locator {
    return this.page.locator(`[data-testid=pack-line][data-sku="${sku}"]`);
  }

  parcel(no = 1): Locator {
    return this.page.locator(`[data-testid=parcel][data-parcel="${no}"]`);
  }

  async expectPacked(sku: string, packed: number, ordered: number): Promise<void> {
    await expect(this.line(sku).locator('.progress-text')).toHaveText(`${packed} / ${ordered}`);
  }

  /** Scans and waits for the screen to show the verdict the core gave this very scan. */
  async scan(code: string, verdict?: string): Promise<void> {
    const before = await this.page.evaluate(() => performance.getEntriesByName('scan:verdict', 'measure').length);
    await scanWithWedge(this.page, code);
    await expect.poll(() => this.page.evaluate(() => performance.getEntriesByName('scan:verdict', 'measure').length)).toBeGreaterThan(before);
    if (verdict) await expect(this.verdict).toHaveAttribute('data-verdict', verdict);
  }

  /** A scan whose scanner stopped before the end of `code` (no Enter): the screen says it was not read. */
  async scanCutOff(code: string, text: string | RegExp = 'Scan not read — scan again'): Promise<void> {
    await scanCutOff(this.page, code);
    await expect(this.notRead).toContainText(text);
    await this.page.waitForTimeout(RESCAN_AFTER_MS);
  }

  /** Types a code into the typed-code field (F9 when it is not ready), as read off a pack, and sends it. */
  async typeCode(text: string): Promise<void> {
    const field = this.page.locator('#manual-code');
    if (!(await field.evaluate((el) => el === document.activeElement))) await this.press('F9');
    await expect(field).toBeFocused();
    await field.pressSequentially(text, { delay: HUMAN_KEY_DELAY_MS });
    await field.press('Enter');
  }

  /** An error verdict: the overlay stands until acknowledged. */
  async expectStop(text: string | RegExp): Promise<void> {
    await expect(this.overlay).toBeVisible();
    await expect(this.overlay).toContainText(text);
  }

  async acknowledge(key: 'Enter' | 'Escape' = 'Enter'): Promise<void> {
    await this.page.keyboard.press(key);
    await expect(this.overlay).toBeHidden();
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** Chooses the active parcel's box with F3 and waits until the parcel shows it (and its tare). */
  async chooseBox(code: string, parcel = 1): Promise<void> {
    await this.press('F3');
    await this.page.locator(`[data-box="${code}"]`).click();
    await expect(this.parcel(parcel)).toContainText(`${code} (`);
  }

  /** Loads the fake scale with what the active parcel should weigh (plus `offset`) and weighs with F6. */
  async weigh(load: (grams: number) => Promise<void>, offset = 0, parcel = 1): Promise<number> {
    const expected = Number(await this.parcel(parcel).getAttribute('data-expected'));
    const grams = expected + offset;
    await load(grams);
    await expect(this.scale).toHaveAttribute('data-state', 'stable');
    await expect(this.scale.locator('.scale-grams')).toHaveText(`${grams} g`);
    await this.press('F6');
    await expect(this.parcel(parcel)).toHaveAttribute('data-weight', offset === 0 ? 'ok' : /ok|bad/);
    return grams;
  }

  /** Completes with F10; the completion screen names the order and says how its label is doing. */
  async complete(orderNumber: string, text: string | RegExp = /label/i): Promise<void> {
    await expect(this.page.getByTestId('complete')).toBeEnabled();
    await this.press('F10');
    await expect(this.completion).toContainText(orderNumber);
    await expect(this.completion).toContainText(text);
  }

  /** Escape asks first; Enter confirms, and the order goes back to the queue. */
  async putBack(): Promise<void> {
    await this.press('Escape');
    await expect(this.page.getByTestId('put-back-dialog')).toBeVisible();
    await this.page.keyboard.press('Enter');
    await expect(this.title).toBeHidden();
  }
}
