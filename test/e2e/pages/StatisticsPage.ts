import { expect, type Locator, type Page } from '@playwright/test';

/** The statistics screen: the period, the figures with their definitions, the export buttons. */
export class StatisticsPage {
  readonly figures: Locator;
  readonly sources: Locator;
  readonly packers: Locator;
  readonly range: Locator;

  constructor(readonly page: Page) {
    this.figures = page.getByTestId('stats-figures');
    this.sources = page.getByTestId('stats-sources');
    this.packers = page.getByTestId('stats-packers');
    this.range = page.getByTestId('stats-range');
  }

  async open(title: string | RegExp): Promise<void> {
    await this.page.getByTestId('open-statistics').click();
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  async period(kind: string | RegExp): Promise<void> {
    await this.page
      .getByRole('group', { name: /Period|Okres/ })
      .getByRole('button', { name: kind, exact: typeof kind === 'string' })
      .click();
    await expect(this.page.getByText(/Counting…|Liczę…/)).toBeHidden();
  }

  figure(key: string): Locator {
    return this.figures.locator(`[data-figure="${key}"]`);
  }
}
