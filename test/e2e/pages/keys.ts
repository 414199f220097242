import type { Page } from '@playwright/test';

/** Key gap of a USB wedge scanner (they send a character every few milliseconds). */
const SCANNER_KEY_DELAY_MS = 2;

/** A steady human typist; well above the scanner gap the tests configure (fixtures.ts). */
export const HUMAN_KEY_DELAY_MS = 350;

/** The GS separator (FNC1) inside GS1 element strings. */
export const GS = '\x1d';

/**
 * Waits until the page has painted a frame and run what was queued behind it. DevTools hands a key
 * to the page only once the page took the one before, so keys sent while the page is busy (a
 * screen just opened, the camera starting) arrive hundreds of milliseconds apart and are rightly
 * not one scan; a scanner's keys carry their own times however busy the page is.
 */
async function pageAtRest(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/**
 * Sends a code the way a keyboard-wedge scanner does: a fast burst of keys ended by Enter. A GS
 * goes out as the scanner's configured substitute, Ctrl+] (renderer/scanner/wedge.ts).
 */
export async function scanWithWedge(page: Page, code: string): Promise<void> {
  await pageAtRest(page);
  const parts = code.split(GS);
  for (const [i, part] of parts.entries()) {
    if (i > 0) await page.keyboard.press('Control+BracketRight', { delay: SCANNER_KEY_DELAY_MS });
    if (part) await page.keyboard.type(part, { delay: SCANNER_KEY_DELAY_MS });
  }
  await page.keyboard.press('Enter');
}

/**
 * A slow or wireless wedge scanner: each key of `code` the matching `gapsMs` after the one before
 * (Enter after the last), so a test sets the pace and jitter.
 */
export async function scanWithSlowWedge(page: Page, code: string, gapsMs: readonly number[]): Promise<void> {
  const keys = [...code, 'Enter'];
  for (const [i, key] of keys.entries()) {
    if (i > 0) await page.waitForTimeout(gapsMs[(i - 1) % gapsMs.length]!);
    await page.keyboard.press(key);
  }
}

/** A scan cut off before its end: the keys of `code` at a scanner's pace, and no Enter. */
export async function scanCutOff(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: SCANNER_KEY_DELAY_MS });
}
