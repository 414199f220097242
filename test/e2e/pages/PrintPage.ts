import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { sameOrigin } from '../host';

/** The print status in the corner and its queue panel, and the station's printer setup through the API. */
export class PrintPage {
  readonly indicator: Locator;
  readonly jobs: Locator;

  constructor(readonly page: Page) {
    this.indicator = page.getByTestId('print-indicator');
    this.jobs = page.getByTestId('print-job');
  }

  async expectState(state: 'ok' | 'busy' | 'failed', text?: string | RegExp): Promise<void> {
    await expect(this.indicator).toHaveAttribute('data-state', state, { timeout: 20_000 });
    if (text) await expect(this.indicator).toContainText(text);
  }

  async openQueue(): Promise<void> {
    await this.indicator.click();
    await expect(this.page.getByRole('dialog', { name: 'Print queue' })).toBeVisible();
  }

  async closeQueue(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.page.getByRole('dialog', { name: 'Print queue' })).toBeHidden();
  }
}

/** Calls the station's API as a manager would from the settings screen. */
export async function asManager(request: APIRequestContext, url: string, calls: [string, unknown][]): Promise<void> {
  const post = async (method: string, input: unknown) => {
    const response = await request.post(`${url}api/${method}`, { headers: sameOrigin(url), data: input });
    const body = (await response.json()) as { ok: boolean; error?: { code: string; message: string } };
    if (!body.ok) throw new Error(`${method}: ${body.error?.code} ${body.error?.message}`);
  };
  await post('auth.badge', { badge: 'PD-M-0002', pin: '7002' });
  try {
    for (const [method, input] of calls) await post(method, input);
  } finally {
    await post('auth.logout', {});
  }
}
