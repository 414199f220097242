import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { carrierAccountSchema } from '../../../../src/contract/carriers';
import { hashPin } from '../../../../src/app/pin';
import { cleanZpl } from '../../../../src/domain/zpl-clean';
import { INPOST_ORG, INPOST_TOKEN, startFakeInpost, type FakeInpost } from '../../../fixtures/carriers/inpost-fake';
import { runCliCaptured } from '../../../support/run-cli';
import { createStationFixture, typedCall, type StationFixture } from '../../../support/station-fixture';
import { pdfText } from '../../documents/tools';
import { listen } from '../../printing/listener';
import { ok, packMugs, setUpPrinting } from '../documents/support';

const ORDER = 'PD-200001';

let f: StationFixture;
let fake: FakeInpost;
let printer: Awaited<ReturnType<typeof listen>>;

beforeEach(async () => {
  fake = await startFakeInpost({ confirmAfterReads: 0 });
  printer = await listen();
  f = createStationFixture({ carriers: { timeoutMs: 1000 } });
  f.carriers!.saveAccount(carrierAccountSchema.parse({ kind: 'inpost', url: fake.url, organizationId: INPOST_ORG, labelFormat: 'zpl' }), INPOST_TOKEN);
  f.store.orders.insertMany([
    {
      number: ORDER,
      externalId: null,
      status: 'ready',
      customerName: 'Jan Kowalski',
      shipTo: {
        name: 'Jan Kowalski',
        company: null,
        street: 'ul. Długa 5',
        city: 'Kraków',
        postcode: '30-001',
        country: 'PL',
        phone: '600100200',
        email: 'jan@example.com',
      },
      carrierCode: 'inpost',
      service: 'locker',
      delivery: { pickupPoint: { id: 'KRA010', name: 'Kraków, ul. Długa 5' }, cod: null, declaredValue: null },
      note: null,
      createdAt: '2026-11-19T12:00:00Z',
      lines: [{ sku: 'MUG-01', quantity: 2 }],
    },
  ]);
  await setUpPrinting(f, [{ kind: 'label', target: `127.0.0.1:${printer.port}`, format: 'zpl' }]);
});
afterEach(async () => {
  f.close();
  await fake.close();
  await printer.close();
});

const labelState = (orderNumber = ORDER) => ok(typedCall(f.station)('documents.label', { orderNumber }));

