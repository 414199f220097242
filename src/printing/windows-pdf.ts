import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PrinterAdapter } from '../app/ports/printing';
import { runCommand, type CommandRunner } from './command';

/**
 * SumatraPDF's command line for silent printing to a named Windows printer (as pdf-to-printer
 * does): `-print-to NAME -silent`, with "noscale" so a 4×6 label prints at its true size.
 */
export function sumatraArguments(printer: string, file: string, settings = 'noscale'): string[] {
  return ['-print-to', printer, '-silent', '-print-settings', settings, file];
}

/** PowerShell's printer list, one name a line. */
export const LIST_PRINTERS = ['-NoProfile', '-Command', 'Get-Printer | Select-Object -ExpandProperty Name'];

export interface WindowsPdfOptions {
  /** Path of SumatraPDF.exe, shipped with the Windows build. */
  sumatraPath: string;
  run?: CommandRunner;
  tempDir?: string;
}

/** PDFs to Windows printers through SumatraPDF; ZPL/EPL go raw over 9100 instead. */
export function createWindowsPdfPrinter(options: WindowsPdfOptions): PrinterAdapter {
  const run = options.run ?? runCommand;
  return {
    kind: 'windows_pdf',
    async print(profile, bytes, title) {
      if (profile.format !== 'pdf') return { ok: false, reason: `Windows printing takes PDFs; ${profile.format.toUpperCase()} needs a raw 9100 printer` };
      const dir = fs.mkdtempSync(path.join(options.tempDir ?? os.tmpdir(), 'packdesk-print-'));
      const file = path.join(dir, `${title.replace(/[^A-Za-z0-9._-]+/g, '_')}.pdf`);
      try {
        fs.writeFileSync(file, bytes);
        const result = await run(options.sumatraPath, sumatraArguments(profile.target, file), { timeoutMs: 60_000 });
        if (result.startError) return { ok: false, reason: `SumatraPDF: ${result.startError}` };
        if (result.code !== 0)
          return { ok: false, reason: `Printing to ${profile.target} failed: ${result.stderr.trim() || `SumatraPDF exited ${result.code}`}` };
        return { ok: true, printerJobRef: null };
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    async discover() {
      const result = await run('powershell.exe', LIST_PRINTERS);
      if (result.startError || result.code !== 0) return [];
      return result.stdout
        .split(/\r?\n/)
        .map((n) => n.trim())
        .filter(Boolean)
        .map((name) => ({ kind: 'windows_pdf' as const, target: name, description: name }));
    },
  };
}
