import { expect, type Locator, type Page } from '@playwright/test';
import { HUMAN_KEY_DELAY_MS, scanWithWedge } from './keys';

/** The login screen, driven as a packer would: badge scan, or name + PIN, and the language switch. */
export class LoginPage {
  readonly badgeField: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.badgeField = page.locator('#badge-code');
    this.alert = page.getByRole('alert');
  }

  async open(query = ''): Promise<void> {
    await this.page.goto(`/${query}`);
    await this.expectShown();
  }

  async expectShown(title = 'Scan your badge'): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  /**
   * A packer scans once the screen asks for the badge. Keys sent while the page still starts meet
   * a renderer too busy to take them: DevTools hands the next key over only when the last was
   * taken, so the scan's keys arrive hundreds of milliseconds apart and are rightly not one scan.
   * A scanner's keys arrive at its own pace however busy the page is.
   */
  private async readyForBadge(): Promise<void> {
    await expect(this.badgeField).toBeVisible();
  }

  async scanBadge(code: string): Promise<void> {
    await this.readyForBadge();
    await scanWithWedge(this.page, code);
  }

  /** Managers and admins: the badge, then the PIN the screen asks for. */
  async scanBadgeWithPin(code: string, pin: string): Promise<void> {
    await this.readyForBadge();
    await scanWithWedge(this.page, code);
    const pinField = this.page.locator('#pin');
    await expect(pinField).toBeFocused();
    await pinField.pressSequentially(pin, { delay: HUMAN_KEY_DELAY_MS });
    await pinField.press('Enter');
  }

  /** No scanner: the packer types the code into the badge field and presses Enter. */
  async typeBadge(code: string): Promise<void> {
    await this.badgeField.focus();
    await this.badgeField.pressSequentially(code, { delay: HUMAN_KEY_DELAY_MS });
    await this.badgeField.press('Enter');
  }

  async loginWithPin(name: string, pin: string, choosePinLabel = 'Choose your name + PIN'): Promise<void> {
    await this.page.getByRole('button', { name: choosePinLabel }).click();
    const user = this.page.getByRole('button', { name: new RegExp(`^${name}`) });
    await user.focus();
    await this.page.keyboard.press('Enter');
    const pinField = this.page.locator('#pin');
    await expect(pinField).toBeFocused();
    await pinField.pressSequentially(pin, { delay: HUMAN_KEY_DELAY_MS });
    await pinField.press('Enter');
  }

  async switchLanguage(code: 'EN' | 'PL'): Promise<void> {
    await this.page.getByRole('button', { name: code, exact: true }).click();
  }
}