describe('carrier shipments at completion', () => {
  it('queues one shipment per parcel with the completion, so the order completes before the carrier is asked', async () => {
    await packMugs(f, f.station, ORDER);
    expect(fake.requests).toHaveLength(0);
    const [queued] = f.carriers!.ports.shipments.forOrder(ORDER);
    expect(queued).toMatchObject({ status: 'queued', carrier: 'inpost', parcelNo: 1, attempts: 0 });
    expect(queued!.request).toMatchObject({ reference: ORDER, service: 'inpost_locker_standard', pickupPoint: 'KRA010', parcel: { weightGrams: 830 } });
    // The parcel is owed the carrier's label and not ours as well.
    expect(f.documents.requests.forOrder(ORDER).map((i) => i.kind)).toEqual(['carrier_label', 'packing_slip']);
    const completed = f.journal.bySubject({ kind: 'order', id: ORDER }).find((e) => e.type === 'pack.completed');
    expect(completed?.payload.handedTo).toEqual(['carrier-shipments', 'documents']);
  });

  it("prints the carrier's ZPL label as the parcel's one label, cleaned of settings changes, and keeps the tracking number", async () => {
    await packMugs(f, f.station, ORDER);
    await f.station.documents.drain();
    expect(fake.shipments).toHaveLength(1);
    const [shipment] = f.carriers!.ports.shipments.forOrder(ORDER);
    expect(shipment!.status).toBe('labelled');
    expect(shipment!.trackingNumber).toBe(fake.shipments[0]!.tracking_number);
    expect(f.carriers!.ports.shipments.byTrackingNumber(shipment!.trackingNumber!)).toMatchObject({ orderNumber: ORDER, parcelNo: 1 });
    // Scanned at a station or the returns desk, the carrier's number opens the order.
    expect(f.store.orders.byReference(shipment!.trackingNumber!)?.number).toBe(ORDER);

    const printed = await printer.received;
    expect(printed).toEqual(Buffer.from(cleanZpl(shipment!.label!.bytes).bytes));
    expect(printed.toString('latin1')).not.toMatch(/\^JUS|\^MMT|~SD/);
    expect(printed.toString('latin1')).toContain(shipment!.trackingNumber!);
    expect(f.documents.archive.forOrder(ORDER).map((d) => d.kind)).toEqual(['carrier_label', 'packing_slip']);
    // The completion screen shows the carrier's number.
    expect(await labelState()).toMatchObject({ state: 'printed', tracking: [{ parcel: 1, carrier: 'inpost', number: shipment!.trackingNumber }] });
  });

  it('completes while the carrier is down, says the label waits for it, and prints it when the carrier answers, with one shipment', async () => {
    fake.switches.mode = 'down';
    await packMugs(f, f.station, ORDER);
    await f.station.documents.drain();
    const [waiting] = f.carriers!.ports.shipments.forOrder(ORDER);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting!.lastError).toMatch(/InPost/);
    const state = await labelState();
    expect(state).toMatchObject({ state: 'not_printed', fault: 'not_made', tracking: [{ parcel: 1, carrier: 'inpost', number: null }] });
    expect(state.reason).toMatch(/carrier's label .* has not come yet .*InPost/);

    fake.switches.mode = 'up';
    f.clock.advance(60_000);
    await f.station.documents.drain();
    expect(fake.shipments).toHaveLength(1);
    expect(f.carriers!.ports.shipments.forOrder(ORDER)[0]!.status).toBe('labelled');
    await printer.received;
    expect((await labelState()).state).toBe('printed');
  });

  it('does not make a second shipment when the first attempt made it and the answer was lost', async () => {
    fake.switches.hangAfterCreate = true;
    await packMugs(f, f.station, ORDER);
    await f.station.documents.drain();
    expect(fake.shipments).toHaveLength(1);
    expect(f.carriers!.ports.shipments.forOrder(ORDER)[0]).toMatchObject({ status: 'queued', attempts: 1, shipmentId: null });

    fake.switches.hangAfterCreate = false;
    f.clock.advance(60_000);
    await f.station.documents.drain();
    expect(fake.shipments).toHaveLength(1);
    const [shipment] = f.carriers!.ports.shipments.forOrder(ORDER);
    expect(shipment).toMatchObject({ status: 'labelled', shipmentId: String(fake.shipments[0]!.id) });
    await printer.received;
  });

  it('gives an order no carrier account takes our own label, as before', async () => {
    f.store.orders.insertMany([{ ...f.store.orders.byNumber(ORDER)!, number: 'PD-200002', carrierCode: 'dpd', lines: [{ sku: 'MUG-01', quantity: 2 }] }]);
    await packMugs(f, f.station, 'PD-200002');
    expect(f.carriers!.ports.shipments.forOrder('PD-200002')).toEqual([]);
    expect(f.documents.requests.forOrder('PD-200002').map((i) => i.kind)).toEqual(['label', 'packing_slip']);
  });

  it('closes the day: InPost hands over the labelled parcels, the document is kept, they are locked, and a later parcel goes to the next handover', async () => {
    await packMugs(f, f.station, ORDER);
    await f.station.documents.drain();
    const [first] = f.carriers!.ports.shipments.forOrder(ORDER);
    const done = await f.station.carriers.handover('inpost', '2026-11-20');
    expect(done).toMatchObject({
      carrier: 'inpost',
      manifestNumber: 'INPOST-20261120-1',
      parcels: [{ orderNumber: ORDER, trackingNumber: first!.trackingNumber }],
    });
    expect(f.documents.archive.byId(done.documentId)).toMatchObject({ kind: 'manifest', format: 'pdf', manifestNumber: 'INPOST-20261120-1' });
    expect(f.carriers!.ports.manifests.isLocked(first!.trackingNumber!)).toBe(true);
    await expect(f.station.carriers.handover('inpost', '2026-11-20')).rejects.toThrow(/no inpost parcel waiting/);

    f.store.orders.insertMany([{ ...f.store.orders.byNumber(ORDER)!, number: 'PD-200003', status: 'ready', lines: [{ sku: 'MUG-01', quantity: 2 }] }]);
    await packMugs(f, f.station, 'PD-200003');
    await f.station.documents.drain();
    const next = await f.station.carriers.handover('inpost', '2026-11-20');
    expect(next.manifestNumber).toBe('INPOST-20261120-2');
    expect(next.parcels.map((p) => p.orderNumber)).toEqual(['PD-200003']);
  });

  it("prints the carrier's tracking number on the packing slip when the shipment has it before the slip is made", async () => {
    await packMugs(f, f.station, ORDER);
    await f.station.documents.drain();
    const [shipment] = f.carriers!.ports.shipments.forOrder(ORDER);
    const slip = f.documents.archive.forOrder(ORDER).find((d) => d.kind === 'packing_slip')!;
    const text = pdfText(f.documents.archive.read(slip.id), true);
    expect(text).toMatch(new RegExp(`Tracking:\\s+InPost\\s+${shipment!.trackingNumber}`));
  });

  it("a slip kept without a printer and sent to one after the carrier answered is made again with the carrier's number", async () => {
    fake.switches.mode = 'down';
    await packMugs(f, f.station, ORDER);
    await f.station.documents.drain();
    const kept = f.documents.requests.forOrder(ORDER).find((i) => i.kind === 'packing_slip')!;
    expect(kept.status).toBe('kept');
    fake.switches.mode = 'up';
    f.clock.advance(60_000);
    await f.station.documents.drain();
    const [shipment] = f.carriers!.ports.shipments.forOrder(ORDER);

    const slipPrinter = await listen();
    await setUpPrinting(f, [{ kind: 'packing_slip', target: `127.0.0.1:${slipPrinter.port}`, format: 'pdf' }], false);
    const call = typedCall(f.station);
    await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
    const job = await ok(call('print.owed.print', { owedId: kept.id }));
    expect(job.documentId).not.toBe(kept.documentId);
    await f.station.documents.drain();
    expect(pdfText(new Uint8Array(await slipPrinter.received), true)).toMatch(new RegExp(`Tracking:\\s+InPost\\s+${shipment!.trackingNumber}`));
    expect(f.documents.requests.byId(kept.id)!.status).toBe('done');
    await slipPrinter.close();
  });

  it("finds the order at the returns desk by the carrier's tracking number and shows the number there", async () => {
    await packMugs(f, f.station, ORDER);
    await f.station.documents.drain();
    const [shipment] = f.carriers!.ports.shipments.forOrder(ORDER);
    f.store.stations.upsert({ id: 'ST-03', name: 'Zwroty', language: 'pl', idleLogoutMinutes: 15, kind: 'returns' });
    f.store.users.insert({ name: 'Rita Returns', role: 'returns', badgeCode: 'PD-R-0001', pinHash: hashPin('1111'), language: null });
    const call = typedCall(f.station);
    const desk = { stationId: 'ST-03' };
    await ok(call('scan.submit', { data: 'PD-R-0001', symbology: null, source: 'wedge' }, desk));
    const { candidates } = await ok(call('returns.identify', { text: shipment!.trackingNumber! }, desk));
    expect(candidates).toMatchObject([{ number: ORDER, matchedBy: 'tracking', tracking: [shipment!.trackingNumber] }]);
  });

  it('makes the slip without a tracking number while the carrier has not answered', async () => {
    fake.switches.mode = 'down';
    await packMugs(f, f.station, ORDER);
    await f.station.documents.drain();
    const slip = f.documents.archive.forOrder(ORDER).find((d) => d.kind === 'packing_slip')!;
    expect(pdfText(f.documents.archive.read(slip.id))).not.toMatch(/Tracking/);
  });

  it('a slip reprinted after the carrier answered carries the tracking number that came after completion; one reprinted again is the same bytes', async () => {
    fake.switches.mode = 'down';
    await packMugs(f, f.station, ORDER);
    await f.station.documents.drain();
    const first = f.documents.archive.forOrder(ORDER).find((d) => d.kind === 'packing_slip')!;
    expect(pdfText(f.documents.archive.read(first.id))).not.toMatch(/Tracking/);

    fake.switches.mode = 'up';
    f.clock.advance(60_000);
    await f.station.documents.drain();
    const [shipment] = f.carriers!.ports.shipments.forOrder(ORDER);
    expect(shipment!.trackingNumber).toMatch(/^\d{24}$/);

    const slipPrinter = await listen();
    await setUpPrinting(f, [{ kind: 'packing_slip', target: `127.0.0.1:${slipPrinter.port}`, format: 'pdf' }], false);
    const call = typedCall(f.station);
    await ok(call('auth.badge', { badge: 'PD-P-0001' }));
    const job = await ok(call('print.reprint', { documentId: first.id }));
    await f.station.documents.drain();
    // What reaches the printer names InPost's number.
    expect(pdfText(new Uint8Array(await slipPrinter.received), true)).toMatch(new RegExp(`Tracking:\\s+InPost\\s+${shipment!.trackingNumber}`));
    await slipPrinter.close();
    // Made again with what is known now and kept beside the slip as first made, which stays as it was.
    expect(job.documentId).not.toBe(first.id);
    const again = f.documents.archive.byId(job.documentId)!;
    expect(again).toMatchObject({ kind: 'packing_slip', orderNumber: ORDER });
    expect(pdfText(f.documents.archive.read(again.id), true)).toMatch(new RegExp(`Tracking:\\s+InPost\\s+${shipment!.trackingNumber}`));
    expect(pdfText(f.documents.archive.read(first.id))).not.toMatch(/Tracking/);
    const entry = f.journal.bySubject({ kind: 'order', id: ORDER }).findLast((e) => e.type === 'document.reprinted');
    expect(entry?.payload).toMatchObject({ documentId: again.id, madeAgainFrom: first.id, kind: 'packing_slip' });

    // Nothing has changed since: the reprint is the kept slip, byte for byte.
    expect((await ok(call('print.reprint', { documentId: again.id }))).documentId).toBe(again.id);
  });

  it("asks the carrier for the label in the format and on the stock of this station's label printer, not the account's default", async () => {
    const pdfPrinter = await listen();
    const call = typedCall(f.station);
    await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
    await ok(
      call('printers.profile.set', {
        documentKind: 'label',
        printerKind: 'raw_tcp',
        target: `127.0.0.1:${pdfPrinter.port}`,
        format: 'pdf',
        raw: true,
        labelSize: 'a6',
      }),
    );
    await ok(call('auth.logout', {}));
    await packMugs(f, f.station, ORDER);
    await f.station.documents.drain();
    const asked = fake.requests.find((r) => r.path.endsWith('/label'))!;
    expect(asked.query.get('format')).toBe('Pdf');
    const [shipment] = f.carriers!.ports.shipments.forOrder(ORDER);
    expect(shipment!.label!.format).toBe('pdf');
    expect((await pdfPrinter.received).subarray(0, 5).toString()).toBe('%PDF-');
    await pdfPrinter.close();
  });

  it('closes the day from the command line: `packdesk handover` names the handover and each parcel with its tracking number, and says when nothing waits', async () => {
    await packMugs(f, f.station, ORDER);
    await f.station.documents.drain();
    const [shipment] = f.carriers!.ports.shipments.forOrder(ORDER);
    const done = await runCliCaptured('handover', '--carrier', 'inpost', '--date', '2026-11-20', '--data', f.dir);
    expect(done.err).toBe('');
    expect(done.code).toBe(0);
    expect(done.out).toContain('inpost: handover INPOST-20261120-1');
    expect(done.out).toContain(`${ORDER} parcel 1: ${shipment!.trackingNumber}`);
    const again = await runCliCaptured('handover', '--carrier', 'inpost', '--date', '2026-11-20', '--data', f.dir);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/no inpost parcel waiting/);
    expect((await runCliCaptured('handover', '--carrier', 'ups', '--data', f.dir)).code).not.toBe(0);
  });

  it("hands the day over from the manager's screen: the contract says what waits, closes it, and names the manager in the journal", async () => {
    await packMugs(f, f.station, ORDER);
    await f.station.documents.drain();
    const call = typedCall(f.station);
    await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
    expect(await ok(call('carriers.handover.waiting', {}))).toEqual([{ kind: 'inpost', parcels: 1 }]);
    const done = await ok(call('carriers.handover', { kind: 'inpost', date: '2026-11-20' }));
    expect(done).toMatchObject({ carrier: 'inpost', manifestNumber: 'INPOST-20261120-1', parcels: [{ orderNumber: ORDER, parcelNo: 1 }] });
    expect(await ok(call('carriers.handover.waiting', {}))).toEqual([{ kind: 'inpost', parcels: 0 }]);
    const entry = f.journal.bySubject({ kind: 'manifest', id: 'INPOST-20261120-1' }).find((e) => e.type === 'carrier.handover');
    expect(entry?.actorId).not.toBeNull();
    const again = await call('carriers.handover', { kind: 'inpost', date: '2026-11-20' });
    expect(again.ok ? null : again.error.message).toMatch(/no inpost parcel waiting/);
  });

  it('a disabled account keeps its settings but takes no new orders: they get our own label', async () => {
    const call = typedCall(f.station);
    await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
    const [view] = await ok(call('carriers.accounts.list', {}));
    await ok(call('carriers.accounts.set', { account: { ...view!.account, enabled: false } }));
    expect(await ok(call('carriers.accounts.list', {}))).toMatchObject([{ account: { kind: 'inpost', enabled: false }, hasSecret: true }]);
    await ok(call('auth.logout', {}));
    await packMugs(f, f.station, ORDER);
    expect(f.carriers!.ports.shipments.forOrder(ORDER)).toEqual([]);
    expect(f.documents.requests.forOrder(ORDER).map((i) => i.kind)).toEqual(['label', 'packing_slip']);
  });
});
