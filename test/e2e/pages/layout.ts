import type { Page } from '@playwright/test';

/** Boxes of every visible control that the fixed status items (print status, REC badge) overlap. */
export async function coveredControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const overlays = [...document.querySelectorAll<HTMLElement>('.print-indicator, .video-status')].filter(
      (el) => el.offsetParent !== null || getComputedStyle(el).position === 'fixed',
    );
    const controls = [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href]')].filter((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && !overlays.some((o) => o.contains(el));
    });
    const hits: string[] = [];
    for (const overlay of overlays) {
      const o = overlay.getBoundingClientRect();
      for (const control of controls) {
        const c = control.getBoundingClientRect();
        const apart = c.right <= o.left || c.left >= o.right || c.bottom <= o.top || c.top >= o.bottom;
        // A control above the overlay (a dialog over the page) is not covered by it.
        const above =
          Number(getComputedStyle(control.closest('.dialog-backdrop, .banner-overlay, .error-overlay') ?? document.body).zIndex) >
          Number(getComputedStyle(overlay).zIndex);
        if (!apart && !above)
          hits.push(
            `${overlay.className} covers ${control.tagName} "${(control.textContent || control.getAttribute('aria-label') || control.id).trim().slice(0, 40)}"`,
          );
      }
    }
    return hits;
  });
}
