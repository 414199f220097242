import { randomUUID } from 'node:crypto';
import { BrowserWindow, session } from 'electron';
import type { PrintOutcome, SilentPrint } from '../src/app/ports/printing';
import { hardenPrintSession, pinPrintWindow } from './print-session';
import { PRINT_PARTITION, printJobUrl, printWindowOptions } from './print-window';
import type { ShellLog } from './shell-log';

/** Chromium's PDF viewer lays the pages out after load; printing earlier gives blank sheets. */
const LAYOUT_MS = 800;
const LOAD_TIMEOUT_MS = 30_000;

function print(window: BrowserWindow, deviceName: string): Promise<PrintOutcome> {
  return new Promise((resolve) => {
    window.webContents.print({ silent: true, deviceName, printBackground: true }, (success, failureReason) => {
      resolve(
        success
          ? { ok: true, printerJobRef: null }
          : { ok: false, reason: `The printer ${deviceName} did not take the job: ${failureReason || 'no reason given'}` },
      );
    });
  });
}

/**
 * The SilentPrint port in Electron: the PDF is served from memory on packdesk-print:// to a hidden
 * window in its own session and printed with webContents.print({ silent, deviceName }) — no
 * dialog, no focus taken from the packing screen, no copy of the document on disk.
 */
export function createElectronSilentPrint(log: ShellLog): SilentPrint {
  const jobs = new Map<string, Uint8Array>();
  let hardened = false;

  /** A window nobody sees, with nothing but Chromium's own PDF viewer in it. */
  const hiddenPrintWindow = (): BrowserWindow => {
    if (!hardened) {
      hardenPrintSession(session.fromPartition(PRINT_PARTITION), jobs, log);
      hardened = true;
    }
    const window = new BrowserWindow(printWindowOptions());
    pinPrintWindow(window.webContents, log);
    return window;
  };

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
      // Unguessable and served only while this job prints: no other page can ask for the document.
      const id = randomUUID();
      jobs.set(id, pdf);
      const window = hiddenPrintWindow();
      try {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`The PDF did not open within ${LOAD_TIMEOUT_MS / 1000} s`)), LOAD_TIMEOUT_MS);
        });
        await Promise.race([window.loadURL(printJobUrl(id, title)), timeout]).finally(() => clearTimeout(timer));
        await new Promise((resolve) => setTimeout(resolve, LAYOUT_MS));
        return await print(window, deviceName);
      } catch (error) {
        return { ok: false, reason: `Silent printing to ${deviceName} failed: ${error instanceof Error ? error.message : String(error)}` };
      } finally {
        window.destroy();
        jobs.delete(id);
      }
    },
  };
}
