import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCupsPrinter, lpArguments, parseLpJobId, parseLpstat } from '../../../src/printing/cups';
import { createDocumentRenderer } from '../../../src/documents/renderer';
import { labelInput } from '../../fixtures/documents/inputs';
import { cupsMissing, cupsPdfOutDir, startCups, type TestCups } from './cupsd';
import { listen } from './listener';
import { pdfInfo } from '../documents/tools';

describe('CUPS command lines', () => {
  it('builds lp arguments, raw only when asked', () => {
    expect(lpArguments('Zebra', 'Label PD-1', true)).toEqual(['-d', 'Zebra', '-t', 'Label PD-1', '-o', 'raw']);
    expect(lpArguments('Office', 'Slip', false)).toEqual(['-d', 'Office', '-t', 'Slip']);
  });

  it('parses the job id and the printer list', () => {
    expect(parseLpJobId('request id is Zebra-42 (1 file(s))\n')).toBe('Zebra-42');
    expect(parseLpJobId('')).toBeNull();
    expect(parseLpstat('Office\nZebra\n', 'device for Office: ipp://10.0.0.2/ipp/print\ndevice for Zebra: socket://10.0.0.9:9100\n')).toEqual([
      { kind: 'cups', target: 'Office', description: 'ipp://10.0.0.2/ipp/print' },
      { kind: 'cups', target: 'Zebra', description: 'socket://10.0.0.9:9100' },
    ]);
  });

  it('reports lp missing or refusing as a reason, not a crash', async () => {
    const missing = createCupsPrinter({ run: async () => ({ code: null, stdout: '', stderr: '', startError: 'lp is not installed' }) });
    expect(await missing.print({ target: 'Q', format: 'pdf', raw: false }, new Uint8Array(), 't')).toEqual({ ok: false, reason: 'CUPS: lp is not installed' });
    const refused = createCupsPrinter({ run: async () => ({ code: 1, stdout: '', stderr: 'lp: The printer or class does not exist.\n', startError: null }) });
    expect(await refused.print({ target: 'Q', format: 'pdf', raw: false }, new Uint8Array(), 't')).toEqual({
      ok: false,
      reason: 'CUPS refused the job for Q: lp: The printer or class does not exist.',
    });
  });
});

const skipReason = cupsMissing();

describe.skipIf(skipReason !== null)(`a private cupsd${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let cups: TestCups;
  beforeAll(async () => {
    cups = await startCups();
  }, 30_000);
  afterAll(async () => cups?.stop());

  it('discovers its queues and prints a label through cups-pdf into a PDF file', async () => {
    cups.lpadmin(['-p', 'PackdeskPDF', '-E', '-v', 'cups-pdf:/', '-P', '/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd']);
    const printer = createCupsPrinter({ server: cups.server });
    expect((await printer.discover()).map((p) => p.target)).toContain('PackdeskPDF');
    const label = await createDocumentRenderer().labelPdf(labelInput(), '4x6');
    const title = `packdesk-test-${process.pid}-${Date.now()}`;
    const outcome = await printer.print({ target: 'PackdeskPDF', format: 'pdf', raw: false }, label.bytes, title);
    expect(outcome).toMatchObject({ ok: true, printerJobRef: expect.stringMatching(/^PackdeskPDF-\d+$/) });
    const outDir = cupsPdfOutDir();
    let file: string | undefined;
    // cups-pdf goes through Ghostscript: seconds on a busy machine.
    for (let i = 0; i < 300 && !file; i++) {
      await new Promise((r) => setTimeout(r, 200));
      file = fs.existsSync(outDir) ? fs.readdirSync(outDir).find((f) => f.startsWith(title) && f.endsWith('.pdf')) : undefined;
    }
    expect(file, `no PDF named ${title}* appeared in ${outDir}`).toBeDefined();
    // cups-pdf writes the file as Ghostscript makes it: read it once its size stops changing.
    const full = path.join(outDir, file as string);
    for (let last = -1; fs.statSync(full).size !== last;) {
      last = fs.statSync(full).size;
      await new Promise((r) => setTimeout(r, 500));
    }
    const pdf = fs.readFileSync(full);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfInfo(pdf).Pages).toBe('1');
    fs.rmSync(path.join(outDir, file as string));
  }, 90_000);

  it('a raw queue delivers the ZPL bytes unchanged to the printer socket', async () => {
    const listener = await listen();
    cups.lpadmin(['-p', 'PackdeskRaw', '-E', '-v', `socket://127.0.0.1:${listener.port}`]);
    const zpl = Buffer.from(createDocumentRenderer().labelZpl(labelInput(), 203).bytes);
    const outcome = await createCupsPrinter({ server: cups.server }).print({ target: 'PackdeskRaw', format: 'zpl', raw: true }, zpl, 'raw label');
    expect(outcome.ok).toBe(true);
    expect((await listener.received).equals(zpl)).toBe(true);
    await listener.close();
  }, 30_000);
});
