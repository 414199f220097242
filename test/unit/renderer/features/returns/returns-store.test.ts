import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPin } from '../../../../../src/app/pin';
import { setTransport } from '../../../../../renderer/api/client';
import { useReturnsStore } from '../../../../../renderer/features/returns/returnsStore';
import { CODES, createStationFixture, typedCall, type StationFixture } from '../../../../support/station-fixture';

let fx: StationFixture;
const DESK = { stationId: 'ST-03' };

/**
 * The returns desk's store over a real station core and database, the transport the only thing in
 * between: Anna packed PD-200001 (two mugs and a phone, serial SN-500) at ST-01, Rita takes returns at ST-03.
 */
beforeEach(async () => {
  fx = createStationFixture();
  fx.store.stations.upsert({ id: 'ST-03', name: 'Zwroty', language: 'pl', idleLogoutMinutes: 15, kind: 'returns' });
  fx.store.users.insert({ name: 'Rita Returns', role: 'returns', badgeCode: 'PD-R-0001', pinHash: hashPin('1111'), language: null });
  fx.store.orders.insertMany([
    {
      number: 'PD-200001',
      externalId: null,
      status: 'ready',
      customerName: 'Grażyna Wróbel',
      shipTo: {
        name: 'Grażyna Wróbel',
        company: null,
        street: 'ul. Polna 1',
        city: 'Gdańsk',
        postcode: '80-001',
        country: 'PL',
        phone: null,
        email: 'g@example.pl',
      },
      carrierCode: 'inpost',
      service: 'locker',
      note: null,
      createdAt: '2026-11-19T12:00:00Z',
      lines: [
        { sku: 'MUG-01', quantity: 2 },
        { sku: 'PHONE-01', quantity: 1 },
      ],
    },
  ]);
  const call = typedCall(fx.station);
  const scan = (data: string, options?: { stationId: string }) => call('scan.submit', { data, symbology: null, source: 'wedge' }, options);
  // One after another, as a station takes them.
  const steps = [
    () => call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }),
    () => call('settings.packing', { requireWeight: false }),
    () => scan('PD-P-0001'),
    () => scan('PD-200001'),
    () => scan(CODES.mug),
    () => scan(CODES.mug),
    () => scan(CODES.phone),
    () => scan('SN-500'),
    () => scan('BOX-K1'),
    () => call('pack.complete', {}),
    () => scan('PD-R-0001', DESK),
  ];
  for (const step of steps) expect(await step()).toMatchObject({ ok: true });
  setTransport({ invoke: (method, input) => fx.station.dispatch(method, input, DESK), subscribe: () => () => undefined, mediaUrl: () => '' });
  useReturnsStore.getState().reset();
});
afterEach(() => fx.close());

