import { XMLParser } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createShipmentOnce } from '../../../src/app/carriers/create-once';
import { DpdCarrier } from '../../../src/carriers/dpd/dpd';
import { cleanZpl } from '../../../src/domain/zpl-clean';
import { DPD_LOGIN, DPD_MASTER_FID, DPD_PASSWORD, startFakeDpd, type FakeDpd } from '../../fixtures/carriers/dpd-fake';
import { SENDER, shipmentRequest } from '../../fixtures/carriers/requests';
import { failureOf, pdfBarcodes, zplBarcodes } from './tools';

describe('DPD Polska DPDServices against a local fake', () => {
  let fake: FakeDpd;
  let carrier: DpdCarrier;
  const connect = (overrides: Partial<ConstructorParameters<typeof DpdCarrier>[0]> = {}) =>
    new DpdCarrier({
      url: `${fake.url}/DPDPackageObjServicesService/DPDPackageObjServices`,
      login: DPD_LOGIN,
      password: DPD_PASSWORD,
      masterFid: DPD_MASTER_FID,
      timeoutMs: 2000,
      ...overrides,
    });
  const classic = (overrides = {}) =>
    shipmentRequest({ service: 'dpd_classic', cod: { minor: 12300, currency: 'PLN' }, declaredValue: { minor: 40000, currency: 'PLN' }, ...overrides });
  const sentBody = () => new XMLParser({ removeNSPrefix: true, parseTagValue: false }).parse(fake.requests.at(-1)!.body.toString('utf8')).Envelope.Body;

  beforeEach(async () => {
    fake = await startFakeDpd();
    carrier = connect();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('checks the connection, and says a wrong login is a login problem', async () => {
    expect(await carrier.testConnection()).toEqual({ account: 'DPD Polska: test (FID 1495)' });
    const failure = await failureOf(connect({ password: 'wrong' }).testConnection());
    expect(failure).toMatchObject({ kind: 'refused', key: 'carrier.auth' });
    expect(failure.message).toBe(
      'DPD refused the login for the connection check: DENIED_ACCESS (1; Niepoprawny login lub hasło). Check the login, password and master FID in Settings → Carriers.',
    );
  });

  it('numbers a parcel with the order as reference, centimetres, kilograms, COD, declared value and the pickup point', async () => {
    const made = await carrier.createShipment(classic({ pickupPoint: 'PL11033' }));
    expect(made).toMatchObject({ carrier: 'dpd', status: 'confirmed', trackingNumber: '0000007654321U', shipmentId: '0000007654321U', reference: 'PD-1001' });
    expect(fake.requests.at(-1)!.body.toString('utf8')).toContain('<dpd:generatePackagesNumbersV4><openUMLFeV3><packages><parcels>');
    const pkg = sentBody().generatePackagesNumbersV4.openUMLFeV3.packages;
    expect(pkg).toMatchObject({
      parcels: { content: 'Kawa', customerData1: 'PD-1001', reference: 'PD-1001', sizeX: '30', sizeY: '20', sizeZ: '7', weight: '1.25' },
      payerType: 'SENDER',
      receiver: { address: 'ul. Polna 12/4', city: 'Poznań', countryCode: 'PL', name: 'Jan Kowalski', phone: '600100200', postalCode: '60001' },
      sender: { fid: '1495', postalCode: '02274' },
      services: { cod: { amount: '123.00', currency: 'PLN' }, declaredValue: { amount: '400.00', currency: 'PLN' }, dpdPickup: { pudo: 'PL11033' } },
    });
    expect(await carrier.awaitConfirmation(made.shipmentId)).toMatchObject({ status: 'confirmed', trackingNumber: made.trackingNumber });
  });

  it('gives the label in PDF, ZPL and EPL; PDF and ZPL scan back to the waybill', async () => {
    const made = await carrier.createShipment(classic());
    const pdf = await carrier.label(made.shipmentId, { format: 'pdf', size: 'a6' });
    expect(sentBody().generateSpedLabelsV4).toMatchObject({ outputDocFormatV1: 'PDF', outputDocPageFormatV1: 'LBL_PRINTER', outputLabelType: 'BIC3' });
    expect(pdfBarcodes(pdf.bytes, 200)).toEqual([[`CODE-128:${made.trackingNumber}`]]);
    const zpl = await carrier.label(made.shipmentId, { format: 'zpl', size: '4x6' });
    expect(await zplBarcodes(cleanZpl(zpl.bytes).bytes, { widthMm: 102, heightMm: 152 }, 203)).toEqual([`CODE-128:${made.trackingNumber}`]);
    const epl = await carrier.label(made.shipmentId, { format: 'epl', size: '4x6' });
    expect(Buffer.from(epl.bytes).toString('latin1')).toContain(`"${made.trackingNumber}"`);
    expect(await failureOf(carrier.label('0000000000000U', { format: 'pdf', size: 'a6' }))).toMatchObject({
      key: 'carrier.not_found',
      message: 'DPD does not know the parcel asked for the label (NOT_FOUND).',
    });
  });

  it('says DPD has no cancel call and what to do instead', async () => {
    const made = await carrier.createShipment(classic());
    const failure = await failureOf(carrier.cancel(made.shipmentId));
    expect(failure).toMatchObject({ kind: 'invalid', key: 'carrier.unsupported' });
    expect(failure.message).toBe(`DPD has no call to cancel a parcel: leave ${made.shipmentId} out of today's protocol and do not hand it to the courier.`);
    expect(carrier.capabilities.cancel).toBe(false);
  });

  it('closes the day with the protocol for the waybills and a courier pickup; a second protocol for them is refused', async () => {
    const a = await carrier.createShipment(classic());
    const b = await carrier.createShipment(classic({ reference: 'PD-1002', orderNumber: 'PD-1002' }));
    const handover = await carrier.closeDay({
      shipmentIds: [a.shipmentId, b.shipmentId],
      date: '2024-05-01',
      sender: SENDER,
      pickup: { date: '2024-05-01', from: '13:00', to: '16:00', address: SENDER, parcelCount: 2, totalWeightGrams: 2500, comment: null },
    });
    expect(handover).toMatchObject({ number: 'PROT000001', shipmentIds: [a.shipmentId, b.shipmentId], pickup: { reference: 'ZL0000001' } });
    expect(pdfBarcodes(handover.document.bytes, 150)).toEqual([['CODE-128:PROT000001']]);
    expect(fake.pickups[0]).toMatchObject({
      operationType: 'INSERT',
      pickupDate: '2024-05-01',
      pickupTimeFrom: '13:00',
      pickupTimeTo: '16:00',
      pickupCallSimplifiedDetails: { packagesParams: { parcelsCount: '2', parcelsWeight: '2.50' }, pickupPayer: { payerNumber: '1495' } },
    });
    const again = await failureOf(carrier.closeDay({ shipmentIds: [a.shipmentId], date: '2024-05-01', sender: SENDER, pickup: null }));
    expect(again.message).toBe('DPD already made a protocol for these parcels (ALREADY_ADVICED); reprint the one made earlier.');
  });

  it('says when the protocol is made but the courier cannot come then', async () => {
    const a = await carrier.createShipment(classic());
    fake.options.pickupStatus = 'RANGE_NOT_AVAILABLE_TEMPORARILY';
    const failure = await failureOf(
      carrier.closeDay({
        shipmentIds: [a.shipmentId],
        date: '2024-05-01',
        sender: SENDER,
        pickup: { date: '2024-05-01', from: '17:00', to: '18:00', address: SENDER, parcelCount: 1, totalWeightGrams: 1250, comment: null },
      }),
    );
    expect(failure).toMatchObject({ kind: 'unavailable', key: 'carrier.handover_failed', details: { protocol: 'PROT000001' } });
    expect(failure.message).toBe(
      'DPD made protocol PROT000001 but did not take the courier pickup (RANGE_NOT_AVAILABLE_TEMPORARILY: Brak wolnych terminów odbioru). Order the courier for another time, or by phone.',
    );
  });

  describe('statuses and faults in clear sentences', () => {
    it('INCORRECT_DATA names the field', async () => {
      const failure = await failureOf(carrier.createShipment(classic({ receiver: { ...shipmentRequest().receiver, postcode: '600' } })));
      expect(failure).toMatchObject({ kind: 'invalid', key: 'carrier.invalid_data', details: { code: 'INCORRECT_DATA' } });
      expect(failure.message).toBe('DPD refused the parcel for PD-1001 (INCORRECT_DATA): receiver.postalCode: Niepoprawny kod pocztowy odbiorcy.');
      const heavy = await failureOf(carrier.createShipment(classic({ parcel: { index: 1, count: 1, weightGrams: 40_000, dimensionsMm: null } })));
      expect(heavy.message).toBe('DPD refused the parcel for PD-1001 (INCORRECT_DATA): parcels.weight: Waga paczki poza zakresem.');
    });

    it('DISALLOWED_FID points at the FID', async () => {
      const failure = await failureOf(connect({ senderFid: 999 }).createShipment(classic()));
      expect(failure).toMatchObject({ kind: 'refused', key: 'carrier.auth' });
      expect(failure.message).toBe('DPD does not let this login send from FID 999 (DISALLOWED_FID); check the FID in Settings → Carriers.');
    });

    it('a pickup address DPD does not accept for the protocol', async () => {
      const a = await carrier.createShipment(classic());
      const failure = await failureOf(connect({ senderFid: 999 }).closeDay({ shipmentIds: [a.shipmentId], date: '2024-05-01', sender: SENDER, pickup: null }));
      expect(failure.message).toBe("DPD refused the sender's address for the protocol: the fid is wrong (INCORRECT_PICKUP_ADDRESS_FID).");
    });

    it('a SOAP fault without a typed detail', async () => {
      const call = (carrier as unknown as { call(op: string, body: string, what: string): Promise<unknown> }).call.bind(carrier);
      const failure = await failureOf(call('generatePackagesNumbersV99', '<dpd:generatePackagesNumbersV99/>', 'the request'));
      expect(failure.message).toBe('DPD refused the request: Cannot find dispatch method for {http://dpdservices.dpd.com.pl/}generatePackagesNumbersV99.');
    });

    it('down or unreachable: try later', async () => {
      fake.switches.mode = 'down';
      expect(await failureOf(carrier.createShipment(classic()))).toMatchObject({ kind: 'unavailable', key: 'carrier.server_error' });
      fake.switches.mode = 'refusing';
      expect(await failureOf(carrier.createShipment(classic()))).toMatchObject({ kind: 'unavailable', key: 'carrier.unreachable' });
    });
  });

  it('a retry after a timeout that already numbered the parcel finds it by its reference and numbers no second one', async () => {
    fake.switches.hangAfterCreate = true;
    const request = classic({ reference: 'PD-9/2', parcel: { index: 2, count: 2, weightGrams: 800, dimensionsMm: null } });
    expect(await failureOf(createShipmentOnce(connect({ timeoutMs: 300 }), request, { first: true }))).toMatchObject({ kind: 'timeout' });
    fake.switches.hangAfterCreate = false;
    const retried = await createShipmentOnce(carrier, request, { first: false });
    expect(retried).toMatchObject({ created: false, shipment: { trackingNumber: fake.packages[0]!.waybill, reference: 'PD-9/2' } });
    // Sent again without looking first, DPD's duplicate reference leads back to the same package.
    expect(await carrier.createShipment(request)).toMatchObject({ trackingNumber: fake.packages[0]!.waybill });
    expect(fake.packages).toHaveLength(1);
  });
});
