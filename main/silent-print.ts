import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow } from 'electron';
import type { PrintOutcome, SilentPrint } from '../src/app/ports/printing';

/** Chromium's PDF viewer lays the pages out after load; printing earlier gives blank sheets. */
const LAYOUT_MS = 800;
const LOAD_TIMEOUT_MS = 30_000;

/** A window nobody sees, with nothing but Chromium's own PDF viewer in it. */
function hiddenPrintWindow(): BrowserWindow {
  return new BrowserWindow({
    show: false,
    width: 800,
    height: 1100,
    webPreferences: {
      // Its own in-memory session: the station's session refuses file: pages, and this one holds no cookies.
      partition: 'packdesk-print',
      plugins: true,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: true,
      devTools: false,
      webSecurity: true,
    },
  });
}

function print(window: BrowserWindow, deviceName: string): Promise<PrintOutcome> {
  return new Promise((resolve) => {
    window.webContents.print({ silent: true, deviceName, printBackground: true }, (success, failureReason) => {
      resolve(success ? { ok: true, printerJobRef: null } : { ok: false, reason: `The printer ${deviceName} did not take the job: ${failureReason || 'no reason given'}` });
    });
  });
}

/**
 * The SilentPrint port in Electron: the PDF is written to a private temporary folder, opened in a
 * hidden window and printed with webContents.print({ silent, deviceName }) — no dialog, no focus
 * taken from the packing screen.
 */
export function createElectronSilentPrint(): SilentPrint {
  return {
    async printers() {
      const window = hiddenPrintWindow();
      try {
        const printers = await window.webContents.getPrintersAsync();
        return printers.map((p) => ({ name: p.name, displayName: p.displayName || p.name, isDefault: Boolean((p as { isDefault?: boolean }).isDefault) }));
      } finally {
        window.destroy();
      }
    },
    async printPdf(deviceName, pdf, title) {
      const known = (await this.printers()).some((p) => p.name === deviceName);
      if (!known) return { ok: false, reason: `There is no printer called ${deviceName} on this computer` };
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-print-'));
      const file = path.join(dir, `${title.replace(/[^A-Za-z0-9._-]+/g, '_')}.pdf`);
      const window = hiddenPrintWindow();
      try {
        fs.writeFileSync(file, pdf);
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`The PDF did not open within ${LOAD_TIMEOUT_MS / 1000} s`)), LOAD_TIMEOUT_MS);
        });
        await Promise.race([window.loadURL(pathToFileURL(file).href), timeout]).finally(() => clearTimeout(timer));
        await new Promise((resolve) => setTimeout(resolve, LAYOUT_MS));
        return await print(window, deviceName);
      } catch (error) {
        return { ok: false, reason: `Silent printing to ${deviceName} failed: ${error instanceof Error ? error.message : String(error)}` };
      } finally {
        window.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
