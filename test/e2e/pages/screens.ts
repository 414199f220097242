import path from 'node:path';
import type { Page } from '@playwright/test';

/**
 * With PACKDESK_SCREENS=1 the packing tests keep a picture of each state they reach
 * (test-results/screens/), to look at the screen as a packer would; otherwise nothing.
 */
export async function keepScreen(page: Page, name: string): Promise<void> {
  if (!process.env.PACKDESK_SCREENS) return;
  await page.screenshot({ path: path.join('test-results', 'screens', `${name}.png`) });
}
