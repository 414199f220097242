import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultPrinterProfiles } from '../../../../src/app/stations';
import { createStationFixture, typedCall, type StationFixture } from '../../../support/station-fixture';
import { ok, packMugs, setUpPrinting } from './support';

let f: StationFixture;
beforeEach(() => {
  f = createStationFixture({ pdfFolder: true });
});
afterEach(() => f.close());

const ALL_KINDS = ['label', 'carrier_label', 'packing_slip', 'manifest', 'returns_receipt', 'returns_receipt_label', 'return_item_label'];

describe('a station before any printer is set up', () => {
  it('is not "ready": every printed kind is missing, at this station only', async () => {
    await setUpPrinting(f, []);
    const call = typedCall(f.station);
    await ok(call('auth.badge', { badge: 'PD-P-0001', pin: '1111' }));
    expect((await ok(call('print.queue', {}))).printers).toEqual({ missing: ALL_KINDS, pdfFolder: null });
    for (const profile of defaultPrinterProfiles('ST-02')) f.documents.profiles.set(profile);
    expect((await ok(call('print.queue', {}))).printers.missing).toEqual(ALL_KINDS);
    for (const profile of defaultPrinterProfiles('ST-01')) f.documents.profiles.set(profile);
    expect((await ok(call('print.queue', {}))).printers).toEqual({ missing: [], pdfFolder: path.join(f.dir, 'printed', 'ST-01') });
  });

  it('counts a kind whose way of printing this host lacks as missing, and a carrier label as covered by the label printer', async () => {
    await setUpPrinting(f, [{ kind: 'label', target: '127.0.0.1:9', format: 'zpl' }]);
    f.documents.profiles.set({ stationId: 'ST-01', documentKind: 'manifest', printerKind: 'electron', target: 'x', format: 'pdf', raw: false });
    const call = typedCall(f.station);
    await ok(call('auth.badge', { badge: 'PD-P-0001', pin: '1111' }));
    expect((await ok(call('print.queue', {}))).printers.missing).toEqual([
      'packing_slip',
      'manifest',
      'returns_receipt',
      'returns_receipt_label',
      'return_item_label',
    ]);
    // The receipt prints on A4 or on label stock: a printer for either covers both.
    f.documents.profiles.set({
      stationId: 'ST-01',
      documentKind: 'returns_receipt_label',
      printerKind: 'raw_tcp',
      target: '127.0.0.1:9',
      format: 'zpl',
      raw: true,
    });
    expect((await ok(call('print.queue', {}))).printers.missing).toEqual(['packing_slip', 'manifest', 'return_item_label']);
  });

  it('keeps what an order owes; a manager sends it to the printer set up since, and the trouble clears once it prints', async () => {
    await setUpPrinting(f, []);
    await packMugs(f);
    await f.station.documents.drain();
    const call = typedCall(f.station);
    const owed = (await ok(call('print.queue', {}))).owed;
    expect(owed.map((o) => [o.kind, o.status, o.reason?.startsWith('No printer at station ST-01')])).toEqual([
      ['packing_slip', 'kept', true],
      ['label', 'kept', true],
    ]);
    const refused = await call('print.owed.print', { owedId: owed[0]!.id });
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    await ok(call('auth.logout', {}));

    await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
    const noPrinter = await call('print.owed.print', { owedId: owed[0]!.id });
    expect(noPrinter.ok ? null : noPrinter.error.code).toBe('PRINTER_NOT_SET_UP');
    for (const profile of defaultPrinterProfiles('ST-01'))
      await ok(call('printers.profile.set', { documentKind: profile.documentKind, printerKind: 'pdf_folder', target: 'ST-01', format: 'pdf', raw: false }));
    for (const o of owed) expect((await ok(call('print.owed.print', { owedId: o.id }))).status).toBe('queued');
    const again = await call('print.owed.print', { owedId: owed[0]!.id });
    expect(again.ok ? null : again.error.code).toBe('VALIDATION_FAILED');
    await f.station.documents.drain();

    const queue = await ok(call('print.queue', {}));
    expect(queue.owed).toEqual([]);
    expect(queue.jobs.map((j) => [j.documentKind, j.status])).toEqual([
      ['label', 'done'],
      ['packing_slip', 'done'],
    ]);
    const files = fs.readdirSync(path.join(f.dir, 'printed', 'ST-01')).sort();
    expect(files).toEqual([expect.stringMatching(/^PD-100001-label-p1-\d+\.pdf$/), expect.stringMatching(/^PD-100001-packing-slip-\d+\.pdf$/)]);
    expect(f.journal.bySubject({ kind: 'order', id: 'PD-100001' }).filter((e) => e.type === 'document.reprinted')).toHaveLength(2);
  });
});
