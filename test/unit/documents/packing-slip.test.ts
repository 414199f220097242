import { describe, expect, it } from 'vitest';
import { loadFaces } from '../../../src/documents/fonts/faces';
import { renderPackingSlip } from '../../../src/documents/slip/packing-slip';
import { CUSTOMER, LONG_STREET, POLISH_NAME, slipInput } from '../../fixtures/documents/inputs';
import { pdfBarcodes, pdfFonts, pdfInfo, pdfText, qpdfCheck } from './tools';

describe('packing slip', () => {
  it('prints a short order on one A4 page with a scannable return code and Polish text', async () => {
    const slip = await renderPackingSlip(await loadFaces(), slipInput(3));
    expect(qpdfCheck(slip.bytes)).not.toMatch(/WARNING/);
    const info = pdfInfo(slip.bytes);
    expect(info.Pages).toBe('1');
    expect(info['Page size']).toMatch(/^595\.2\d* x 841\.8\d* pts \(A4\)/);
    expect(pdfBarcodes(slip.bytes, 200)).toEqual([['CODE-128:RET-PD-10001']]);
    const text = pdfText(slip.bytes);
    expect(text).toContain(POLISH_NAME);
    expect(text).toContain('SN1000, SN2000');
    expect(text).toContain('Lot: LOT-1');
    expect(text).toContain('Backordered');
    expect(text).toContain('Parcels: 2');
    expect(text).toContain('Page 1 / 1');
    expect(pdfFonts(slip.bytes).every((row) => row.slice(-5, -2).join() === 'yes,yes,yes')).toBe(true);
  });

  it('flows a 60-line order onto further pages, repeating the table header, numbering pages', async () => {
    const input = slipInput(60);
    const slip = await renderPackingSlip(await loadFaces(), input);
    const pages = pdfText(slip.bytes)
      .split('\f')
      .filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} / ${pages.length}`));
    expect(pages[1]).toMatch(/Shipped \(\d+ items\) \(continued\)\s+Qty\s+SKU\s+Item/);
    // Every line printed exactly once, in order.
    const all = pages.join('\n');
    const positions = input.shipped.map((l) => all.indexOf(l.sku));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const barcodes = pdfBarcodes(slip.bytes, 150);
    expect(barcodes.flat()).toEqual(['CODE-128:RET-PD-10001']);
    expect(barcodes.at(-1)).toEqual(['CODE-128:RET-PD-10001']);
  });

  it('wraps a 300-character address inside its block', async () => {
    const slip = await renderPackingSlip(await loadFaces(), slipInput(2, { shipTo: { ...CUSTOMER, street: LONG_STREET } }));
    expect(pdfText(slip.bytes).replace(/\s+/g, ' ')).toContain(LONG_STREET.trim().replace(/\s+/g, ' '));
  });
});
