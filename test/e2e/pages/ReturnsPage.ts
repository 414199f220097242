import { expect, type Locator, type Page } from '@playwright/test';
import { HUMAN_KEY_DELAY_MS, scanWithWedge } from './keys';

/** The returns desk, driven as a handler would: scans, the keyboard, and the grading form. */
export class ReturnsPage {
  readonly screen: Locator;
  readonly query: Locator;
  readonly pane: Locator;
  readonly items: Locator;
  readonly gradeForm: Locator;
  readonly rows: Locator;
  readonly notOurs: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('returns-screen');
    this.query = page.locator('#returns-query');
    this.pane = page.getByTestId('return-pane');
    this.items = page.getByTestId('return-item');
    this.gradeForm = page.getByTestId('grade-form');
    this.rows = page.getByTestId('returns-row');
    this.notOurs = page.getByTestId('not-ours-pane');
    this.error = page.getByTestId('returns-error');
  }

  async expectShown(): Promise<void> {
    await expect(this.screen).toBeVisible();
  }

  scan(code: string): Promise<void> {
    return scanWithWedge(this.page, code);
  }

  candidate(orderNumber: string): Locator {
    return this.page.locator(`[data-testid=return-candidate][data-order="${orderNumber}"]`);
  }

  /** Grades the selected item with the keyboard-reachable selects, then saves it. */
  async grade(grade: { condition: string; disposition: string; reason?: string; note?: string; packingError?: boolean }): Promise<void> {
    const form = this.gradeForm;
    await expect(form.locator('select[name=condition]')).toBeFocused();
    await form.locator('select[name=condition]').selectOption(grade.condition);
    await form.locator('select[name=disposition]').selectOption(grade.disposition);
    if (grade.reason) await form.locator('select[name=reason]').selectOption(grade.reason);
    if (grade.note) await form.locator('input[name=note]').pressSequentially(grade.note, { delay: HUMAN_KEY_DELAY_MS / 10 });
    if (grade.packingError) await form.locator('input[name=packing-error]').check();
    await form.getByRole('button', { name: 'Save grade' }).click();
  }

  row(orderNumber: string): Locator {
    return this.page.locator(`[data-testid=returns-row][data-order="${orderNumber}"]`);
  }
}
