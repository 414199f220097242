import { beforeEach, describe, expect, it } from 'vitest';
import type { LabelSettings } from '../../../src/app/ports/documents';
import { createShipmentOnce } from '../../../src/app/carriers/create-once';
import { OwnCarrier, memoryShipmentBook } from '../../../src/carriers/own/own';
import { isSscc } from '../../../src/domain/barcode/sscc';
import { createDocumentRenderer } from '../../../src/documents/renderer';
import { SENDER, shipmentRequest } from '../../fixtures/carriers/requests';
import { failureOf, pdfBarcodes, pdfText, zplBarcodes } from './tools';

const renderer = createDocumentRenderer();
const SETTINGS: LabelSettings = { shopName: 'Sklep Testowy', shipFrom: SENDER, gs1CompanyPrefix: '5901234', ssccExtensionDigit: 0, returnPolicy: '' };

describe('our own label as a carrier', () => {
  let serial: number;
  let carrier: OwnCarrier;
  const own = (settings: LabelSettings | null = SETTINGS) =>
    new OwnCarrier({
      renderer,
      labelSettings: () => settings,
      allocateSsccSerial: () => ++serial,
      book: memoryShipmentBook(),
      now: () => new Date('2024-05-01T16:00:00Z'),
    });

  beforeEach(() => {
    serial = 0;
    carrier = own();
  });

  it('gives each parcel an SSCC as its tracking number, confirmed at once, and finds it again by reference', async () => {
    const made = await carrier.createShipment(shipmentRequest({ service: 'van' }));
    expect(made).toMatchObject({ carrier: 'own', status: 'confirmed', trackingNumber: '059012340000000017', shipmentId: '059012340000000017' });
    expect(isSscc(made.trackingNumber!)).toBe(true);
    expect(await carrier.awaitConfirmation(made.shipmentId)).toEqual(made);
    expect(await createShipmentOnce(carrier, shipmentRequest({ service: 'van' }), { first: false })).toEqual({ created: false, shipment: made });
    expect(serial).toBe(1);
    expect(await carrier.testConnection()).toEqual({ account: 'Own transport: Sklep Testowy, GS1 prefix 5901234' });
  });

  it('prints our label, PDF and ZPL, whose SSCC scans back', async () => {
    const made = await carrier.createShipment(shipmentRequest({ service: 'van' }));
    const pdf = await carrier.label(made.shipmentId, { format: 'pdf', size: 'a6' });
    expect(pdfBarcodes(pdf.bytes)[0]).toEqual([`CODE-128:00${made.trackingNumber}`, `QR-Code:${made.trackingNumber}`].sort());
    const zpl = await carrier.label(made.shipmentId, { format: 'zpl', size: '4x6' });
    expect(await zplBarcodes(zpl.bytes, { widthMm: 101.6, heightMm: 152.4 }, 203)).toEqual(
      [`CODE-128:00${made.trackingNumber}`, `QR-Code:${made.trackingNumber}`].sort(),
    );
    expect((await failureOf(carrier.label(made.shipmentId, { format: 'epl', size: 'a6' }))).key).toBe('carrier.unsupported');
  });

  it('hands over with our manifest, leaving out a cancelled parcel', async () => {
    const a = await carrier.createShipment(shipmentRequest({ service: 'van' }));
    const b = await carrier.createShipment(shipmentRequest({ service: 'van', reference: 'PD-1002', orderNumber: 'PD-1002' }));
    const c = await carrier.createShipment(shipmentRequest({ service: 'van', reference: 'PD-1003', orderNumber: 'PD-1003' }));
    await carrier.cancel(c.shipmentId);
    expect((await carrier.shipment(c.shipmentId)).status).toBe('cancelled');
    const handover = await carrier.closeDay({ shipmentIds: [a.shipmentId, b.shipmentId, c.shipmentId], date: '2024-05-01', sender: SENDER, pickup: null });
    expect(handover).toMatchObject({ number: 'OWN-20240501', shipmentIds: [a.shipmentId, b.shipmentId], pickup: null });
    expect(pdfBarcodes(handover.document.bytes, 200)[0]).toEqual([`CODE-128:${a.trackingNumber}`, `CODE-128:${b.trackingNumber}`].sort());
    expect(pdfText(handover.document.bytes)).toContain('Parcels: 2');
  });

  it('says what is missing before the station has a GS1 prefix', async () => {
    const failure = await failureOf(own(null).createShipment(shipmentRequest()));
    expect(failure).toMatchObject({
      kind: 'refused',
      key: 'carrier.not_set_up',
      message: 'Our own labels need the GS1 company prefix first (Settings → Labels).',
    });
  });
});
