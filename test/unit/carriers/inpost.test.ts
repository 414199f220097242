import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createShipmentOnce } from '../../../src/app/carriers/create-once';
import { InpostCarrier } from '../../../src/carriers/inpost/inpost';
import { detailLines, lockerTemplate } from '../../../src/carriers/inpost/mapping';
import { cleanZpl } from '../../../src/domain/zpl-clean';
import { INPOST_ORG, INPOST_TOKEN, startFakeInpost, type FakeInpost } from '../../fixtures/carriers/inpost-fake';
import { shipmentRequest } from '../../fixtures/carriers/requests';
import { failureOf, pdfBarcodes, zplBarcodes } from './tools';

describe('InPost ShipX against a local fake', () => {
  let fake: FakeInpost;
  let carrier: InpostCarrier;
  const connect = (overrides: Partial<ConstructorParameters<typeof InpostCarrier>[0]> = {}) =>
    new InpostCarrier({ url: fake.url, organizationId: INPOST_ORG, token: INPOST_TOKEN, timeoutMs: 2000, sleep: async () => undefined, ...overrides });
  const locker = (overrides = {}) => shipmentRequest({ service: 'inpost_locker_standard', pickupPoint: 'KRA010', ...overrides });
  const courier = (overrides = {}) =>
    shipmentRequest({
      service: 'inpost_courier_standard',
      declaredValue: { minor: 25000, currency: 'PLN' },
      cod: { minor: 9999, currency: 'PLN' },
      ...overrides,
    });

  beforeEach(async () => {
    fake = await startFakeInpost();
    carrier = connect();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('checks the connection with the organisation the token belongs to', async () => {
    expect(await carrier.testConnection()).toEqual({ account: 'InPost: Sklep Testowy sp. z o.o.' });
    const other = connect({ organizationId: '999' });
    expect((await failureOf(other.testConnection())).key).toBe('carrier.auth');
  });

  it('creates a locker shipment with the locker, the size that fits and the order number; it has no tracking number until confirmed', async () => {
    const made = await carrier.createShipment(locker());
    expect(made).toMatchObject({ carrier: 'inpost', status: 'pending', trackingNumber: null, carrierStatus: 'created', reference: 'PD-1001' });
    const sent = JSON.parse(fake.requests.at(-1)!.body.toString('utf8'));
    expect(sent).toMatchObject({
      service: 'inpost_locker_standard',
      reference: 'PD-1001',
      custom_attributes: { target_point: 'KRA010', sending_method: 'dispatch_order' },
      parcels: [{ template: 'small', weight: { amount: '1.250', unit: 'kg' } }],
      receiver: { first_name: 'Jan', last_name: 'Kowalski', phone: '600100200', email: 'jan@example.com' },
    });
    expect(sent.receiver.address).toBeUndefined();
    expect(fake.requests.at(-1)!.headers.authorization).toBe(`Bearer ${INPOST_TOKEN}`);

    const confirmed = await carrier.awaitConfirmation(made.shipmentId);
    expect(confirmed).toMatchObject({ status: 'confirmed', carrierStatus: 'confirmed' });
    expect(confirmed.trackingNumber).toMatch(/^\d{24}$/);
  });

  it('sends a courier parcel with its dimensions, address split into street and number, COD and insurance', async () => {
    await carrier.createShipment(courier());
    const sent = JSON.parse(fake.requests.at(-1)!.body.toString('utf8'));
    expect(sent).toMatchObject({
      service: 'inpost_courier_standard',
      parcels: [{ dimensions: { length: '300', width: '200', height: '70', unit: 'mm' }, weight: { amount: '1.250', unit: 'kg' } }],
      receiver: { address: { street: 'ul. Polna', building_number: '12/4', city: 'Poznań', post_code: '60-001', country_code: 'PL' } },
      cod: { amount: 99.99, currency: 'PLN' },
      insurance: { amount: 250, currency: 'PLN' },
      additional_services: ['cod'],
    });
  });

  it('picks the smallest locker a box fits and refuses a box that fits none before asking InPost', async () => {
    expect(lockerTemplate({ length: 640, width: 380, height: 80 })).toBe('small');
    expect(lockerTemplate({ length: 100, width: 100, height: 150 })).toBe('medium');
    expect(lockerTemplate({ length: 400, width: 380, height: 640 })).toBe('large');
    expect(lockerTemplate({ length: 700, width: 100, height: 100 })).toBeNull();
    const failure = await failureOf(
      carrier.createShipment(locker({ parcel: { index: 1, count: 1, weightGrams: 2000, dimensionsMm: { length: 700, width: 300, height: 300 } } })),
    );
    expect(failure).toMatchObject({ kind: 'invalid', key: 'carrier.invalid_data' });
    expect(failure.message).toBe('Parcel 1 of order PD-1001 does not fit an InPost locker (at most 41 × 38 × 64 cm and 25 kg); send it by InPost courier.');
    expect(fake.shipments).toHaveLength(0);
  });

  it('says the label is not there yet while the shipment is not confirmed, and that awaiting can time out', async () => {
    fake.options.confirmAfterReads = 1000;
    const made = await carrier.createShipment(locker());
    const early = await failureOf(carrier.label(made.shipmentId, { format: 'pdf', size: 'a6' }));
    expect(early).toMatchObject({ kind: 'timeout', key: 'carrier.not_confirmed', retryable: true });
    const waited = await failureOf(carrier.awaitConfirmation(made.shipmentId, { timeoutMs: 0 }));
    expect(waited.message).toBe(`InPost has not confirmed shipment ${made.shipmentId} yet (status created); its label follows when it does.`);
  });

  it('stops waiting and says why when InPost has no available offer for the shipment', async () => {
    fake.options.offersUnavailable = ['service_unavailable'];
    const made = await carrier.createShipment(locker());
    const failure = await failureOf(carrier.awaitConfirmation(made.shipmentId));
    expect(failure).toMatchObject({ kind: 'refused', key: 'carrier.refused', details: { fields: 'service_unavailable' } });
    expect(failure.message).toBe(
      `InPost cannot carry shipment ${made.shipmentId} as ordered: service unavailable. Check the service in the InPost contract and the parcel's size.`,
    );
  });

  describe('labels once confirmed', () => {
    let shipmentId: string;
    let tracking: string;
    beforeEach(async () => {
      const made = await carrier.createShipment(locker());
      const confirmed = await carrier.awaitConfirmation(made.shipmentId);
      shipmentId = confirmed.shipmentId;
      tracking = confirmed.trackingNumber!;
    });

    it('PDF: asks for Pdf and A6, and the tracking number scans back', async () => {
      const label = await carrier.label(shipmentId, { format: 'pdf', size: 'a6' });
      expect(fake.requests.find((r) => r.path.endsWith('/label'))!.query.toString()).toBe('format=Pdf&type=A6');
      expect(label).toMatchObject({ format: 'pdf', size: 'a6', trackingNumber: tracking });
      expect(pdfBarcodes(label.bytes, 200)).toEqual([[`CODE-128:${tracking}`]]);
    });

    it('ZPL: as received, and once cleaned it still renders and scans back without the settings commands', async () => {
      const label = await carrier.label(shipmentId, { format: 'zpl', size: '4x6' });
      const raw = Buffer.from(label.bytes).toString('latin1');
      expect(raw).toContain('^MMT');
      const cleaned = cleanZpl(label.bytes);
      expect(cleaned.removed).toEqual(['~SD20', '^MMT', '^JUS']);
      expect(Buffer.from(cleaned.bytes).toString('latin1')).toBe(raw.replace('~SD20^XA^MMT^JUS^XZ\n', ''));
      expect(await zplBarcodes(cleaned.bytes, { widthMm: 102, heightMm: 152 }, 203)).toEqual([`CODE-128:${tracking}`]);
    });

    it('EPL: as received', async () => {
      const label = await carrier.label(shipmentId, { format: 'epl', size: 'a6' });
      expect(fake.requests.at(-2)!.query.get('format')).toBe('Epl');
      expect(Buffer.from(label.bytes).toString('latin1')).toContain(`B40,200,0,1,3,7,200,B,"${tracking}"`);
    });

    it('says what InPost said when it cannot make the label and gives no details (openlinker #2804)', async () => {
      fake.options.labelFailsWithoutDetails = true;
      const failure = await failureOf(carrier.label(shipmentId, { format: 'zpl', size: 'a6' }));
      expect(failure).toMatchObject({ kind: 'refused', key: 'carrier.label_failed' });
      expect(failure.message).toBe(
        'InPost could not make the label (label_generation_failed): it gave no details, only "There was a problem with label generation. Check details object for more info.".',
      );
    });

    it('reads an error that came with HTTP 200 as the error it is', async () => {
      fake.options.labelFailsWithoutDetails = true;
      fake.options.errorsWithHttp200 = true;
      expect((await failureOf(carrier.label(shipmentId, { format: 'pdf', size: 'a6' }))).key).toBe('carrier.label_failed');
    });
  });

  it('cancels a shipment not confirmed yet, and says why it will not cancel a confirmed one', async () => {
    const first = await carrier.createShipment(locker());
    await carrier.cancel(first.shipmentId);
    expect((await carrier.shipment(first.shipmentId)).status).toBe('cancelled');

    const second = await carrier.createShipment(locker({ reference: 'PD-1002' }));
    await carrier.awaitConfirmation(second.shipmentId);
    const failure = await failureOf(carrier.cancel(second.shipmentId));
    expect(failure).toMatchObject({ kind: 'refused', key: 'carrier.cancel_refused' });
    expect(failure.message).toContain('only a shipment that is not confirmed yet can be cancelled');
  });

  it('closes the day with a dispatch order for the courier and its printout, or only the printout', async () => {
    const ids: string[] = [];
    for (const reference of ['PD-1', 'PD-2']) {
      const made = await carrier.createShipment(locker({ reference }));
      ids.push((await carrier.awaitConfirmation(made.shipmentId)).shipmentId);
    }
    const withPickup = await carrier.closeDay({
      shipmentIds: ids,
      date: '2024-05-01',
      sender: shipmentRequest().sender,
      pickup: { date: '2024-05-01', from: '14:00', to: '16:00', address: shipmentRequest().sender, parcelCount: 2, totalWeightGrams: 2500, comment: 'Rampa 2' },
    });
    expect(withPickup).toMatchObject({ number: '50', shipmentIds: ids, pickup: { reference: '50' } });
    expect(fake.dispatchOrders[0]!.body).toMatchObject({
      shipments: ids.map(Number),
      comment: 'Rampa 2',
      address: { street: 'ul. Magazynowa', building_number: '5', post_code: '02-274' },
    });
    expect(pdfBarcodes(withPickup.document.bytes, 150)).toEqual([['CODE-128:DO50']]);

    const printoutOnly = await carrier.closeDay({ shipmentIds: ids, date: '2024-05-01', sender: shipmentRequest().sender, pickup: null });
    expect(printoutOnly).toMatchObject({ number: null, pickup: null, shipmentIds: ids });
    expect(pdfBarcodes(printoutOnly.document.bytes, 150)).toEqual([[`CODE-128:HO${ids.join('-')}`]]);
  });

  describe('errors in clear sentences', () => {
    it('a field InPost names', async () => {
      const failure = await failureOf(carrier.createShipment(courier({ receiver: { ...shipmentRequest().receiver, postcode: '6000' } })));
      expect(failure).toMatchObject({
        kind: 'invalid',
        key: 'carrier.invalid_data',
        details: { code: 'validation_failed', fields: 'post_code: invalid_format' },
      });
      expect(failure.message).toBe('InPost refused the shipment: post code: invalid format.');
    });

    it('a locker InPost does not know, from its nested details', async () => {
      const failure = await failureOf(carrier.createShipment(locker({ pickupPoint: 'KRA999' })));
      expect(failure).toMatchObject({ kind: 'invalid', key: 'carrier.point_unknown', details: { point: 'KRA999' } });
      expect(failure.message).toBe('InPost does not know the locker KRA999; correct the pickup point on the order.');
      expect(detailLines({ custom_attributes: [{ target_point: ['does_not_exist'] }] })).toEqual(['custom_attributes.target_point: does_not_exist']);
    });

    it('a 400 whose details are empty still says what to check', async () => {
      fake.options.emptyDetails = true;
      const failure = await failureOf(carrier.createShipment(courier({ declaredValue: null })));
      expect(failure).toMatchObject({ kind: 'invalid', key: 'carrier.invalid_data', details: { fields: '' } });
      expect(failure.message).toBe(
        'InPost refused the shipment as invalid (validation_failed) without saying which field; its message: "There are some validation errors. Check details object for more info.". Check the receiver\'s name, phone, e-mail and address, the locker id and the parcel\'s size.',
      );
    });

    it('insurance missing for the courier standard service', async () => {
      const failure = await failureOf(carrier.createShipment(courier({ declaredValue: null })));
      expect(failure.message).toBe('InPost refused the shipment: insurance: required.');
    });

    it('a locker service without a locker, before asking InPost', async () => {
      const failure = await failureOf(carrier.createShipment(locker({ pickupPoint: null })));
      expect(failure.message).toBe("InPost's inpost_locker_standard needs a locker id (target point) on order PD-1001.");
    });

    it('a token InPost does not accept, and no token at all', async () => {
      const failure = await failureOf(connect({ token: 'wrong' }).createShipment(locker()));
      expect(failure).toMatchObject({ kind: 'refused', key: 'carrier.auth' });
      expect(failure.message).toBe(
        'InPost refused the API token (token_invalid). Generate a new one in Parcel Manager → My account → API and enter it in Settings → Carriers.',
      );
      expect((await failureOf(connect({ token: null }).createShipment(locker()))).key).toBe('carrier.not_set_up');
    });

    it('InPost down, unreachable, or asking the station to slow down: all retry later', async () => {
      fake.switches.mode = 'down';
      expect(await failureOf(carrier.createShipment(locker()))).toMatchObject({ kind: 'unavailable', key: 'carrier.server_error', retryable: true });
      fake.switches.mode = 'refusing';
      expect(await failureOf(carrier.createShipment(locker()))).toMatchObject({ kind: 'unavailable', key: 'carrier.unreachable' });
      fake.switches.mode = 'up';
      fake.switches.rateLimit = { limit: 1, windowMs: 30_000, body: JSON.stringify({ status: 429, error: 'too_many_requests', message: 'Too many requests' }) };
      await carrier.testConnection();
      const limited = await failureOf(carrier.createShipment(locker()));
      expect(limited).toMatchObject({ kind: 'unavailable', key: 'carrier.rate_limited', details: { seconds: 30 } });
      expect(limited.message).toBe('InPost asked the station to slow down (HTTP 429); it tries again in 30 s.');
      expect(fake.shipments).toHaveLength(0);
    });
  });

  it('a retry after a timeout that already created the shipment finds it and creates no second one', async () => {
    const slow = connect({ timeoutMs: 300 });
    fake.switches.hangAfterCreate = true;
    const request = locker({ reference: 'PD-7/2', idempotencyKey: 'shipped:PD-7:2', parcel: { index: 2, count: 2, weightGrams: 900, dimensionsMm: null } });
    const timedOut = await failureOf(createShipmentOnce(slow, request, { first: true }));
    expect(timedOut).toMatchObject({ kind: 'timeout', key: 'carrier.timeout', retryable: true });
    expect(fake.shipments).toHaveLength(1);

    fake.switches.hangAfterCreate = false;
    fake.options.ignoreReferenceFilter = true; // even if InPost ignored the filter, the reference is checked here
    await carrier.createShipment(locker({ reference: 'PD-7' }));
    const retried = await createShipmentOnce(slow, request, { first: false });
    expect(retried.created).toBe(false);
    expect(retried.shipment).toMatchObject({ shipmentId: String(fake.shipments[0]!.id), reference: 'PD-7/2' });
    expect(fake.shipments.filter((s) => s.reference === 'PD-7/2')).toHaveLength(1);
  });

  it('a retry after a cancelled shipment makes a new one', async () => {
    const request = locker({ reference: 'PD-8' });
    const first = await carrier.createShipment(request);
    await carrier.cancel(first.shipmentId);
    const again = await createShipmentOnce(carrier, request, { first: false });
    expect(again.created).toBe(true);
    expect(again.shipment.shipmentId).not.toBe(first.shipmentId);
  });
});
