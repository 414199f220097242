import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CarrierKind } from '../../../src/app/ports/carriers';
import { shipmentRequest } from '../../fixtures/carriers/requests';
import { createStationFixture, typedCall, type StationFixture } from '../../support/station-fixture';
import { ok } from './documents/support';

let f: StationFixture;
beforeEach(() => {
  f = createStationFixture({ carriers: { timeoutMs: 1000 } });
});
afterEach(() => f.close());

/** A carrier shipment queued at `at` for an order's parcel, then taken as far as `status`. */
function shipment(orderNumber: string, carrier: CarrierKind, at: string, status: 'queued' | 'labelled' | 'parked' | 'handed_over') {
  const shipments = f.carriers!.ports.shipments;
  const order = f.store.orders.byNumber(orderNumber)!;
  shipments.add({ orderId: order.id, orderNumber, stationId: 'ST-01', carrier, request: shipmentRequest({ orderNumber }), at });
  const id = shipments.forOrder(orderNumber).at(-1)!.id;
  if (status === 'queued') return;
  if (status === 'parked') return shipments.park(id, 'The receiver’s phone number is refused.', at);
  shipments.markCreated(id, { shipmentId: `S-${orderNumber}`, trackingNumber: `T-${orderNumber}` }, at);
  shipments.markLabelled(id, { format: 'zpl', bytes: new Uint8Array([1]), trackingNumber: `T-${orderNumber}` }, at);
  if (status === 'handed_over') shipments.markHandedOver([id], 1, at);
}

describe('shift.endOfDay', () => {
  it("lists per carrier what the next handover takes, today's handed over, and what is left out and why, by the station's day", async () => {
    // The clock says 08:00 UTC on 20 November: 09:00 in Warsaw, whose day began at 23:00 UTC.
    shipment('PD-100001', 'inpost', '2026-11-20T07:00:00.000Z', 'labelled');
    shipment('PD-100002', 'inpost', '2026-11-19T15:00:00.000Z', 'labelled'); // yesterday's, still not handed over
    shipment('PD-100006', 'dpd', '2026-11-19T23:30:00.000Z', 'handed_over'); // today in Warsaw
    shipment('PD-100003', 'dpd', '2026-11-18T10:00:00.000Z', 'handed_over'); // an earlier day's, done
    shipment('PD-100004', 'inpost', '2026-11-20T07:30:00.000Z', 'parked');
    shipment('PD-100005', 'inpost', '2026-11-20T07:45:00.000Z', 'queued');
    const call = typedCall(f.station);
    await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
    const day = await ok(call('shift.endOfDay', {}));
    expect(day).toEqual({
      date: '2026-11-20',
      from: '2026-11-19T23:00:00.000Z',
      to: '2026-11-20T23:00:00.000Z',
      carriers: [
        { carrier: 'dpd', ready: [], handedOver: 1 },
        {
          carrier: 'inpost',
          ready: [
            { orderNumber: 'PD-100002', parcelNo: 1, trackingNumber: 'T-PD-100002', since: '2026-11-19T15:00:00.000Z' },
            { orderNumber: 'PD-100001', parcelNo: 1, trackingNumber: 'T-PD-100001', since: '2026-11-20T07:00:00.000Z' },
          ],
          handedOver: 0,
        },
      ],
      leftOut: [
        { carrier: 'inpost', orderNumber: 'PD-100004', parcelNo: 1, reason: 'parked', detail: 'The receiver’s phone number is refused.' },
        { carrier: 'inpost', orderNumber: 'PD-100005', parcelNo: 1, reason: 'waiting_for_carrier', detail: null },
      ],
    });
  });

  it('is for managers, and empty at a station without carriers', async () => {
    const call = typedCall(f.station);
    await ok(call('auth.badge', { badge: 'PD-P-0001' }));
    const refused = await call('shift.endOfDay', {});
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    const plain = createStationFixture();
    try {
      const as = typedCall(plain.station);
      await ok(as('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
      expect(await ok(as('shift.endOfDay', {}))).toMatchObject({ date: '2026-11-20', carriers: [], leftOut: [] });
    } finally {
      plain.close();
    }
  });
});
