import { describe, expect, it } from 'vitest';
import { printable } from '../../../src/documents/fonts/coverage';
import { loadFaces } from '../../../src/documents/fonts/faces';
import { fitText, wrap } from '../../../src/documents/pdf/text-box';
import { renderTestPage, TEST_CODE } from '../../../src/documents/test-page';
import { pdfBarcodes, zplBarcodes } from './tools';

// The SSCC itself (composition, check digit) is tested with the other GS1 codes: test/unit/domain/barcode/sscc.test.ts.

describe('text', () => {
  it('prints Polish letters as they are and replaces what the font lacks, never throwing', async () => {
    const { regular } = await loadFaces();
    expect(printable(regular, 'Zażółć gęślą jaźń')).toMatchObject({ text: 'Zażółć gęślą jaźń', replaced: [] });
    expect(printable(regular, 'a\tb\u0000c😀')).toMatchObject({ text: 'a b c?', replaced: ['😀'] });
  });

  it('wraps into lines that fit and shrinks only as far as needed', async () => {
    const { regular } = await loadFaces();
    const text = 'Wielkopolskie Przedłużenie Księżycowej '.repeat(8);
    for (const line of wrap(regular, text, 10, 200)) expect(line.length).toBeGreaterThan(0);
    expect(wrap(regular, 'Bardzodługiesłowobezspacjiktóreniemieścisięwlinii', 10, 60).join('')).toBe('Bardzodługiesłowobezspacjiktóreniemieścisięwlinii');
    const fitted = fitText(regular, text, { width: 200, height: 60 }, 12);
    expect(fitted.size).toBeLessThan(12);
    expect(fitted.lines.length * fitted.lineHeight).toBeLessThanOrEqual(60);
    expect(fitText(regular, 'Krótki', { width: 200, height: 60 }, 12).size).toBe(12);
  });
});

describe('printer test page', () => {
  const input = { printer: 'Zebra ZD421', station: 'ST-01', at: '2026-03-02T08:00:00.000Z' };
  it('scans back in PDF and in ZPL', async () => {
    const faces = await loadFaces();
    expect(pdfBarcodes((await renderTestPage(faces, input, 'pdf')).bytes)).toEqual([[`CODE-128:${TEST_CODE}`]]);
    expect(await zplBarcodes((await renderTestPage(faces, input, 'zpl')).bytes, { widthMm: 101.6, heightMm: 152.4 }, 203)).toEqual([`CODE-128:${TEST_CODE}`]);
    expect(Buffer.from((await renderTestPage(faces, input, 'epl')).bytes).toString('latin1')).toContain(`B40,400,0,1,3,6,160,B,"${TEST_CODE}"`);
  });
});
