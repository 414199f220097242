import type { Page } from '@playwright/test';

/** Key gap of a USB wedge scanner (they send a character every few milliseconds). */
const SCANNER_KEY_DELAY_MS = 2;

/** A steady human typist; well above the scanner gap the tests configure (fixtures.ts). */
export const HUMAN_KEY_DELAY_MS = 350;

/** Sends a code the way a keyboard-wedge scanner does: a fast burst of keys ended by Enter. */
export async function scanWithWedge(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: SCANNER_KEY_DELAY_MS });
  await page.keyboard.press('Enter');
}
