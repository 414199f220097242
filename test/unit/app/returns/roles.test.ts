import { afterEach, describe, expect, it } from 'vitest';
import { hashPin } from '../../../../src/app/pin';
import { createStationFixture, typedCall, type StationFixture } from '../../../support/station-fixture';

let f: StationFixture | null = null;
afterEach(() => f?.close());

function withReturnsHandler() {
  f = createStationFixture();
  f.store.users.insert({ name: 'Rita Returns', role: 'returns', badgeCode: 'PD-R-0001', pinHash: hashPin('1111'), language: null });
  const call = typedCall(f.station);
  const scan = (data: string, stationId = 'ST-01') => call('scan.submit', { data, symbology: null, source: 'wedge' }, { stationId });
  return { f, call, scan };
}

describe('who may pack', () => {
  it('refuses a returns handler who scans an order number: nothing is opened, locked or journaled as packing', async () => {
    const { f, scan } = withReturnsHandler();
    expect(await scan('PD-R-0001')).toMatchObject({ ok: true, value: { kind: 'login' } });
    const before = f.journal.lastSeq();
    const result = await scan('PD-100001');
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', params: { role: 'returns' } } });
    const order = f.store.orders.byNumber('PD-100001')!;
    expect(f.store.orders.openAt(order.id)).toBeNull();
    expect(f.journal.range(before + 1, 10).map((e) => e.type)).toEqual([]);
  });

  it('refuses a returns handler at pack.open, as scan.submit does', async () => {
    const { scan, call } = withReturnsHandler();
    await scan('PD-R-0001');
    expect(await call('pack.open', { code: 'PD-100001' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('still lets a returns handler’s scan of another badge hand the station over', async () => {
    const { scan } = withReturnsHandler();
    await scan('PD-R-0001');
    expect(await scan('PD-P-0001')).toMatchObject({ ok: true, value: { kind: 'login', login: { user: { role: 'packer' } } } });
    expect(await scan('PD-100001')).toMatchObject({ ok: true, value: { kind: 'opened' } });
  });

  it('lets packers, managers and admins open an order by scan', async () => {
    const { f, scan } = withReturnsHandler();
    f.store.users.insert({ name: 'Adam Admin', role: 'admin', badgeCode: 'PD-A-0001', pinHash: hashPin('1111'), language: null });
    await scan('PD-P-0001');
    expect(await scan('PD-100001')).toMatchObject({ ok: true, value: { kind: 'opened' } });
  });
});

describe('a packing slip’s return code at a packing station', () => {
  it('says the parcel is a return to take to the returns desk, in any case, and opens nothing', async () => {
    const { f, scan, call } = withReturnsHandler();
    await scan('PD-P-0001');
    const before = f.journal.lastSeq();
    for (const code of ['RET-PD-100004', 'ret-pd-100004 ', 'RET-PD-100001']) {
      expect(await scan(code)).toMatchObject({ ok: false, error: { code: 'RETURN_SLIP_AT_PACKING', params: { order: code.trim().slice(4).toUpperCase() } } });
    }
    expect(await call('pack.open', { code: 'RET-PD-100004' })).toMatchObject({ ok: false, error: { code: 'RETURN_SLIP_AT_PACKING' } });
    expect(f.journal.range(before + 1, 10)).toEqual([]);
    expect(f.store.orders.openAt(f.store.orders.byNumber('PD-100001')!.id)).toBeNull();
  });

  it('still says "already shipped" for a shipped order’s bare number', async () => {
    const { scan } = withReturnsHandler();
    await scan('PD-P-0001');
    expect(await scan('PD-100004')).toMatchObject({ ok: false, error: { code: 'ORDER_SHIPPED' } });
  });
});

describe('a station’s kind', () => {
  it('is a packing desk until a manager makes it a returns desk, with its own time zone', async () => {
    const { f, call } = withReturnsHandler();
    expect(await call('station.info', {})).toMatchObject({ ok: true, value: { station: { kind: 'packing', timeZone: 'Europe/Warsaw' } } });
    await call('auth.badge', { badge: 'PD-M-0001', pin: '1111' });
    expect(await call('settings.update', { kind: 'returns', timeZone: 'Europe/Berlin' })).toMatchObject({ ok: true, value: { kind: 'returns' } });
    expect(await call('settings.update', { timeZone: 'Mars/Olympus' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(f.store.stations.get('ST-01')).toMatchObject({ kind: 'returns', timeZone: 'Europe/Berlin' });
    expect(await call('station.info', {})).toMatchObject({ ok: true, value: { station: { kind: 'returns' } } });
  });

  it('keeps why a product is not returnable through an import that does not say', () => {
    const { f } = withReturnsHandler();
    const brush = {
      sku: 'BRUSH-01',
      name: 'Szczoteczka',
      weightGrams: 30,
      tracking: 'none' as const,
      refuseExpired: false,
      isKit: false,
      fragile: false,
      barcodes: [],
    };
    f.store.catalog.importCatalog({ products: [{ ...brush, returnable: false, nonReturnableReason: 'hygiene' }], kits: [], boxes: [] });
    expect(f.store.catalog.productBySku('BRUSH-01')).toMatchObject({ returnable: false, nonReturnableReason: 'hygiene' });
    f.store.catalog.importCatalog({ products: [{ ...brush, returnable: false }], kits: [], boxes: [] });
    expect(f.store.catalog.productBySku('BRUSH-01')).toMatchObject({ nonReturnableReason: 'hygiene' });
    f.store.catalog.importCatalog({ products: [{ ...brush, returnable: true }], kits: [], boxes: [] });
    expect(f.store.catalog.productBySku('BRUSH-01')).toMatchObject({ returnable: true, nonReturnableReason: null });
  });
});
