import type { PrinterAdapter, SilentPrint } from '../app/ports/printing';

/** The printer adapter over Electron's silent printing (the SilentPrint port lives in main/). */
export function createSilentPrinter(port: SilentPrint): PrinterAdapter {
  return {
    kind: 'electron',
    async print(profile, bytes, title) {
      if (profile.format !== 'pdf') return { ok: false, reason: `The system printer takes PDFs, not ${profile.format.toUpperCase()}` };
      return port.printPdf(profile.target, bytes, title);
    },
    async discover() {
      return (await port.printers()).map((p) => ({
        kind: 'electron' as const,
        target: p.name,
        description: p.isDefault ? `${p.displayName} (default)` : p.displayName,
      }));
    },
  };
}
