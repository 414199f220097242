import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createShipmentOnce } from '../../../src/app/carriers/create-once';
import { BaselinkerCouriers, type BaselinkerCourierSettings } from '../../../src/carriers/baselinker/couriers';
import { cleanZpl } from '../../../src/domain/zpl-clean';
import { BaselinkerClient } from '../../../src/sync/baselinker/client';
import { BL_TOKEN, startFakeBaselinkerCouriers, type FakeBaselinkerCouriers } from '../../fixtures/carriers/baselinker-couriers-fake';
import { SENDER, shipmentRequest } from '../../fixtures/carriers/requests';
import { failureOf, pdfBarcodes, zplBarcodes } from './tools';

describe('BaseLinker couriers through the shop client, against a local fake', () => {
  let fake: FakeBaselinkerCouriers;
  const settings = (overrides: Partial<BaselinkerCourierSettings> = {}): BaselinkerCourierSettings => ({
    courierCode: 'inpostkurier',
    accountId: 1234,
    fields: [{ id: 'package_type', value: 'box' }],
    fieldIds: { cod: 'cod', insurance: 'insurance', pickupPoint: null },
    pickupFields: [{ id: 'shipments_weight', value: '5' }],
    ...overrides,
  });
  /** The shop's own client, as the composition root hands it over: one token, one limiter. */
  const couriers = (overrides: Partial<BaselinkerCourierSettings> = {}, timeoutMs: number | null = null, token: string | null = BL_TOKEN) => {
    const shortFetch: typeof fetch = (url, init) =>
      fetch(url, { ...init, signal: timeoutMs === null ? init?.signal : AbortSignal.any([init!.signal!, AbortSignal.timeout(timeoutMs)]) });
    const client = new BaselinkerClient({ url: fake.url, token, requestsPerMinute: 100, fetch: shortFetch });
    return new BaselinkerCouriers((method, parameters) => client.call(method, parameters), settings(overrides));
  };
  const request = (overrides = {}) =>
    shipmentRequest({
      shopOrderId: '6910995',
      service: 'inpostkurier',
      cod: { minor: 9999, currency: 'PLN' },
      declaredValue: { minor: 20000, currency: 'PLN' },
      ...overrides,
    });

  beforeEach(async () => {
    fake = await startFakeBaselinkerCouriers();
    fake.orders.push(6910995, 6910996);
  });
  afterEach(async () => {
    await fake.close();
  });

  it('checks that the courier is connected in BaseLinker', async () => {
    expect(await couriers().testConnection()).toEqual({ account: 'BaseLinker: InPost Kurier' });
    const failure = await failureOf(couriers({ courierCode: 'ups' }).testConnection());
    expect(failure.message).toBe('BaseLinker has no courier "ups" connected; pick one of inpostkurier, dpd, pocztapolska.');
  });

  it('creates a package on the shop’s order with weight, size, the account and the COD and insurance fields', async () => {
    const made = await couriers().createShipment(request());
    expect(made).toMatchObject({ carrier: 'baselinker', shipmentId: '6910995/5000', status: 'confirmed', trackingNumber: '620000000000000000005000' });
    expect(fake.calls.at(-1)).toEqual({
      method: 'createPackage',
      parameters: {
        order_id: 6910995,
        courier_code: 'inpostkurier',
        account_id: 1234,
        fields: [
          { id: 'package_type', value: 'box' },
          { id: 'cod', value: '99.99' },
          { id: 'insurance', value: '200.00' },
        ],
        packages: [{ weight: 1.25, length: 30, width: 20, height: 7 }],
      },
    });
    expect(await couriers().awaitConfirmation(made.shipmentId)).toMatchObject({ status: 'confirmed', carrierStatus: 'tracking_status 1' });
  });

  it('gives the label in the format the courier account sends: ZPL and PDF scan back, HTML is refused with a way out', async () => {
    const zplShipment = await couriers().createShipment(request());
    const zpl = await couriers().label(zplShipment.shipmentId, { format: 'zpl', size: '4x6' });
    expect(zpl.format).toBe('zpl');
    expect(await zplBarcodes(cleanZpl(zpl.bytes).bytes, { widthMm: 102, heightMm: 152 }, 203)).toEqual([`CODE-128:${zplShipment.trackingNumber}`]);

    const dpd = couriers({ courierCode: 'dpd' });
    const pdfShipment = await dpd.createShipment(request());
    const pdf = await dpd.label(pdfShipment.shipmentId, { format: 'zpl', size: 'a6' });
    expect(pdf.format).toBe('pdf');
    expect(pdfBarcodes(pdf.bytes, 200)).toEqual([[`CODE-128:${pdfShipment.trackingNumber}`]]);

    const post = couriers({ courierCode: 'pocztapolska' });
    const html = await post.createShipment(request());
    expect((await failureOf(post.label(html.shipmentId, { format: 'pdf', size: 'a6' }))).message).toBe(
      "BaseLinker sent the pocztapolska label as HTML, which a label printer cannot print; set PDF, ZPL or EPL in the courier's settings in BaseLinker.",
    );
  });

  it('cancels with deleteCourierPackage, and passes on the courier’s refusal once the parcel is on its way', async () => {
    const made = await couriers().createShipment(request());
    await couriers().cancel(made.shipmentId);
    expect(fake.packages[0]!.tracking_status).toBe(10);
    const second = await couriers().createShipment(request());
    fake.packages[1]!.tracking_status = 2;
    const failure = await failureOf(couriers().cancel(second.shipmentId));
    expect(failure).toMatchObject({ kind: 'refused', key: 'carrier.cancel_refused' });
    expect(failure.message).toBe(
      'BaseLinker refused deleteCourierPackage: ERROR_COURIER: Kurier: przesyłka została już nadana i nie może zostać anulowana (the cancellation, courier inpostkurier).',
    );
  });

  it('closes the day with the courier pickup and the protocol for the day’s packages; says so for a courier without protocols', async () => {
    const a = await couriers().createShipment(request());
    const b = await couriers().createShipment(request({ shopOrderId: '6910996' }));
    const handover = await couriers().closeDay({
      shipmentIds: [a.shipmentId, b.shipmentId],
      date: '2024-05-01',
      sender: SENDER,
      pickup: { date: '2024-05-01', from: '14:00', to: '16:00', address: SENDER, parcelCount: 2, totalWeightGrams: 2500, comment: null },
    });
    expect(handover).toMatchObject({ number: null, shipmentIds: [a.shipmentId, b.shipmentId], pickup: { reference: 'PICK-1' } });
    expect(pdfBarcodes(handover.document.bytes, 150)).toEqual([['CODE-128:BL5000-5001']]);
    expect(fake.pickups[0]).toEqual({
      courier_code: 'inpostkurier',
      package_ids: [5000, 5001],
      fields: [
        { id: 'pickup_date', value: String(Date.parse('2024-05-01T14:00:00Z') / 1000) },
        { id: 'shipments_weight', value: '5' },
      ],
    });
    const post = couriers({ courierCode: 'pocztapolska' });
    const c = await post.createShipment(request());
    const failure = await failureOf(post.closeDay({ shipmentIds: [c.shipmentId], date: '2024-05-01', sender: SENDER, pickup: null }));
    expect(failure).toMatchObject({ key: 'carrier.handover_failed' });
    expect(failure.message).toBe(
      'BaseLinker refused getProtocol: ERROR_COURIER: Kurier nie obsługuje protokołów (the handover protocol, courier pocztapolska).',
    );
  });

  describe('errors in clear sentences', () => {
    it('an order that did not come from BaseLinker, and fields the courier has none for, before asking', async () => {
      expect((await failureOf(couriers().createShipment(request({ shopOrderId: null })))).message).toBe(
        'Order PD-1001 did not come from BaseLinker, so a BaseLinker courier cannot ship it; choose another carrier for it.',
      );
      expect((await failureOf(couriers().createShipment(request({ pickupPoint: 'KRA010' })))).message).toBe(
        "BaseLinker's courier inpostkurier has no field set up for the pickup point (Settings → Carriers).",
      );
      expect(fake.calls).toHaveLength(0);
    });

    it('a courier’s refusal keeps its own words', async () => {
      const failure = await failureOf(couriers().createShipment(request({ parcel: { index: 1, count: 1, weightGrams: 0, dimensionsMm: null } })));
      expect(failure).toMatchObject({ kind: 'refused', key: 'carrier.refused', details: { method: 'createPackage' } });
      expect(failure.message).toBe('BaseLinker refused createPackage: ERROR_COURIER: Kurier: waga paczki jest wymagana (the package, courier inpostkurier).');
    });

    it('a bad token, a blocked token and BaseLinker down', async () => {
      expect(await failureOf(couriers({}, null, 'wrong').testConnection())).toMatchObject({ kind: 'refused', key: 'carrier.auth' });
      for (let i = 0; i < 100; i++) await couriers().testConnection();
      const blocked = await failureOf(couriers().testConnection());
      expect(blocked).toMatchObject({ kind: 'unavailable', key: 'carrier.rate_limited', retryable: true });
      expect(blocked.message).toContain('The token is blocked for going over 100 requests a minute');
      fake.switches.mode = 'down';
      expect(await failureOf(couriers().testConnection())).toMatchObject({ kind: 'unavailable', key: 'carrier.unreachable' });
    });
  });

  it('a retry after a timeout that already made the package finds it among the order’s packages and makes no second one', async () => {
    fake.switches.hangAfterCreate = true;
    const first = request({ reference: 'PD-1001', parcel: { index: 1, count: 2, weightGrams: 1000, dimensionsMm: null } });
    const timedOut = await failureOf(createShipmentOnce(couriers({}, 300), first, { first: true }));
    expect(timedOut).toMatchObject({ kind: 'timeout', key: 'carrier.timeout' });
    fake.switches.hangAfterCreate = false;
    expect(await createShipmentOnce(couriers(), first, { first: false })).toMatchObject({ created: false, shipment: { shipmentId: '6910995/5000' } });
    // The second parcel has no package yet, so its first retry makes one.
    const second = request({ reference: 'PD-1001/2', parcel: { index: 2, count: 2, weightGrams: 1000, dimensionsMm: null } });
    expect(await createShipmentOnce(couriers(), second, { first: false })).toMatchObject({ created: true, shipment: { shipmentId: '6910995/5001' } });
    expect(fake.packages.filter((p) => p.order_id === 6910995)).toHaveLength(2);
  });
});
