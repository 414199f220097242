import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../src/contract/errors';
import { resolveScan } from '../../../src/app/packing/resolve';
import { CODES, createStationFixture, gtin, typedCall, type StationFixture } from '../../support/station-fixture';

const GS = '\x1d';
let f: StationFixture;
let call: ReturnType<typeof typedCall>;
beforeEach(() => {
  f = createStationFixture();
  call = typedCall(f.station);
});
afterEach(() => f.close());

async function ok<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message} ${JSON.stringify(f.logs.filter((l) => l.level === 'error'))}`);
  return result.value;
}

const scan = (data: string, symbology: string | null = null) => call('scan.submit', { data, symbology, source: 'wedge' });

async function verdict(data: string, symbology: string | null = null): Promise<string> {
  const result = await ok(scan(data, symbology));
  if (result.kind !== 'scanned') throw new Error(`expected a scanned result, got ${result.kind}`);
  return result.outcome.verdict;
}

async function packBigOrder() {
  await ok(scan('PD-P-0001'));
  const opened = await ok(scan('PD-100006'));
  expect(opened.kind).toBe('opened');
}

describe('one scan pipeline', () => {
  it('logs in by badge, opens an order by its number, then judges items', async () => {
    const login = await ok(scan('PD-P-0001'));
    expect(login).toMatchObject({ kind: 'login', login: { user: { name: 'Anna Kowalska' } } });
    const opened = await ok(scan('PD-100001'));
    expect(opened).toMatchObject({ kind: 'opened', view: { order: { number: 'PD-100001' }, lines: [{ sku: 'MUG-01', ordered: 2, packed: 0 }] } });
    expect(await verdict(CODES.mug)).toBe('accepted');
    expect(await verdict(CODES.mug.slice(1))).toBe('order_complete');
  });

  it('hands the station to another badge between orders', async () => {
    await ok(scan('PD-P-0001'));
    expect(await ok(scan('PD-P-0002'))).toMatchObject({ kind: 'login', login: { user: { name: 'Piotr Nowak' } } });
  });

  it('journals a badge scanned over an open order as whose it was, never its code, nor takes it for a serial', async () => {
    await packBigOrder();
    expect(await verdict(' pd-p-0002 ')).toBe('unknown_barcode');
    await ok(call('pack.acknowledge', {}));
    expect(await verdict(CODES.phone)).toBe('serial_required');
    expect(await verdict('PD-P-0002')).toBe('invalid_barcode');
    const scans = f.journal.bySubject({ kind: 'order', id: 'PD-100006' }).filter((e) => e.type === 'pack.scan');
    const piotr = f.store.users.byBadge('PD-P-0002')!.id;
    expect(scans.filter((e) => e.payload.badgeOf === piotr).map((e) => e.payload.raw)).toEqual(['staff badge', 'staff badge']);
    expect(JSON.stringify(scans).toLowerCase()).not.toContain('pd-p-0002');
  });
});

describe('fragile goods', () => {
  it('tells the packer which lines are fragile: the product’s own mark, and a kit holding a fragile part', async () => {
    for (const sku of ['MUG-01', 'SOAP-01']) {
      const { id: _id, ...product } = f.store.catalog.productBySku(sku)!;
      f.store.catalog.importCatalog({ products: [{ ...product, fragile: true, barcodes: [] }], kits: [], boxes: [] });
    }
    await packBigOrder();
    const view = await ok(call('pack.current', {}));
    expect(view?.lines.map((l) => [l.sku, l.fragile])).toEqual([
      ['MUG-01', true],
      ['PHONE-01', false],
      ['TEA-02', false],
      ['KIT-01', true],
      ['SOAP-01', true],
    ]);
  });

  it('keeps the mark a session was opened with, and shows a session opened before there was one as not fragile', async () => {
    const { id: _id, ...mug } = f.store.catalog.productBySku('MUG-01')!;
    f.store.catalog.importCatalog({ products: [{ ...mug, fragile: true, barcodes: [] }], kits: [], boxes: [] });
    await ok(scan('PD-P-0001'));
    await ok(scan('PD-100001'));
    const db = new Database(path.join(f.dir, 'packdesk.sqlite'));
    try {
      // As a session saved by a Packdesk before migration 0029 is: its lines say nothing of it.
      db.prepare("UPDATE packing_sessions SET state = json_remove(state, '$.lines[0].fragile') WHERE status = 'open'").run();
    } finally {
      db.close();
    }
    const restarted = typedCall(f.restart());
    expect((await ok(restarted('pack.current', {})))?.lines.map((l) => [l.sku, l.fragile])).toEqual([['MUG-01', false]]);
  });
});

describe('what an error says was scanned', () => {
  it('names a wrong item from the catalogue, and gives an unknown or misread code as scanned', async () => {
    await packBigOrder();
    const wrong = await ok(scan(CODES.stranger));
    expect(wrong).toMatchObject({ kind: 'scanned', outcome: { verdict: 'wrong_item', sku: 'STRANGER-01', name: 'Obcy produkt' } });
    await ok(call('pack.acknowledge', {}));
    const unknown = await ok(scan('NO-SUCH-CODE-42'));
    expect(unknown).toMatchObject({ kind: 'scanned', outcome: { verdict: 'unknown_barcode', sku: null, name: null, code: 'NO-SUCH-CODE-42' } });
    await ok(call('pack.acknowledge', {}));
    expect(await ok(scan('5901234123458'))).toMatchObject({ outcome: { verdict: 'bad_check_digit', code: '5901234123458' } });
    await ok(call('pack.acknowledge', {}));
    // A code too long to read from a metre away is cut short; the journal keeps it whole.
    const long = await ok(scan(`X${'9'.repeat(300)}`));
    expect(long).toMatchObject({ outcome: { verdict: 'unknown_barcode', code: `X${'9'.repeat(63)}…` } });
  });

  it('never shows the code of a staff badge scanned over an order', async () => {
    await packBigOrder();
    const badge = await ok(scan('PD-P-0002'));
    expect(badge).toMatchObject({ outcome: { verdict: 'unknown_barcode', code: 'staff badge' } });
  });
});

describe('packing an order end to end', () => {
  it('takes GS1 DataMatrix with serial and lot, kits, case codes and bulk quantities, then completes', async () => {
    await packBigOrder();
    expect(await verdict(CODES.stranger)).toBe('wrong_item');
    expect(await verdict(CODES.mug)).toBe('acknowledge_first');
    await ok(call('pack.acknowledge', {}));
    expect(await verdict(CODES.mug)).toBe('line_complete');
    expect(await verdict(CODES.mug)).toBe('too_many');
    await ok(call('pack.acknowledge', {}));
    expect(await verdict(`01${CODES.phone}21SN-123${GS}10IGNORED`, ']d2')).toBe('line_complete');
    expect(await verdict(`]d201${CODES.phone}21SN-123`)).toBe('too_many');
    await ok(call('pack.acknowledge', {}));
    expect(await verdict('0105901234123457')).toBe('too_many');
    await ok(call('pack.acknowledge', {}));
    expect(await verdict('TEA-02')).toBe('unknown_barcode');
    await ok(call('pack.acknowledge', {}));
    expect(await verdict(CODES.kit)).toBe('line_complete');
    expect(await verdict(CODES.soapCase)).toBe('accepted');
    expect(await verdict(CODES.soap)).toBe('quantity_required');
    const typed = await ok(call('pack.quantity', { quantity: 6 }));
    expect(typed.outcome).toMatchObject({ verdict: 'line_complete', units: 6, sku: 'SOAP-01' });
    const view = typed.view;
    expect(view.lines.find((l) => l.sku === 'TEA-02')).toMatchObject({ packed: 0, complete: false });
    expect(view.units.find((u) => u.sku === 'PHONE-01')).toMatchObject({ serial: 'SN-123' });
  });

  it('refuses a bad check digit and an expired lot, and records a good lot from GS1', async () => {
    await packBigOrder();
    expect(await verdict('5901234123458')).toBe('bad_check_digit');
    await ok(call('pack.acknowledge', {}));
    const tea = f.store.catalog.productBySku('TEA-02')!;
    const teaCode = gtin('590123400099');
    f.store.catalog.importCatalog({ products: [{ ...tea, barcodes: [{ code: teaCode, unitsPerScan: 1 }] }], kits: [], boxes: [] });
    expect(await verdict(`]C101${teaCode}17201031${'10'}OLD`)).toBe('expired_lot');
    await ok(call('pack.acknowledge', {}));
    expect(await verdict(`]C101${teaCode}17271200${'10'}L-2027`)).toBe('line_complete');
    const unit = (await ok(call('pack.current', {})))!.units.at(-1);
    expect(unit).toMatchObject({ sku: 'TEA-02', lot: 'L-2027', expiry: '2027-12-31' });
  });

  it('weighs on the scale within tolerance, then completes and marks the order shipped', async () => {
    await ok(scan('PD-P-0001'));
    await ok(scan('PD-100001'));
    await verdict(CODES.mug);
    await verdict(CODES.mug);
    expect(await verdict('BOX-K1')).toBe('box_chosen');
    const refused = await call('pack.complete', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'PACKING_BLOCKED' } });
    f.scale.start();
    f.scale.setWeight(900);
    const heavy = await ok(call('pack.weigh', { parcel: 1 }));
    expect(heavy.parcels[0]).toMatchObject({ expectedGrams: 820, weightGrams: 900, weightOk: false });
    expect(heavy.blockers).toEqual([{ kind: 'weight_out_of_tolerance', parcel: 1, expectedGrams: 820, actualGrams: 900, allowedGrams: 50 }]);
    expect((await call('pack.weigh', { parcel: 1, grams: 820 })).ok).toBe(false);
    f.scale.setWeight(830);
    const good = await ok(call('pack.weigh', { parcel: 1 }));
    expect(good.canComplete).toBe(true);
    expect(await ok(call('pack.complete', {}))).toEqual({ orderNumber: 'PD-100001', status: 'shipped', parcels: 1, backordered: 0 });
    expect(f.store.orders.byNumber('PD-100001')?.status).toBe('shipped');
    expect(await ok(call('pack.current', {}))).toBeNull();
    const types = f.journal.bySubject({ kind: 'order', id: 'PD-100001' }).map((e) => e.type);
    expect(types).toEqual(['pack.opened', 'pack.scan', 'pack.scan', 'pack.scan', 'pack.weighed', 'pack.weighed', 'pack.completed']);
  });

  it('ships part of an order only with a manager and a reason, and refuses a serial shipped before', async () => {
    await packBigOrder();
    await verdict(CODES.phone);
    expect(await verdict('SN-777')).toBe('line_complete');
    await verdict('K1');
    f.scale.start();
    f.scale.setWeight(f.store.catalog.boxes()[0]!.tareGrams + 200);
    await ok(call('pack.weigh', { parcel: 1 }));
    const asPacker = await call('pack.override', { kind: 'partial', reason: 'Brak na stanie', manager: { badge: 'PD-P-0002' } });
    expect(asPacker).toMatchObject({ ok: false, error: { code: 'MANAGER_REQUIRED' } });
    const wrongPin = await call('pack.override', { kind: 'partial', reason: 'Brak na stanie', manager: { userId: 3, pin: '0000' } });
    expect(wrongPin).toMatchObject({ ok: false, error: { code: 'MANAGER_REQUIRED' } });
    const approved = await ok(call('pack.override', { kind: 'partial', reason: 'Brak na stanie', manager: { userId: 3, pin: '1111' } }));
    expect(approved.overrides).toEqual([expect.objectContaining({ kind: 'partial', managerName: 'Maria Manager', reason: 'Brak na stanie' })]);
    expect(await ok(call('pack.complete', {}))).toMatchObject({ status: 'partially_shipped', backordered: 15 });
    const override = f.journal.bySubject({ kind: 'order', id: 'PD-100006' }).find((e) => e.type === 'pack.override');
    expect(override?.payload).toMatchObject({ kind: 'partial', managerId: 3, reason: 'Brak na stanie' });
    expect(f.packingSerialShipped()).toBe(true);
    // The completion carries the order's lines as the statistics count them (central has no catalogue of the station's).
    const completed = f.journal.bySubject({ kind: 'order', id: 'PD-100006' }).find((e) => e.type === 'pack.completed');
    const line = (sku: string, quantity: number, unitGrams: number, kit = false) => ({ sku, quantity, kit, unitGrams, fragile: false });
    expect(completed?.payload.lines).toEqual([
      line('MUG-01', 1, 350),
      line('PHONE-01', 1, 200),
      line('TEA-02', 1, 120),
      line('KIT-01', 1, 0, true),
      line('SOAP-01', 12, 100),
    ]);
  });

  it('stops completion when the shop cancelled the order meanwhile', async () => {
    await ok(scan('PD-P-0001'));
    await ok(scan('PD-100001'));
    await verdict(CODES.mug);
    await verdict(CODES.mug);
    f.store.orders.setStatus(f.store.orders.byNumber('PD-100001')!.id, 'cancelled');
    expect(await call('pack.complete', {})).toMatchObject({ ok: false, error: { code: 'ORDER_CANCELLED' } });
  });

  it('undoes the last scan and puts an order back with its progress kept', async () => {
    await ok(scan('PD-P-0001'));
    await ok(scan('PD-100001'));
    await verdict(CODES.mug);
    await verdict(CODES.mug);
    const undone = await ok(call('pack.undo', {}));
    expect(undone.lines[0]).toMatchObject({ packed: 1 });
    await ok(call('pack.close', {}));
    expect(await ok(call('pack.current', {}))).toBeNull();
    await ok(call('auth.badge', { badge: 'PD-P-0002' }, { stationId: 'ST-02' }));
    const resumed = await ok(call('pack.open', { code: 'PD-100001' }, { stationId: 'ST-02' }));
    expect(resumed.lines[0]).toMatchObject({ packed: 1 });
  });

  it('asks for the expiry of a lot typed by hand where expired lots are refused, and refuses an expired one', async () => {
    await packBigOrder();
    const tea = f.store.catalog.productBySku('TEA-02')!;
    const teaCode = gtin('590123400099');
    f.store.catalog.importCatalog({ products: [{ ...tea, barcodes: [{ code: teaCode, unitsPerScan: 1 }] }], kits: [], boxes: [] });
    const typed = (data: string) => ok(call('scan.submit', { data, symbology: null, source: 'manual' }));
    // The plain EAN: no lot, no expiry. Typing the lot alone no longer passes the expiry check.
    expect(await verdict(teaCode)).toBe('lot_required');
    expect(await typed('L-OLD')).toMatchObject({ outcome: { verdict: 'expiry_required', sku: 'TEA-02' } });
    expect((await ok(call('pack.current', {})))!.pending).toEqual({ kind: 'expiry', sku: 'TEA-02', name: 'Herbata zielona', lot: 'L-OLD' });
    expect(await typed('261119')).toMatchObject({ outcome: { verdict: 'expired_lot', units: 0 } });
    await ok(call('pack.acknowledge', {}));
    expect(await verdict(teaCode)).toBe('lot_required');
    await typed('L-NEW');
    expect(await typed('2027-12-31')).toMatchObject({ outcome: { verdict: 'line_complete', units: 1 } });
    const unit = (await ok(call('pack.current', {})))!.units.at(-1);
    expect(unit).toMatchObject({ sku: 'TEA-02', lot: 'L-NEW', expiry: '2027-12-31' });
    const scans = f.journal
      .bySubject({ kind: 'order', id: 'PD-100006' })
      .filter((e) => e.type === 'pack.scan')
      .map((e) => e.payload.verdict);
    expect(scans.slice(-6)).toEqual(['lot_required', 'expiry_required', 'expired_lot', 'lot_required', 'expiry_required', 'line_complete']);
  });

  it('resumes exactly where it was after a restart, prompt included', async () => {
    await packBigOrder();
    await verdict(CODES.mug);
    await verdict(CODES.kit);
    expect(await verdict(CODES.phone)).toBe('serial_required');
    const before = await ok(call('pack.current', {}));
    const restarted = f.restart();
    const after = await ok(typedCall(restarted)('pack.current', {}));
    expect(after).toEqual(before);
    const answered = await ok(typedCall(restarted)('scan.submit', { data: 'SN-1', symbology: null, source: 'wedge' }));
    expect(answered).toMatchObject({ kind: 'scanned', outcome: { verdict: 'line_complete', sku: 'PHONE-01' } });
  });
});

describe('an 8-digit scan that is EAN-8 and UPC-E alike', () => {
  const today = new Date('2026-11-20T10:00:00Z');
  const product = (sku: string, code: string) => ({
    sku,
    name: sku,
    weightGrams: 10,
    tracking: 'none' as const,
    refuseExpired: false,
    returnable: true,
    isKit: false,
    fragile: false,
    barcodes: [{ code, unitsPerScan: 1 }],
  });
  const productId = (sku: string) => f.store.catalog.productBySku(sku)!.id;

  it('finds a product the shop knows by its UPC-A under the UPC-E reading of an unmarked scan', () => {
    f.store.catalog.importCatalog({ products: [product('UPC-ITEM', '012345000065')], kits: [], boxes: [] });
    expect(resolveScan(f.store, '01234565', null, today)).toMatchObject({ kind: 'product', productId: productId('UPC-ITEM') });
    expect(resolveScan(f.store, '01234565', ']E0', today)).toMatchObject({ kind: 'product', productId: productId('UPC-ITEM') });
    // ]E4 says EAN-8: then it is another item, which this shop does not sell.
    expect(resolveScan(f.store, '01234565', ']E4', today)).toEqual({ kind: 'other', text: ']E401234565' });
  });

  it('keeps an 8-digit code the shop sent under both readings, so either identifier finds it', () => {
    f.store.catalog.importCatalog({ products: [product('SHORT-ITEM', '01234565')], kits: [], boxes: [] });
    expect(f.store.catalog.barcode('00000001234565')?.productId).toBe(productId('SHORT-ITEM'));
    expect(f.store.catalog.barcode('00012345000065')?.productId).toBe(productId('SHORT-ITEM'));
    for (const symbology of [null, ']E0', ']E4']) {
      expect(resolveScan(f.store, '01234565', symbology, today)).toMatchObject({ kind: 'product', productId: productId('SHORT-ITEM') });
    }
    expect(resolveScan(f.store, '0100012345000065', null, today)).toMatchObject({ kind: 'product', productId: productId('SHORT-ITEM') });
  });

  it('does not guess when each reading is another product, and never lets a reading take a code from its owner', () => {
    f.store.catalog.importCatalog({
      products: [product('EAN8-ITEM', '00000001234565'), product('AMBIGUOUS-ITEM', '01234565'), product('UPCA-ITEM', '012345000065')],
      kits: [],
      boxes: [],
    });
    expect(f.store.catalog.barcode('00000001234565')?.productId).toBe(productId('EAN8-ITEM'));
    expect(f.store.catalog.barcode('00012345000065')?.productId).toBe(productId('UPCA-ITEM'));
    expect(resolveScan(f.store, '01234565', null, today)).toEqual({ kind: 'invalid', verdict: 'invalid_barcode' });
    expect(resolveScan(f.store, '01234565', ']E4', today)).toMatchObject({ kind: 'product', productId: productId('EAN8-ITEM') });
    expect(resolveScan(f.store, '01234565', ']E0', today)).toMatchObject({ kind: 'product', productId: productId('UPCA-ITEM') });
  });

  it('keeps every other GTIN the shop sent as GTIN-14, the way scans are looked up', () => {
    f.store.catalog.importCatalog({ products: [product('EAN13-ITEM', '4006381333931'), product('SKU-ITEM', 'SKU-77')], kits: [], boxes: [] });
    expect(resolveScan(f.store, '4006381333931', null, today)).toMatchObject({ kind: 'product', productId: productId('EAN13-ITEM') });
    expect(f.store.catalog.barcode('04006381333931')?.productId).toBe(productId('EAN13-ITEM'));
    expect(f.store.catalog.barcode('SKU-77')?.productId).toBe(productId('SKU-ITEM'));
  });
});

describe('a GS1 Digital Link in a QR Code', () => {
  it('resolves to the product of its AI (01), with the serial, lot and expiry it carries', () => {
    const today = new Date('2026-11-20T10:00:00Z');
    const phone = f.store.catalog.productBySku('PHONE-01')!.id;
    const uri = `https://brand.example/01/${CODES.phone}/10/L-7/21/SN-9?17=271200`;
    expect(resolveScan(f.store, uri, ']Q1', today)).toEqual({ kind: 'product', productId: phone, units: 1, serial: 'SN-9', lot: 'L-7', expiry: '2027-12-31' });
    expect(resolveScan(f.store, `https://id.gs1.org/gtin/${CODES.phone}/ser/SN-10`, null, today)).toMatchObject({ kind: 'product', serial: 'SN-10' });
  });
});

describe('each barcode of a logistic label on its own', () => {
  it('resolves a (02)(37) barcode without its (00), from a scanner with or without identifiers', () => {
    const today = new Date('2026-11-20T10:00:00Z');
    const soap = f.store.catalog.productBySku('SOAP-01')!.id;
    const expected = { kind: 'product', productId: soap, units: 6, serial: null, lot: null, expiry: null };
    expect(resolveScan(f.store, `02${CODES.soap}376`, ']C1', today)).toEqual(expected);
    expect(resolveScan(f.store, `02${CODES.soap}376`, null, today)).toEqual(expected);
    expect(resolveScan(f.store, `\x1d02${CODES.soap}376`, null, today)).toEqual(expected);
  });
});
