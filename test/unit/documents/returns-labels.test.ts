import { describe, expect, it } from 'vitest';
import type { ReturnItemLabelInput, ReturnsReceiptInput } from '../../../src/domain/documents';
import { createDocumentRenderer } from '../../../src/documents/renderer';
import { pdfBarcodes, pdfInfo, pdfText, qpdfCheck, zplBarcodes } from './tools';

const renderer = createDocumentRenderer();

const receipt: ReturnsReceiptInput = {
  shop: {
    name: 'Sklep Zażółć',
    address: { name: 'Sklep', street: 'Długa 1', city: 'Kraków', postcode: '30-001', country: 'PL', company: null, phone: null, email: null },
    returnPolicy: '',
  },
  returnNumber: 'R-2026-000042',
  orderNumber: 'PD-100001',
  receivedAt: '2026-12-01 10:15',
  handler: 'Ewa Zwrot',
  customer: { name: 'Grażyna Wróbel', street: 'Kwiatowa 2', city: 'Łódź', postcode: '90-001', country: 'PL', company: null, phone: null, email: null },
  lines: [
    { sku: 'MUG-01', name: 'Kubek ceramiczny', quantity: 2, condition: 'opened', disposition: 'restock', serial: null },
    { sku: 'LAMP-9', name: 'Lampa biurkowa', quantity: 1, condition: 'damaged', disposition: 'refurbish', serial: 'SN123' },
  ],
  note: 'Karton zgnieciony',
};

const item: ReturnItemLabelInput = {
  shopName: 'Sklep Zażółć',
  returnNumber: 'R-2026-000042',
  orderNumber: 'PD-100001',
  sku: 'LAMP-9',
  name: 'Lampa biurkowa',
  quantity: 1,
  serial: 'SN123',
  condition: 'damaged',
  disposition: 'refurbish',
  reasonCode: 'damaged_in_transit',
  index: 1,
  count: 2,
};

describe('the returns desk on the label printer', () => {
  it('prints the receipt on 4×6 in stock with the return number as Code 128, the items and their condition', async () => {
    const doc = await renderer.returnsReceiptLabelPdf(receipt, '4x6');
    expect(doc.format).toBe('pdf');
    qpdfCheck(doc.bytes);
    expect(pdfInfo(doc.bytes)['Page size']).toMatch(/^288 x 432 pts/);
    expect(pdfBarcodes(doc.bytes)).toEqual([['CODE-128:R-2026-000042']]);
    const text = pdfText(doc.bytes);
    for (const expected of ['PD-100001', 'Ewa Zwrot', 'MUG-01', 'opened', 'restock', 'LAMP-9', 'damaged', 'refurbish', 'SN123', 'Karton zgnieciony'])
      expect(text).toContain(expected);
    expect(doc.replacedCharacters).toEqual([]);
  });

  it('lists as many lines as fit and says how many more the A4 receipt has', async () => {
    const many = { ...receipt, note: null, lines: Array.from({ length: 40 }, (_, i) => ({ ...receipt.lines[0]!, sku: `SKU-${i + 1}` })) };
    const text = pdfText((await renderer.returnsReceiptLabelPdf(many, 'a6')).bytes);
    expect(text).toContain('SKU-1 ');
    expect(text).toMatch(/\+ \d+ more \(see the A4 receipt\)/);
  });

  it('prints the receipt in ZPL at 203 and 300 dpi, read back through zpl-renderer-js', async () => {
    for (const dpi of [203, 300] as const) {
      const doc = renderer.returnsReceiptLabelZpl(receipt, dpi);
      expect(doc.format).toBe('zpl');
      const zpl = Buffer.from(doc.bytes).toString('utf8');
      expect(zpl).toContain('^BCN');
      expect(await zplBarcodes(doc.bytes, { widthMm: 101.6, heightMm: 152.4 }, dpi)).toEqual(['CODE-128:R-2026-000042']);
    }
  });

  it('prints a 4×2 in item label with the return number, SKU, name, condition and disposition, both codes scannable', async () => {
    const doc = await renderer.returnItemLabelPdf(item);
    qpdfCheck(doc.bytes);
    expect(pdfInfo(doc.bytes)['Page size']).toMatch(/^288 x 144 pts/);
    expect(pdfBarcodes(doc.bytes)).toEqual([['CODE-128:LAMP-9', 'CODE-128:R-2026-000042']]);
    const text = pdfText(doc.bytes);
    for (const expected of ['R-2026-000042', 'PD-100001', 'LAMP-9', 'Lampa biurkowa', 'DAMAGED', 'REFURBISH', 'SN123', '1/2']) expect(text).toContain(expected);
  });

  it('prints the item label in ZPL, read back', async () => {
    for (const dpi of [203, 300] as const) {
      const doc = renderer.returnItemLabelZpl(item, dpi);
      expect(await zplBarcodes(doc.bytes, { widthMm: 101.6, heightMm: 50.8 }, dpi)).toEqual(['CODE-128:LAMP-9', 'CODE-128:R-2026-000042']);
    }
  });
});
