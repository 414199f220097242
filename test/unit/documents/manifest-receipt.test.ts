import { describe, expect, it } from 'vitest';
import type { ManifestInput, ReturnsReceiptInput } from '../../../src/domain/documents';
import { createDocumentRenderer } from '../../../src/documents/renderer';
import { CUSTOMER, POLISH_NAME, SHOP, sscc, WAREHOUSE } from '../../fixtures/documents/inputs';
import { pdfBarcodes, pdfText, qpdfCheck } from './tools';

const renderer = createDocumentRenderer();

function manifest(parcels: number): ManifestInput {
  return {
    manifestNumber: 'INPOST-20260302-1',
    carrier: 'InPost',
    date: '2026-03-02',
    shipFrom: WAREHOUSE,
    closedAt: '2026-03-02T16:00:00.000Z',
    parcels: Array.from({ length: parcels }, (_, i) => ({
      orderNumber: `PD-${10001 + i}`,
      trackingNumber: `6200${String(1000000 + i)}PL`,
      sscc: sscc(1, '5901234', 100 + i),
      weightGrams: 1000 + i * 250,
      shipTo: { name: i === 0 ? POLISH_NAME : `Klient ${i}`, postcode: '00-590', city: 'Warszawa', country: 'PL' },
    })),
  };
}

describe('dispatch manifest', () => {
  it('lists every parcel with a scannable tracking barcode, the counts, total weight and signature fields', async () => {
    const input = manifest(3);
    const doc = await renderer.manifest(input);
    expect(qpdfCheck(doc.bytes)).not.toMatch(/WARNING/);
    expect(pdfBarcodes(doc.bytes, 200)[0]).toEqual(input.parcels.map((p) => `CODE-128:${p.trackingNumber}`).sort());
    const text = pdfText(doc.bytes);
    expect(text).toContain('Parcels: 3');
    expect(text).toContain('Orders: 3');
    expect(text).toContain('Total weight: 3.75 kg');
    expect(text).toContain('Received (courier)');
    expect(text).toContain(POLISH_NAME);
  });

  it('continues a long manifest on further pages', async () => {
    const doc = await renderer.manifest(manifest(40));
    const pages = pdfText(doc.bytes)
      .split('\f')
      .filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.at(-1)).toContain('Parcels: 40');
    expect(pdfBarcodes(doc.bytes, 150).flat()).toHaveLength(40);
  });
});

describe('returns receipt', () => {
  it('shows the returned items and a scannable return number', async () => {
    const input: ReturnsReceiptInput = {
      shop: SHOP,
      returnNumber: 'RMA-2026-0042',
      orderNumber: 'PD-10001',
      receivedAt: '2026-03-09 10:15',
      handler: 'Łucja Wróbel',
      customer: CUSTOMER,
      lines: [
        { sku: 'SKU-0001', name: 'Kubek ceramiczny', quantity: 1, condition: 'damaged', disposition: 'scrap', serial: null },
        { sku: 'SKU-0002', name: 'Przedłużacz', quantity: 1, condition: 'new', disposition: 'restock', serial: 'SN1000' },
      ],
      note: 'Karton zgnieciony przy dostawie.',
    };
    const doc = await renderer.returnsReceipt(input);
    expect(qpdfCheck(doc.bytes)).not.toMatch(/WARNING/);
    expect(pdfBarcodes(doc.bytes, 200)).toEqual([['CODE-128:RMA-2026-0042']]);
    const text = pdfText(doc.bytes);
    for (const s of ['Łucja Wróbel', POLISH_NAME, 'SN1000', 'restock', 'Karton zgnieciony przy dostawie.']) expect(text).toContain(s);
  });
});
