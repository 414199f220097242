import {
  CarrierFailure,
  type Carrier,
  type CarrierLabel,
  type CarrierLabelFormat,
  type CarrierLabelSize,
  type CarrierShipment,
  type Handover,
  type HandoverRequest,
  type ShipmentLookup,
  type ShipmentRequest,
} from '../../app/ports/carriers';
import type { HttpConnection } from '../http';
import { el, leaf, listAt, soapCall, soapEnvelope, textAt, type XmlObject } from '../xml';
import { CARRIER, courierPickupXml, errorsIn, guidOf, said, shipmentXml, toShipment } from './mapping';

/** How the station reaches e-Nadawca (docs/carriers.md, Poczta Polska). */
export interface ENadawcaConnection {
  /** https://e-nadawca.poczta-polska.pl/websrv/en.php, or the test https://en-testwebapi.poczta-polska.pl/websrv/en.php. */
  url: string;
  login: string;
  password: string | null;
  /** The buffer shipments go into; null: the account's default buffer. */
  bufferId: number | null;
  /** The posting office (urząd nadania) id the envelope is sent for, from getUrzedyNadania. */
  postingOfficeId: number | null;
  /** The bank account (NRB, 26 digits) cash on delivery is paid to. */
  codAccount: string | null;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const NS = 'http://e-nadawca.poczta-polska.pl';
const ARRAYS = ['retval', 'error', 'przesylka', 'printResult', 'guid', 'envelopes'];

/** Poczta Polska e-Nadawca (SOAP 1.1, HTTP Basic): shipments into a buffer, then the buffer is sent as an envelope. */
export class ENadawcaCarrier implements Carrier {
  readonly kind = 'poczta-polska' as const;
  readonly capabilities = { labelFormats: ['pdf', 'zpl'] as CarrierLabelFormat[], cancel: true, pickup: true, pickupPoints: false };

  constructor(private readonly connection: ENadawcaConnection) {}

  async testConnection(): Promise<{ account: string }> {
    const answer = await this.call('hello', el('en:hello', null, leaf('in', 'Packdesk')), 'the connection check');
    return { account: `Poczta Polska e-Nadawca: ${this.connection.login}${textAt(answer, 'out') ? '' : ' (no greeting)'}` };
  }

  async createShipment(request: ShipmentRequest): Promise<CarrierShipment> {
    const guid = guidOf(request.idempotencyKey);
    const answer = await this.call(
      'addShipment',
      el('en:addShipment', null, shipmentXml(request, guid, this.connection.codAccount), leaf('idBufor', this.connection.bufferId)),
      'the shipment',
    );
    const item = listAt(answer, 'retval').find((r) => r['@guid'] === guid) ?? listAt(answer, 'retval')[0];
    const errors = errorsIn(item);
    if (errors.length > 0 || !item?.['@numerNadania']) {
      throw new CarrierFailure(
        'invalid',
        'carrier.invalid_data',
        `Poczta Polska refused the shipment for ${request.reference}: ${said(errors) || 'it gave no tracking number and no reason'}.`,
        { carrier: CARRIER, fields: said(errors), code: errors[0]?.number ?? '' },
      );
    }
    return toShipment(guid, String(item['@numerNadania']), request.reference);
  }

  async findShipment(lookup: ShipmentLookup): Promise<CarrierShipment | null> {
    const guid = guidOf(lookup.idempotencyKey);
    const found = (await this.buffer()).find((p) => p['@guid'] === guid);
    return found ? toShipment(guid, String(found['@numerNadania'] ?? ''), String(found['@opis'] ?? lookup.reference)) : null;
  }

  async shipment(shipmentId: string): Promise<CarrierShipment> {
    const found = (await this.buffer()).find((p) => p['@guid'] === shipmentId);
    if (!found) {
      throw new CarrierFailure(
        'refused',
        'carrier.not_found',
        `Poczta Polska has no shipment ${shipmentId} in the buffer: it was removed or already sent with an envelope.`,
        { carrier: CARRIER, shipment: shipmentId },
      );
    }
    return toShipment(shipmentId, String(found['@numerNadania'] ?? ''), String(found['@opis'] ?? ''));
  }

