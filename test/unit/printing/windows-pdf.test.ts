import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CommandRunner } from '../../../src/printing/command';
import { createWindowsPdfPrinter, sumatraArguments } from '../../../src/printing/windows-pdf';

describe('Windows PDF printing through SumatraPDF', () => {
  it('builds the silent print command line', () => {
    expect(sumatraArguments('Brother HL-L2350DW', 'C:\\Temp\\slip.pdf')).toEqual([
      '-print-to',
      'Brother HL-L2350DW',
      '-silent',
      '-print-settings',
      'noscale',
      'C:\\Temp\\slip.pdf',
    ]);
  });

  it('hands SumatraPDF a file with the exact bytes, then removes it', async () => {
    const seen: { file: string; args: string[]; bytes: Buffer }[] = [];
    const run: CommandRunner = async (file, args) => {
      const pdf = args.at(-1) as string;
      seen.push({ file, args, bytes: fs.readFileSync(pdf) });
      return { code: 0, stdout: '', stderr: '', startError: null };
    };
    const printer = createWindowsPdfPrinter({ sumatraPath: 'C:\\Packdesk\\SumatraPDF.exe', run });
    const bytes = Buffer.from('%PDF-1.7 test');
    expect(await printer.print({ target: 'Office', format: 'pdf', raw: false }, bytes, 'Slip PD-1')).toEqual({ ok: true, printerJobRef: null });
    expect(seen[0]?.file).toBe('C:\\Packdesk\\SumatraPDF.exe');
    expect(seen[0]?.args.slice(0, 5)).toEqual(['-print-to', 'Office', '-silent', '-print-settings', 'noscale']);
    expect(seen[0]?.bytes.equals(bytes)).toBe(true);
    expect(fs.existsSync(seen[0]?.args.at(-1) as string)).toBe(false);
  });

  it('refuses ZPL with a reason and reports a SumatraPDF failure', async () => {
    const failing = createWindowsPdfPrinter({
      sumatraPath: 'S.exe',
      run: async () => ({ code: 1, stdout: '', stderr: 'printer not found', startError: null }),
    });
    expect(await failing.print({ target: 'X', format: 'zpl', raw: true }, new Uint8Array(), 't')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('raw 9100'),
    });
    expect(await failing.print({ target: 'X', format: 'pdf', raw: false }, new Uint8Array(), 't')).toEqual({
      ok: false,
      reason: 'Printing to X failed: printer not found',
    });
  });
});
