import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { documentsOnPacked } from '../../../../src/app/documents/on-packed';
import { createStationPrinting } from '../../../../src/app/documents/printing';
import type { PackedOrder } from '../../../../src/app/ports';
import { hasValidCheckDigit } from '../../../../src/domain/barcode/gtin';
import { openDatabase } from '../../../../src/storage/db';
import { createStationFixture, typedCall, type StationFixture } from '../../../support/station-fixture';
import { pdfBarcodes } from '../../documents/tools';
import { freePort } from '../../printing/cupsd';
import { listen } from '../../printing/listener';
import { ok, packMugs, setUpPrinting } from './support';

let f: StationFixture;
beforeEach(() => {
  f = createStationFixture();
});
afterEach(() => {
  vi.restoreAllMocks();
  f.close();
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('documents owed on completion', () => {
  it('are recorded by the completion itself, before any worker runs: a label per parcel and the slip', async () => {
    await setUpPrinting(f, []);
    await packMugs(f);
    const owed = f.documents.requests.forOrder('PD-100001');
    expect(owed.map((i) => [i.kind, i.parcelIndex, i.status])).toEqual([
      ['label', 1, 'pending'],
      ['packing_slip', null, 'pending'],
    ]);
    expect(f.documents.archive.forOrder('PD-100001')).toEqual([]);
    const completed = f.journal.bySubject({ kind: 'order', id: 'PD-100001' }).find((e) => e.type === 'pack.completed');
    expect(completed?.payload.handedTo).toEqual(['documents']);
  });

  it('are not recorded when the completion transaction rolls back', async () => {
    const call = typedCall(f.station);
    await ok(call('scan.submit', { data: 'PD-P-0001', symbology: null, source: 'wedge' }));
    const opened = await ok(call('pack.open', { code: 'PD-100002' }));
    const handler = documentsOnPacked(f.documents, () => undefined);
    const packed: PackedOrder = {
      sessionId: opened.sessionId,
      orderId: opened.order.id,
      orderNumber: 'PD-100002',
      stationId: 'ST-01',
      packerId: 1,
      completedAt: f.clock.now().toISOString(),
      status: 'shipped',
      lines: [],
      parcels: [{ no: 1, boxCode: 'K1', weightGrams: 500, units: [] }],
      overrides: [],
    };
    expect(() =>
      f.store.transaction(() => {
        handler.onPacked(packed);
        expect(f.documents.requests.forOrder('PD-100002')).toHaveLength(2);
        throw new Error('the shipment failed after the documents were recorded');
      }),
    ).toThrow('shipment failed');
    expect(f.documents.requests.forOrder('PD-100002')).toEqual([]);
  });
});

describe('the document worker', () => {
  it('renders the ZPL label and the PDF slip, keeps them with SHA-256, and the printers get the exact bytes', async () => {
    const labelPrinter = await listen();
    const slipPrinter = await listen();
    await setUpPrinting(f, [
      { kind: 'label', target: `127.0.0.1:${labelPrinter.port}`, format: 'zpl' },
      { kind: 'packing_slip', target: `127.0.0.1:${slipPrinter.port}`, format: 'pdf' },
    ]);
    await packMugs(f);
    await f.station.documents.drain();

    const [label, slip] = f.documents.archive.forOrder('PD-100001');
    expect([label?.kind, label?.format, slip?.kind, slip?.format]).toEqual(['label', 'zpl', 'packing_slip', 'pdf']);
    for (const doc of [label!, slip!]) {
      const onDisk = fs.readFileSync(path.join(f.dir, doc.path));
      expect(sha256(onDisk)).toBe(doc.sha256);
    }
    const zpl = await labelPrinter.received;
    expect(zpl.equals(Buffer.from(f.documents.archive.read(label!.id)))).toBe(true);
    const sscc = f.documents.requests.forOrder('PD-100001')[0]!.sscc!;
    expect(sscc.slice(0, 17)).toBe('35901234000000041');
    expect(hasValidCheckDigit(sscc)).toBe(true);
    expect(zpl.toString('utf8')).toContain(sscc);
    const pdf = await slipPrinter.received;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfBarcodes(pdf).flat()).toContain('CODE-128:RET-PD-100001');
    expect(f.documents.printQueue.list('ST-01').map((j) => j.status)).toEqual(['done', 'done']);
    expect(f.documents.requests.forOrder('PD-100001').map((i) => i.status)).toEqual(['done', 'done']);
    expect(f.events.filter((e) => e.name === 'print.job.changed').length).toBeGreaterThanOrEqual(4);
    await Promise.all([labelPrinter.close(), slipPrinter.close()]);
  });

  it('prints a PDF label whose SSCC and QR scan back, and the label then opens its order', async () => {
    const printer = await listen();
    await setUpPrinting(f, [{ kind: 'label', target: `127.0.0.1:${printer.port}`, format: 'pdf' }]);
    await packMugs(f);
    await f.station.documents.drain();
    const sscc = f.documents.requests.forOrder('PD-100001')[0]!.sscc!;
    const [page] = pdfBarcodes(await printer.received);
    expect(page).toEqual([`CODE-128:00${sscc}`, `QR-Code:${sscc}`].sort());
    const slip = f.documents.requests.forOrder('PD-100001')[1]!;
    expect(slip).toMatchObject({ status: 'kept', lastError: 'No printer at station ST-01 is set up for packing slip in PDF' });
    // Scanning the label made earlier finds the order (shipped now, so it is refused by name).
    const call = typedCall(f.station);
    for (const code of [sscc, `00${sscc}`]) {
      expect(await call('pack.open', { code })).toMatchObject({ ok: false, error: { code: 'ORDER_SHIPPED', params: { order: 'PD-100001' } } });
    }
    await printer.close();
  });

  it('a dead printer leaves the job failed with its reason, and packing goes on', async () => {
    const port = await freePort();
    await setUpPrinting(f, [{ kind: 'label', target: `127.0.0.1:${port}`, format: 'zpl' }]);
    await packMugs(f);
    await f.station.documents.drain();
    const call = typedCall(f.station);
    const queue = await ok(call('print.queue', {}));
    expect(queue.jobs).toEqual([expect.objectContaining({ documentKind: 'label', orderNumber: 'PD-100001', status: 'failed', attempts: 1 })]);
    expect(queue.jobs[0]!.reason).toMatch(/refused the connection/);
    expect(f.heldTimers.some((t) => t.ms > 0)).toBe(true);
    expect((await ok(call('scan.submit', { data: 'PD-100002', symbology: null, source: 'wedge' }))).kind).toBe('opened');
  });

  it('waits for label settings with its reason, and makes the label once a manager enters them', async () => {
    const printer = await listen();
    await setUpPrinting(f, [{ kind: 'label', target: `127.0.0.1:${printer.port}`, format: 'zpl' }], false);
    await packMugs(f);
    await f.station.documents.drain();
    const [label] = f.documents.requests.forOrder('PD-100001');
    expect(label).toMatchObject({ status: 'pending', attempts: 1, sscc: null });
    expect(label!.lastError).toMatch(/Label settings are not set up/);
    await setUpPrinting(f, []);
    await f.station.documents.drain();
    expect(f.documents.requests.forOrder('PD-100001')[0]).toMatchObject({ status: 'done', sscc: expect.stringMatching(/^\d{18}$/) });
    expect((await printer.received).toString()).toMatch(/^\^XA/);
    await printer.close();
  });

  it('makes what a restart left pending', async () => {
    const printer = await listen();
    await setUpPrinting(f, [{ kind: 'label', target: `127.0.0.1:${printer.port}`, format: 'zpl' }]);
    await packMugs(f);
    const restarted = f.restart();
    await restarted.documents.drain();
    expect(f.documents.requests.forOrder('PD-100001').map((i) => i.status)).toEqual(['done', 'kept']);
    expect((await printer.received).toString()).toContain('PD-100001');
    await printer.close();
  });

  it('sends again a label a restart cut short, and the print queue says it may have printed twice', async () => {
    const printer = await listen();
    await setUpPrinting(f, [{ kind: 'label', target: `127.0.0.1:${printer.port}`, format: 'zpl' }]);
    const { archive, profiles, printQueue } = f.documents;
    const printing = createStationPrinting({ stationId: 'ST-01', archive, profiles, printQueue, clock: f.clock.now });
    const zpl = (order: string) => ({ format: 'zpl' as const, bytes: Buffer.from(`^XA^FD${order}^FS^XZ`) });
    const cutShort = printing.print('label', zpl('PD-100001'), { orderNumber: 'PD-100001', parcelIndex: 1 }).job!;
    // The bytes went out, then the host died before it marked the job done.
    expect(f.documents.printQueue.claimNext('ST-01', f.clock.now().toISOString())?.id).toBe(cutShort.id);
    const plain = printing.print('label', zpl('PD-100002'), { orderNumber: 'PD-100002', parcelIndex: 1 }).job!;

    const restarted = f.restart();
    restarted.documents.start();
    await restarted.documents.drain();
    await restarted.documents.stop();
    const call = typedCall(restarted);
    await ok(call('auth.badge', { badge: 'PD-P-0001' }));
    const { jobs } = await ok(call('print.queue', {}));
    expect(jobs.map((j) => [j.id, j.status, j.resent])).toEqual([
      [plain.id, 'done', false],
      [cutShort.id, 'done', true],
    ]);
    expect((await printer.received).toString()).toContain('PD-100001');
    await printer.close();
  });

  it('puts the completion on the disk itself before documents are made or the shop is told', async () => {
    const printer = await listen();
    await setUpPrinting(f, [{ kind: 'label', target: `127.0.0.1:${printer.port}`, format: 'zpl' }]);
    const seen: { status: unknown; documentsOwed: number; labelsPrinted: number }[] = [];
    const durable = f.store.makeDurable.bind(f.store);
    vi.spyOn(f.store, 'makeDurable').mockImplementation(() => {
      // Another connection sees the shipment: the completion transaction has committed.
      const other = openDatabase(path.join(f.dir, 'packdesk.sqlite'), { readonly: true });
      try {
        seen.push({
          status: other.prepare("SELECT status FROM orders WHERE number = 'PD-100001'").pluck().get(),
          documentsOwed: f.documents.requests.forOrder('PD-100001').filter((i) => i.status === 'pending').length,
          labelsPrinted: f.documents.archive.forOrder('PD-100001').length,
        });
      } finally {
        other.close();
      }
      durable();
    });
    await packMugs(f);
    // Once per completion, before pack.complete answered and so before any worker ran.
    expect(seen).toEqual([{ status: 'shipped', documentsOwed: 2, labelsPrinted: 0 }]);
    await f.station.documents.drain();
    expect((await printer.received).toString()).toContain('PD-100001');
    await printer.close();
  });
});