  /** e-Nadawca gives the tracking number (numer nadania) when the shipment is added: nothing to wait for. */
  async awaitConfirmation(shipmentId: string): Promise<CarrierShipment> {
    return this.shipment(shipmentId);
  }

  async label(shipmentId: string, options: { format: CarrierLabelFormat; size: CarrierLabelSize }): Promise<CarrierLabel> {
    if (options.format === 'epl') {
      throw new CarrierFailure('invalid', 'carrier.unsupported', 'Poczta Polska makes labels in PDF or ZPL only; choose one of them for this printer.', {
        carrier: CARRIER,
        format: 'epl',
      });
    }
    const answer = await this.call(
      'getPrintForParcel',
      el(
        'en:getPrintForParcel',
        null,
        leaf('guid', shipmentId),
        el(
          'type',
          null,
          leaf('kind', 'ADDRESS_LABEL'),
          leaf('method', 'EACH_PARCEL_SEPARATELY'),
          leaf('format', options.format === 'zpl' ? 'ZPL_FORMAT' : 'PDF_FORMAT'),
          leaf('resolution', 'DPI_203'),
        ),
      ),
      'the label',
    );
    const errors = errorsIn(answer);
    const print = listAt(answer, 'printResult').find((p) => textAt(p, 'guid') === shipmentId || textAt(p, 'guid') === null);
    const data = print ? textAt(print, 'print') : null;
    if (errors.length > 0 || !data) {
      throw new CarrierFailure('refused', 'carrier.label_failed', `Poczta Polska could not make the label: ${said(errors) || 'it sent no print'}.`, {
        carrier: CARRIER,
        fields: said(errors),
      });
    }
    const shipment = await this.findTracking(shipmentId);
    return { format: options.format, size: options.size, bytes: new Uint8Array(Buffer.from(data, 'base64')), trackingNumber: shipment };
  }

  async cancel(shipmentId: string): Promise<void> {
    const answer = await this.call(
      'clearEnvelopeByGuids',
      el('en:clearEnvelopeByGuids', null, leaf('guid', shipmentId), leaf('idBufor', this.connection.bufferId)),
      'the cancellation',
    );
    const errors = errorsIn(answer);
    if (errors.length > 0) {
      throw new CarrierFailure(
        'refused',
        'carrier.cancel_refused',
        `Poczta Polska did not remove shipment ${shipmentId} from the buffer: ${said(errors)}. A shipment already sent with an envelope cannot be taken back here.`,
        { carrier: CARRIER, shipment: shipmentId, fields: said(errors) },
      );
    }
  }

