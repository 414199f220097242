import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPdfFolderPrinter, latestPrintedFiles, printedFileName } from '../../../src/printing/pdf-folder';

const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-pdf-folder-'));

describe('the PDF folder printer', () => {
  it('writes each document owner-only into printed/<target>/, named by order, kind and parcel', async () => {
    const dir = dataDir();
    const printer = createPdfFolderPrinter({ dataDir: dir });
    const label = await printer.print({ target: 'ST-01', format: 'zpl', raw: false }, Buffer.from('^XA^XZ'), 'title', {
      documentId: 7,
      kind: 'label',
      orderNumber: 'PD-1042',
      parcelIndex: 2,
    });
    const slip = await printer.print({ target: 'ST-01', format: 'pdf', raw: false }, Buffer.from('%PDF-1.7'), 'title', {
      documentId: 8,
      kind: 'packing_slip',
      orderNumber: 'PD-1042',
      parcelIndex: null,
    });
    expect(label).toEqual({ ok: true, printerJobRef: 'printed/ST-01/PD-1042-label-p2-7.zpl' });
    expect(slip).toEqual({ ok: true, printerJobRef: 'printed/ST-01/PD-1042-packing-slip-8.pdf' });
    const folder = path.join(dir, 'printed', 'ST-01');
    expect(fs.readFileSync(path.join(folder, 'PD-1042-label-p2-7.zpl'), 'utf8')).toBe('^XA^XZ');
    if (process.platform !== 'win32') {
      expect(fs.statSync(path.join(folder, 'PD-1042-packing-slip-8.pdf')).mode & 0o777).toBe(0o600);
      expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    }
    expect(
      latestPrintedFiles(folder, 10)
        .map((f) => f.name)
        .sort(),
    ).toEqual(['PD-1042-label-p2-7.zpl', 'PD-1042-packing-slip-8.pdf']);
  });

  it('refuses a target that would leave its folder, and says why', async () => {
    const printer = createPdfFolderPrinter({ dataDir: dataDir() });
    for (const target of ['..', '../etc', 'a/b', '/tmp']) {
      const outcome = await printer.print({ target, format: 'pdf', raw: false }, Buffer.from('x'), 'title');
      expect(outcome.ok, target).toBe(false);
    }
  });

  it('names a document without an order after the station, and without a description after its title', () => {
    expect(printedFileName({ documentId: 3, kind: 'test_page', orderNumber: null, parcelIndex: null }, 'pdf', 'x')).toBe('station-test-page-3.pdf');
    expect(printedFileName(undefined, 'zpl', 'Packdesk label 3')).toBe('Packdesk_label_3.zpl');
  });
});
