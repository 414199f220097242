import { describe, expect, it } from 'vitest';
import type { StationFixture } from '../../../support/station-fixture';
import { pdfBarcodes, pdfText, zplBarcodes } from '../../documents/tools';
import { DESK, gradedReturn, ok } from './fixture';

const decidedReturn = () => gradedReturn({ pdfFolder: true, printers: true });

const kept = (fx: StationFixture, kind: string) => fx.documents.archive.forOrder('PD-200001').filter((d) => d.kind === kind);

describe('the returns desk prints through the print queue', () => {
  it('prints the receipt on label stock and a label for the item sent to refurbishment when the return is decided; both read back', async () => {
    const { fx, call, number } = await decidedReturn();
    await ok(call('returns.decide', { number, refund: { amountMinor: 4999, currency: 'PLN' } }, DESK));
    const [receipt, ...more] = kept(fx, 'returns_receipt_label');
    expect(more).toEqual([]);
    expect(kept(fx, 'returns_receipt')).toEqual([]);
    const receiptBytes = fx.documents.archive.read(receipt!.id);
    expect(pdfBarcodes(receiptBytes)).toEqual([[`CODE-128:${number}`]]);
    expect(pdfText(receiptBytes)).toMatch(/damaged -> refurbish[\s\S]*unopened -> restock/);
    const labels = kept(fx, 'return_item_label');
    expect(labels).toHaveLength(1);
    expect(pdfBarcodes(fx.documents.archive.read(labels[0]!.id))).toEqual([['CODE-128:MUG-01', `CODE-128:${number}`]]);
    const jobs = fx.documents.printQueue.list('ST-03');
    expect(jobs.map((j) => [j.documentKind, j.printerKind, j.target]).sort()).toEqual([
      ['return_item_label', 'pdf_folder', 'ST-03'],
      ['returns_receipt_label', 'pdf_folder', 'ST-03'],
    ]);
    const entries = fx.journal.bySubject({ kind: 'order', id: 'PD-200001' }).filter((e) => e.type === 'returns.document');
    expect(entries.map((e) => e.payload)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ returnNumber: number, kind: 'returns_receipt_label', sha256: receipt!.sha256 }),
        expect.objectContaining({ returnNumber: number, kind: 'return_item_label' }),
      ]),
    );
  });

  it('reprints on demand: the A4 receipt, or the labels in ZPL where the item printer speaks it', async () => {
    const { fx, call, number } = await decidedReturn();
    await ok(call('returns.decide', { number, refund: null }, DESK));
    const a4 = await ok(call('returns.receipt.print', { number, form: 'a4' }, DESK));
    expect(a4.documents).toMatchObject([{ kind: 'returns_receipt', format: 'pdf', reason: null }]);
    expect(pdfBarcodes(fx.documents.archive.read(a4.documents[0]!.documentId))[0]).toEqual([`CODE-128:${number}`]);
    fx.documents.profiles.set({
      stationId: 'ST-03',
      documentKind: 'return_item_label',
      printerKind: 'raw_tcp',
      target: '127.0.0.1:9',
      format: 'zpl',
      raw: true,
    });
    fx.documents.profiles.set({
      stationId: 'ST-03',
      documentKind: 'returns_receipt_label',
      printerKind: 'raw_tcp',
      target: '127.0.0.1:9',
      format: 'zpl',
      raw: true,
    });
    const zpl = await ok(call('returns.receipt.print', { number, form: 'label', itemLabels: true }, DESK));
    expect(zpl.documents.map((d) => [d.kind, d.format, d.printJobId !== null])).toEqual([
      ['returns_receipt_label', 'zpl', true],
      ['return_item_label', 'zpl', true],
    ]);
    const receipt = fx.documents.archive.read(zpl.documents[0]!.documentId);
    expect(await zplBarcodes(receipt, { widthMm: 101.6, heightMm: 152.4 }, 203)).toEqual([`CODE-128:${number}`]);
    const label = fx.documents.archive.read(zpl.documents[1]!.documentId);
    expect(await zplBarcodes(label, { widthMm: 101.6, heightMm: 50.8 }, 203)).toEqual(['CODE-128:MUG-01', `CODE-128:${number}`]);
  });

  it('keeps the receipt with the reason when the station has no printer for it, and the decision stands', async () => {
    const { fx, call, number } = await decidedReturn();
    for (const kind of ['returns_receipt', 'returns_receipt_label', 'return_item_label'] as const) fx.documents.profiles.remove('ST-03', kind);
    expect(await ok(call('returns.decide', { number, refund: null }, DESK))).toMatchObject({ status: 'decided' });
    expect(kept(fx, 'returns_receipt')).toHaveLength(1);
    expect(fx.documents.printQueue.list('ST-03')).toEqual([]);
  });
});