  /**
   * Sends the buffer as an envelope and fetches its sender's book (książka nadawcza). The
   * envelope carries everything in the buffer, so the handover names every shipment it covers,
   * which may be more than were asked for.
   */
  async closeDay(request: HandoverRequest): Promise<Handover> {
    const inBuffer = (await this.buffer()).map((p) => String(p['@guid']));
    const missing = request.shipmentIds.filter((id) => !inBuffer.includes(id));
    if (inBuffer.length === 0) {
      throw new CarrierFailure('invalid', 'carrier.handover_failed', 'The Poczta Polska buffer is empty: there is nothing to send today.', {
        carrier: CARRIER,
      });
    }
    if (missing.length > 0) {
      throw new CarrierFailure(
        'refused',
        'carrier.handover_failed',
        `Poczta Polska's buffer lacks ${missing.length} of today's shipments (${missing.join(', ')}); they were sent with an earlier envelope or removed.`,
        { carrier: CARRIER, missing: missing.join(', ') },
      );
    }
    let pickup: Handover['pickup'] = null;
    if (request.pickup) {
      const p = request.pickup;
      const answer = await this.call('zamowKuriera', el('en:zamowKuriera', null, courierPickupXml(p)), 'the courier pickup');
      const errors = errorsIn(answer);
      if (errors.length > 0) {
        throw new CarrierFailure('refused', 'carrier.handover_failed', `Poczta Polska did not take the courier pickup: ${said(errors)}.`, {
          carrier: CARRIER,
          fields: said(errors),
        });
      }
      pickup = { reference: `${p.date} ${p.from}-${p.to}` };
    }
    const sent = await this.call(
      'sendEnvelope',
      el('en:sendEnvelope', null, leaf('urzadNadania', this.connection.postingOfficeId), leaf('idBufor', this.connection.bufferId)),
      'the envelope',
    );
    const sendErrors = errorsIn(sent);
    const envelopeId = textAt(sent, 'idEnvelope');
    if (sendErrors.length > 0 || !envelopeId) {
      throw new CarrierFailure(
        'refused',
        'carrier.handover_failed',
        `Poczta Polska did not take the envelope: ${said(sendErrors) || 'it gave no envelope number'}.`,
        {
          carrier: CARRIER,
          fields: said(sendErrors),
        },
      );
    }
    const status = textAt(
      await this.call('getEnvelopeStatus', el('en:getEnvelopeStatus', null, leaf('idEnvelope', envelopeId)), 'the envelope status'),
      'envelopeStatus',
    );
    if (status === 'BLEDNY') {
      throw new CarrierFailure(
        'refused',
        'carrier.handover_failed',
        `Poczta Polska marked envelope ${envelopeId} as erroneous (BLEDNY); open it in e-Nadawca to see which shipment is wrong.`,
        { carrier: CARRIER, envelope: envelopeId },
      );
    }
    const book = await this.call(
      'getOutboxBook',
      el('en:getOutboxBook', null, leaf('idEnvelope', envelopeId), leaf('includeNierejestrowane', false)),
      'the sender’s book',
    );
    const pdf = textAt(book, 'pdfContent');
    const bookErrors = errorsIn(book);
    if (!pdf || bookErrors.length > 0) {
      throw new CarrierFailure(
        'refused',
        'carrier.handover_failed',
        `Poczta Polska sent envelope ${envelopeId} but not its sender's book: ${said(bookErrors) || 'the book was empty'}.`,
        { carrier: CARRIER, envelope: envelopeId },
      );
    }
    return { document: { format: 'pdf', bytes: new Uint8Array(Buffer.from(pdf, 'base64')) }, number: envelopeId, shipmentIds: inBuffer, pickup };
  }

  // --- the request ---

  private async buffer(): Promise<XmlObject[]> {
    const answer = await this.call('getEnvelopeBufor', el('en:getEnvelopeBufor', null, leaf('idBufor', this.connection.bufferId)), 'the buffer');
    const errors = errorsIn(answer);
    if (errors.length > 0) {
      throw new CarrierFailure('refused', 'carrier.refused', `Poczta Polska did not show the buffer: ${said(errors)}.`, {
        carrier: CARRIER,
        fields: said(errors),
      });
    }
    return listAt(answer, 'przesylka');
  }

  private async findTracking(guid: string): Promise<string | null> {
    const found = (await this.buffer()).find((p) => p['@guid'] === guid);
    return found?.['@numerNadania'] ? String(found['@numerNadania']) : null;
  }

  // --- the exchange ---

  private async call(operation: string, body: string, what: string): Promise<XmlObject> {
    if (!this.connection.password) {
      throw new CarrierFailure('refused', 'carrier.not_set_up', 'Poczta Polska e-Nadawca needs the login and password (Settings → Carriers).', {
        carrier: CARRIER,
      });
    }
    const connection: HttpConnection = { carrier: CARRIER, timeoutMs: this.connection.timeoutMs ?? 30_000, fetch: this.connection.fetch };
    const auth = Buffer.from(`${this.connection.login}:${this.connection.password}`, 'utf8').toString('base64');
    const answer = await soapCall(
      connection,
      this.connection.url,
      `${NS}/${operation}`,
      soapEnvelope({ en: NS, xsi: 'http://www.w3.org/2001/XMLSchema-instance' }, body),
      { arrays: ARRAYS, headers: { authorization: `Basic ${auth}` } },
    );
    if (answer.fault) {
      throw new CarrierFailure(
        'refused',
        'carrier.refused',
        `Poczta Polska refused ${what}: ${answer.fault.message || answer.fault.code}${answer.fault.detail ? ` (${answer.fault.detail})` : ''}.`,
        { carrier: CARRIER, code: answer.fault.code },
      );
    }
    return answer.response ?? {};
  }
}
