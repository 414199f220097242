import { describe, expect, it } from 'vitest';
import { hasValidCheckDigit } from '../../../src/domain/barcode/gtin';
import { loadFaces } from '../../../src/documents/fonts/faces';
import { renderLabelPdf } from '../../../src/documents/label/pdf-label';
import { renderLabelZpl } from '../../../src/documents/zpl/zpl-label';
import { LONG_STREET, POLISH_NAME, CUSTOMER, labelInput } from '../../fixtures/documents/inputs';
import { pdfBarcodes, pdfFonts, pdfInfo, pdfText, qpdfCheck, zplBarcodes } from './tools';

const input = labelInput();
const gs1 = `CODE-128:00${input.sscc}`;
const qr = `QR-Code:${input.trackingReference}`;

describe('PDF shipping label', () => {
  it.each(['4x6', 'a6'] as const)('%s: both barcodes scan back exactly, and the SSCC check digit holds', async (size) => {
    const label = await renderLabelPdf(await loadFaces(), input, size);
    const [page] = pdfBarcodes(label.bytes);
    expect(page).toEqual([gs1, qr].sort());
    expect(hasValidCheckDigit(input.sscc)).toBe(true);
    expect(qpdfCheck(label.bytes)).not.toMatch(/WARNING/);
    const info = pdfInfo(label.bytes);
    expect(info.Pages).toBe('1');
    expect(info['Page size']).toMatch(size === '4x6' ? /^288 x 432 pts/ : /^297\.6\d* x 419\.5\d* pts/);
  });

  it('embeds its fonts and gives back Polish text', async () => {
    const label = await renderLabelPdf(await loadFaces(), input, '4x6');
    const fonts = pdfFonts(label.bytes);
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) expect(row.slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
    const text = pdfText(label.bytes);
    expect(text).toContain(POLISH_NAME);
    expect(text).toContain('1 of 2');
    expect(text).toContain('1.25 kg');
    expect(text).toContain(`(00) ${input.sscc}`);
  });

  it('draws its barcodes as vectors: no image in the file', async () => {
    const label = await renderLabelPdf(await loadFaces(), input, '4x6');
    expect(Buffer.from(label.bytes).toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/);
  });

  it('puts the SSCC lowest on the label', async () => {
    const label = await renderLabelPdf(await loadFaces(), input, '4x6');
    const lines = pdfText(label.bytes, true)
      .split('\n')
      .filter((l) => l.trim());
    expect(lines.at(-1)).toContain(`(00) ${input.sscc}`);
  });

  it('wraps a 300-character address without losing a word, and barcodes still scan', async () => {
    const long = labelInput({ shipTo: { ...CUSTOMER, street: LONG_STREET } });
    const label = await renderLabelPdf(await loadFaces(), long, '4x6');
    const words = pdfText(label.bytes).replace(/\s+/g, ' ');
    expect(words).toContain(LONG_STREET.trim().replace(/\s+/g, ' '));
    expect(pdfBarcodes(label.bytes)[0]).toEqual([gs1, qr].sort());
  });

  it('replaces characters the font lacks on purpose and says which', async () => {
    const odd = labelInput({ shipTo: { ...CUSTOMER, name: 'Nguyễn 山田 ǅ' } });
    const label = await renderLabelPdf(await loadFaces(), odd, '4x6');
    expect(label.replacedCharacters).toEqual(expect.arrayContaining(['ễ', '山', '田']));
    expect(pdfText(label.bytes)).toContain('Nguyen ?? Dz');
  });
});

describe('ZPL shipping label', () => {
  it.each([203, 300] as const)('%i dpi: the printer commands render and both barcodes scan back', async (dpi) => {
    const label = renderLabelZpl(input, dpi);
    const zpl = Buffer.from(label.bytes).toString('utf8');
    expect(zpl).toContain(dpi === 203 ? '^PW812' : '^PW1200');
    expect(zpl).toContain(dpi === 203 ? '^LL1218' : '^LL1800');
    expect(zpl).toContain(`^FD>;>800${input.sscc}^FS`);
    expect(zpl).toContain(`^BQN,2,`);
    expect(zpl).not.toMatch(/\^GF/);
    expect(await zplBarcodes(label.bytes, { widthMm: 101.6, heightMm: 152.4 }, dpi)).toEqual([gs1, qr].sort());
  });

  it('escapes field-breaking characters and keeps Polish letters as UTF-8', () => {
    const tricky = labelInput({ shipTo: { ...CUSTOMER, name: 'A^B~C_D Łódź' } });
    const zpl = Buffer.from(renderLabelZpl(tricky, 203).bytes).toString('utf8');
    expect(zpl).toContain('^CI28');
    expect(zpl).toContain('A_5EB_7EC_5FD _C5_81_C3_B3d_C5_BA');
  });
});
