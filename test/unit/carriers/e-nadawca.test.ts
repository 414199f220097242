import { XMLParser } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createShipmentOnce } from '../../../src/app/carriers/create-once';
import { ENadawcaCarrier } from '../../../src/carriers/poczta-polska/e-nadawca';
import { guidOf, pocztexSize } from '../../../src/carriers/poczta-polska/mapping';
import { cleanZpl } from '../../../src/domain/zpl-clean';
import { EN_LOGIN, EN_PASSWORD, startFakeENadawca, type FakeENadawca } from '../../fixtures/carriers/e-nadawca-fake';
import { SENDER, shipmentRequest } from '../../fixtures/carriers/requests';
import { failureOf, pdfBarcodes, zplBarcodes } from './tools';

describe('Poczta Polska e-Nadawca against a local fake', () => {
  let fake: FakeENadawca;
  let carrier: ENadawcaCarrier;
  const connect = (overrides: Partial<ConstructorParameters<typeof ENadawcaCarrier>[0]> = {}) =>
    new ENadawcaCarrier({
      url: `${fake.url}/websrv/en.php`,
      login: EN_LOGIN,
      password: EN_PASSWORD,
      bufferId: 12345,
      postingOfficeId: 263604,
      codAccount: '12 3456 7890 1234 5678 9012 3456',
      timeoutMs: 2000,
      ...overrides,
    });
  const pocztex = (overrides = {}) =>
    shipmentRequest({ service: 'pocztex_kurier_48', cod: { minor: 12350, currency: 'PLN' }, declaredValue: { minor: 50000, currency: 'PLN' }, ...overrides });
  const lastRequest = () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false });
    return parser.parse(fake.requests.at(-1)!.body.toString('utf8'));
  };

  beforeEach(async () => {
    fake = await startFakeENadawca();
    carrier = connect();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('says hello with Basic credentials, and says so when they are wrong', async () => {
    expect(await carrier.testConnection()).toEqual({ account: 'Poczta Polska e-Nadawca: sklep_test' });
    const failure = await failureOf(connect({ password: 'zle' }).testConnection());
    expect(failure).toMatchObject({ kind: 'refused', key: 'carrier.auth' });
    expect(failure.message).toBe('Poczta Polska refused the login (HTTP 401); check the user name and password in Settings → Carriers.');
  });

  it('adds a Pocztex shipment to the buffer with its GUID, grams, grosze and split address, and has its number at once', async () => {
    const made = await carrier.createShipment(pocztex());
    const guid = guidOf('shipped:PD-1001:1');
    expect(guid).toMatch(/^[0-9A-F]{32}$/);
    expect(made).toMatchObject({ carrier: 'poczta-polska', shipmentId: guid, status: 'confirmed', trackingNumber: '00659007730000000001' });

    const request = fake.requests.at(-1)!;
    expect(request.headers.soapaction).toBe('"http://e-nadawca.poczta-polska.pl/addShipment"');
    const sent = lastRequest()['soapenv:Envelope']['soapenv:Body']['en:addShipment'];
    expect(sent.idBufor).toBe('12345');
    expect(sent.przesylki).toMatchObject({
      '@xsi:type': 'en:przesylkaBiznesowaType',
      '@guid': guid,
      '@masa': '1250',
      '@wartosc': '50000',
      '@gabaryt': 'S',
      '@opis': 'PD-1001',
      adres: { '@nazwa': 'Jan Kowalski', '@ulica': 'ul. Polna', '@numerDomu': '12', '@numerLokalu': '4', '@kodPocztowy': '60-001', '@telefon': '600100200' },
      nadawca: { '@nazwa': 'Sklep Testowy sp. z o.o.', '@nazwa2': 'Magazyn Sklep Testowy' },
      pobranie: { '@sposobPobrania': 'RACHUNEK_BANKOWY', '@kwotaPobrania': '12350', '@nrb': '12345678901234567890123456', '@tytulem': 'PD-1001' },
      ubezpieczenie: { '@rodzaj': 'STANDARD', '@kwota': '500.00' },
    });
    // The children are unqualified: only the wrapper carries the service's namespace.
    expect(request.body.toString('utf8')).toContain('<en:addShipment><przesylki ');
    expect(await carrier.awaitConfirmation(made.shipmentId)).toMatchObject({ status: 'confirmed', trackingNumber: '00659007730000000001' });
  });

  it('sizes Pocztex parcels by the box', () => {
    expect(pocztexSize({ length: 300, width: 200, height: 70 })).toBe('S');
    expect(pocztexSize({ length: 600, width: 390, height: 150 })).toBe('M');
    expect(pocztexSize({ length: 640, width: 410, height: 390 })).toBe('L');
    expect(pocztexSize({ length: 1000, width: 100, height: 100 })).toBe('XL');
  });

  it('gives the label as PDF and as ZPL, both scanning back to the tracking number, and refuses EPL', async () => {
    const made = await carrier.createShipment(pocztex());
    const pdf = await carrier.label(made.shipmentId, { format: 'pdf', size: 'a6' });
    expect(pdf.trackingNumber).toBe(made.trackingNumber);
    expect(pdfBarcodes(pdf.bytes, 200)).toEqual([[`CODE-128:${made.trackingNumber}`]]);
    expect(lastRequestType()).toMatchObject({ kind: 'ADDRESS_LABEL', method: 'EACH_PARCEL_SEPARATELY', format: 'PDF_FORMAT' });

    const zpl = await carrier.label(made.shipmentId, { format: 'zpl', size: '4x6' });
    expect(await zplBarcodes(cleanZpl(zpl.bytes).bytes, { widthMm: 102, heightMm: 152 }, 203)).toEqual([`CODE-128:${made.trackingNumber}`]);
    expect((await failureOf(carrier.label(made.shipmentId, { format: 'epl', size: 'a6' }))).key).toBe('carrier.unsupported');
  });

  function lastRequestType() {
    const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, removeNSPrefix: true });
    const req = fake.requests.filter((r) => String(r.headers.soapaction).includes('getPrintForParcel')).at(-1)!;
    return parser.parse(req.body.toString('utf8')).Envelope.Body.getPrintForParcel.type;
  }

  it('cancels by taking the shipment out of the buffer, and says why it cannot when it is not there', async () => {
    const made = await carrier.createShipment(pocztex());
    await carrier.cancel(made.shipmentId);
    expect(fake.buffer).toHaveLength(0);
    const failure = await failureOf(carrier.cancel(made.shipmentId));
    expect(failure).toMatchObject({ kind: 'refused', key: 'carrier.cancel_refused' });
    expect(failure.message).toBe(
      `Poczta Polska did not remove shipment ${made.shipmentId} from the buffer: Nie znaleziono przesyłki o podanym guid (error 3001). A shipment already sent with an envelope cannot be taken back here.`,
    );
  });

  it('closes the day: orders the courier, sends the envelope and brings back the sender’s book for every shipment in it', async () => {
    const first = await carrier.createShipment(pocztex());
    const second = await carrier.createShipment(pocztex({ reference: 'PD-1002', idempotencyKey: 'shipped:PD-1002:1', cod: null }));
    const handover = await carrier.closeDay({
      shipmentIds: [first.shipmentId],
      date: '2024-05-01',
      sender: SENDER,
      pickup: { date: '2024-05-01', from: '14:00', to: '16:00', address: SENDER, parcelCount: 2, totalWeightGrams: 2500, comment: null },
    });
    expect(handover).toMatchObject({ number: '987650', pickup: { reference: '2024-05-01 14:00-16:00' } });
    // The envelope took the whole buffer, so the handover covers both, not only the one asked for.
    expect(handover.shipmentIds).toEqual([first.shipmentId, second.shipmentId]);
    expect(pdfBarcodes(handover.document.bytes, 150)).toEqual([['CODE-128:EN987650']]);
    expect(fake.pickups).toHaveLength(1);
    expect(fake.buffer).toHaveLength(0);
  });

  it('says which of the day’s shipments the buffer lacks, and when an envelope comes back erroneous', async () => {
    const made = await carrier.createShipment(pocztex());
    expect(
      (await failureOf(carrier.closeDay({ shipmentIds: [made.shipmentId, 'F'.repeat(32)], date: '2024-05-01', sender: SENDER, pickup: null }))).message,
    ).toBe(`Poczta Polska's buffer lacks 1 of today's shipments (${'F'.repeat(32)}); they were sent with an earlier envelope or removed.`);
    fake.options.envelopeStatus = 'BLEDNY';
    const failure = await failureOf(carrier.closeDay({ shipmentIds: [made.shipmentId], date: '2024-05-01', sender: SENDER, pickup: null }));
    expect(failure.message).toBe('Poczta Polska marked envelope 987650 as erroneous (BLEDNY); open it in e-Nadawca to see which shipment is wrong.');
  });

  describe('errors in clear sentences', () => {
    it('errors inside the result name what is wrong', async () => {
      const failure = await failureOf(carrier.createShipment(pocztex({ receiver: { ...shipmentRequest().receiver, postcode: '6000' } })));
      expect(failure).toMatchObject({ kind: 'invalid', key: 'carrier.invalid_data', details: { code: '2001' } });
      expect(failure.message).toBe('Poczta Polska refused the shipment for PD-1001: Niepoprawny kod pocztowy adresata (error 2001).');
    });

    it('a SOAP fault for an operation the service does not have', async () => {
      const failure = await failureOf(
        (carrier as unknown as { call(op: string, body: string, what: string): Promise<unknown> }).call('clearGuid', '<en:clearGuid/>', 'the old call'),
      );
      expect(failure.message).toBe('Poczta Polska refused the old call: Function ("clearGuid") is not a valid method for this service.');
    });

    it('cash on delivery without the bank account, and services it does not send', async () => {
      expect((await failureOf(connect({ codAccount: null }).createShipment(pocztex()))).message).toBe(
        'Cash on delivery with Poczta Polska needs the bank account it is paid to (Settings → Carriers).',
      );
      expect((await failureOf(carrier.createShipment(pocztex({ service: 'list_polecony' })))).key).toBe('carrier.unsupported');
      expect(fake.requests).toHaveLength(0);
    });

    it('down, slow and unreachable are all "try later"', async () => {
      fake.switches.mode = 'down';
      expect(await failureOf(carrier.createShipment(pocztex()))).toMatchObject({ kind: 'unavailable', key: 'carrier.server_error' });
      fake.switches.mode = 'slow';
      fake.switches.slowMs = 500;
      expect(await failureOf(connect({ timeoutMs: 100 }).testConnection())).toMatchObject({ kind: 'timeout', key: 'carrier.timeout' });
    });
  });

  it('a retry after a timeout that already added the shipment finds it by its GUID and adds no second one', async () => {
    fake.switches.hangAfterCreate = true;
    const request = pocztex();
    expect(await failureOf(createShipmentOnce(connect({ timeoutMs: 300 }), request, { first: true }))).toMatchObject({ kind: 'timeout' });
    expect(fake.buffer).toHaveLength(1);
    fake.switches.hangAfterCreate = false;
    const retried = await createShipmentOnce(carrier, request, { first: false });
    expect(retried).toMatchObject({ created: false, shipment: { shipmentId: guidOf(request.idempotencyKey), trackingNumber: '00659007730000000001' } });
    expect(fake.buffer).toHaveLength(1);
    // Even without the look-up, e-Nadawca refuses the same GUID twice.
    expect((await failureOf(carrier.createShipment(request))).message).toContain('Przesyłka o podanym guid już istnieje (error 1002)');
  });
});