describe('the returns desk’s store', () => {
  it('identifies a slip’s return code, opens a withdrawal, takes an item and a wrong item, grades both, decides and closes', async () => {
    const desk = () => useReturnsStore.getState();
    await desk().scan('RET-PD-200001');
    expect(desk().candidates).toEqual([expect.objectContaining({ number: 'PD-200001', matchedBy: 'return_code' })]);
    // The packer is not named to a handler before the decision.
    expect(desk().candidates[0]!.shipments[0]!.packer).toBeNull();
    desk().setType('withdrawal');
    await desk().open();
    expect(desk()).toMatchObject({ pane: 'return', error: null });
    expect(desk().view).toMatchObject({ type: 'withdrawal', stage: 'open', eligibility: { eligible: true } });

    // With a return open, a scan is an item: ours, then one we never shipped on this order.
    await desk().scan(CODES.mug);
    expect(desk().lastScan).toMatchObject({ outcome: 'matched', code: CODES.mug });
    const mug = desk().lastScan!.itemId;
    expect(desk().selectedItem).toBe(mug);
    await desk().scan(CODES.stranger);
    expect(desk().lastScan).toMatchObject({ outcome: 'wrong_item' });
    const wrong = desk().lastScan!.itemId;
    expect(desk().view!.items.find((i) => i.id === wrong)).toMatchObject({ condition: 'wrong_item', suggestedDisposition: 'to_customer' });

    expect(await desk().grade(mug, { condition: 'damaged', disposition: 'scrap', reasonCode: 'damaged_poor_packing', packingErrorConfirmed: true })).toBe(true);
    expect(await desk().grade(wrong, { condition: 'wrong_item', disposition: 'to_customer', note: 'someone else’s' })).toBe(true);

    expect(await desk().decide({ refund: { amountMinor: 4990, currency: 'PLN' }, outcome: null, reason: null })).toBeNull();
    expect(desk().view).toMatchObject({ stage: 'awaiting_refund', decision: { refund: { amountMinor: 4990 } } });
    // Decided: the packer whose error it was is named now.
    expect(desk().view!.items.find((i) => i.id === mug)?.attributedTo?.packer).toBe('Anna Kowalska');

    await desk().loadList();
    expect(desk().list.returns.map((r) => r.orderNumber)).toContain('PD-200001');
    await desk().close();
    expect(desk().view?.stage).toBe('closed');
  });

  it('keeps a refusal to say in the rule’s words and changes nothing', async () => {
    const desk = () => useReturnsStore.getState();
    await desk().identify('PD-200001');
    await desk().open();
    await desk().scan(CODES.mug);
    await desk().scan(CODES.mug);
    await desk().scan(CODES.mug);
    expect(desk().error).toMatchObject({ params: expect.objectContaining({ sentence: expect.any(String) }) });
    expect(desk().view!.items).toHaveLength(2);
    // Deciding with ungraded items is refused too.
    const refused = await desk().decide({ refund: null, outcome: null, reason: null });
    expect(refused?.params?.sentence).toBe('items_ungraded');
  });

  it('opens with the dates the handler knows, and forgets them for the next parcel', async () => {
    const desk = () => useReturnsStore.getState();
    await desk().identify('PD-200001');
    desk().setType('complaint');
    desk().setDates({ deliveredOn: fx.clock.now().toISOString().slice(0, 10), declaredOn: 'not a date' });
    await desk().open();
    expect(desk().view).toMatchObject({
      type: 'complaint',
      deliveredOn: fx.clock.now().toISOString().slice(0, 10),
      eligibility: { window: { countedFrom: 'delivery' } },
    });
    await desk().identify('PD-200001');
    expect(desk().dates).toEqual({ declaredOn: '', deliveredOn: '' });
  });

  it('takes the scan after a serial-numbered product as its serial', async () => {
    const desk = () => useReturnsStore.getState();
    await desk().identify('RET-PD-200001');
    await desk().open();
    await desk().scan(CODES.phone);
    expect(desk()).toMatchObject({ serialFor: CODES.phone, error: { params: expect.objectContaining({ sentence: 'serial_needed' }) } });
    await desk().scan('SN-500');
    expect(desk()).toMatchObject({ serialFor: null, error: null, lastScan: { outcome: 'matched', code: CODES.phone } });
    expect(desk().view!.items).toEqual([expect.objectContaining({ sku: 'PHONE-01', serial: 'SN-500' })]);
  });

  it('records a parcel that matches nothing as not ours, and links it to its order later', async () => {
    const desk = () => useReturnsStore.getState();
    await desk().scan('NOTHING-LIKE-THIS');
    expect(desk()).toMatchObject({ candidates: [], notOursFound: [], searched: 'NOTHING-LIKE-THIS' });
    expect(await desk().recordNotOurs({ sender: { name: 'Jan Obcy' }, tracking: 'TRK-1', scanned: 'NOTHING-LIKE-THIS' })).toBeNull();
    expect(desk()).toMatchObject({ pane: 'notOurs', notOurs: { status: 'held', senderName: 'Jan Obcy' } });
    const number = desk().notOurs!.number;
    desk().back();
    await desk().identify('TRK-1');
    expect(desk().notOursFound.map((p) => p.number)).toEqual([number]);
    await desk().showNotOurs(number);
    expect(await desk().linkNotOurs('PD-200001')).toBeNull();
    expect(desk().notOurs).toMatchObject({ status: 'linked', linkedOrderNumber: 'PD-200001' });
  });

  it('a scan with no return open identifies, and back() clears the parcel but keeps the list', async () => {
    const desk = () => useReturnsStore.getState();
    await desk().loadList();
    await desk().scan('PD-200001');
    expect(desk().candidates).toHaveLength(1);
    desk().back();
    expect(desk()).toMatchObject({ pane: 'identify', candidates: [], searched: null, view: null });
  });
});
