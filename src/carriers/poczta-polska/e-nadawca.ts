import crypto from 'node:crypto';
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
import type { Address } from '../../domain/order';
import { dashedPostcode, decimalAmount, nationalPhone, splitStreet } from '../address';
import type { HttpConnection } from '../http';
import { el, leaf, listAt, soapCall, soapEnvelope, textAt, type XmlObject } from '../xml';

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

const CARRIER = 'Poczta Polska';
const NS = 'http://e-nadawca.poczta-polska.pl';
/** Elements e-Nadawca repeats, read as arrays even when one comes back. */
const ARRAYS = ['retval', 'error', 'przesylka', 'printResult', 'guid', 'envelopes'];

/** Services this adapter sends, by the concrete shipment type e-Nadawca takes for each. */
const SERVICES: Record<string, { type: string; kategoria?: string }> = {
  pocztex_kurier_48: { type: 'przesylkaBiznesowaType' },
  paczka_pocztowa: { type: 'paczkaPocztowaType', kategoria: 'EKONOMICZNA' },
  paczka_pocztowa_priorytetowa: { type: 'paczkaPocztowaType', kategoria: 'PRIORYTETOWA' },
};

/**
 * e-Nadawca takes a 32-character GUID from the client for each shipment: made from the
 * idempotency key, a retry of the same shipment always carries the same GUID.
 */
export function guidOf(idempotencyKey: string): string {
  return crypto.createHash('sha256').update(`packdesk:${idempotencyKey}`).digest('hex').slice(0, 32).toUpperCase();
}

/** Pocztex size by the box, in mm sorted smallest first (S 9×40×65 cm, M 20×40×65, L 42×40×65, else XL). */
export function pocztexSize(dimensionsMm: { length: number; width: number; height: number } | null): string {
  if (!dimensionsMm) return 'M';
  const box = [dimensionsMm.length, dimensionsMm.width, dimensionsMm.height].sort((a, b) => a - b);
  const fits = (slot: number[]) => box.every((d, i) => d <= (slot[i] as number));
  if (fits([90, 400, 650])) return 'S';
  if (fits([200, 400, 650])) return 'M';
  if (fits([400, 420, 650])) return 'L';
  return 'XL';
}

function errorsIn(node: XmlObject | undefined): { number: string; text: string }[] {
  return listAt(node, 'error').map((e) => ({ number: String(e['@errorNumber'] ?? ''), text: String(e['@errorDesc'] ?? '').trim() }));
}

function said(errors: { number: string; text: string }[]): string {
  return errors.map((e) => (e.number ? `${e.text} (error ${e.number})` : e.text)).join('; ');
}

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
      el('en:addShipment', null, this.shipmentXml(request, guid), leaf('idBufor', this.connection.bufferId)),
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
    return this.toShipment(guid, String(item['@numerNadania']), request.reference);
  }

  async findShipment(lookup: ShipmentLookup): Promise<CarrierShipment | null> {
    const guid = guidOf(lookup.idempotencyKey);
    const found = (await this.buffer()).find((p) => p['@guid'] === guid);
    return found ? this.toShipment(guid, String(found['@numerNadania'] ?? ''), String(found['@opis'] ?? lookup.reference)) : null;
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
    return this.toShipment(shipmentId, String(found['@numerNadania'] ?? ''), String(found['@opis'] ?? ''));
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
      const answer = await this.call(
        'zamowKuriera',
        el(
          'en:zamowKuriera',
          null,
          this.addressXml('miejsceOdbioru', p.address),
          leaf('oczekiwanaDataOdbioru', p.date),
          leaf('oczekiwanaGodzinaOdbioru', `${p.from}-${p.to}`),
          leaf('szacowanaIloscPrzeslek', p.parcelCount),
          leaf('szacowanaLacznaMasaPrzesylek', Math.max(1, Math.round(p.totalWeightGrams / 1000))),
          leaf('potwierdzenieZamowieniaEmail', p.address.email),
        ),
        'the courier pickup',
      );
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

  private shipmentXml(request: ShipmentRequest, guid: string): string {
    const service = SERVICES[request.service];
    if (!service) {
      throw new CarrierFailure(
        'invalid',
        'carrier.unsupported',
        `Poczta Polska's service "${request.service}" is not one the station sends (${Object.keys(SERVICES).join(', ')}).`,
        { carrier: CARRIER, service: request.service },
      );
    }
    if (request.pickupPoint) {
      throw new CarrierFailure(
        'invalid',
        'carrier.unsupported',
        'Delivery to a Poczta Polska pickup point is not supported yet; ship this order to the address.',
        {
          carrier: CARRIER,
        },
      );
    }
    const grams = Math.max(1, Math.round(request.parcel.weightGrams));
    const value = request.declaredValue ? Math.round(request.declaredValue.minor) : undefined;
    const insurance = request.declaredValue ? el('ubezpieczenie', { rodzaj: 'STANDARD', kwota: decimalAmount(request.declaredValue.minor) }) : null;
    const common = { 'xsi:type': `en:${service.type}`, guid, masa: grams, wartosc: value, opis: request.reference.slice(0, 500) };
    if (service.type === 'paczkaPocztowaType') {
      if (request.cod) {
        throw new CarrierFailure(
          'invalid',
          'carrier.unsupported',
          'A Poczta Polska parcel (paczka pocztowa) is sent without cash on delivery; use Pocztex Kurier 48.',
          {
            carrier: CARRIER,
          },
        );
      }
      const gabaryt = pocztexSize(request.parcel.dimensionsMm) === 'XL' ? 'GABARYT_B' : 'GABARYT_A';
      return el(
        'przesylki',
        { ...common, kategoria: service.kategoria, gabaryt },
        this.addressXml('adres', request.receiver),
        this.addressXml('nadawca', request.sender),
        insurance,
      );
    }
    let cod: string | null = null;
    if (request.cod) {
      if (!this.connection.codAccount) {
        throw new CarrierFailure(
          'invalid',
          'carrier.not_set_up',
          'Cash on delivery with Poczta Polska needs the bank account it is paid to (Settings → Carriers).',
          {
            carrier: CARRIER,
          },
        );
      }
      cod = el('pobranie', {
        sposobPobrania: 'RACHUNEK_BANKOWY',
        kwotaPobrania: Math.round(request.cod.minor),
        nrb: this.connection.codAccount.replace(/\s/g, ''),
        tytulem: request.reference.slice(0, 54),
      });
    }
    return el(
      'przesylki',
      { ...common, gabaryt: pocztexSize(request.parcel.dimensionsMm), numerPrzesylkiKlienta: request.reference.slice(0, 20) },
      this.addressXml('adres', request.receiver),
      this.addressXml('nadawca', request.sender),
      cod,
      insurance,
    );
  }

  private addressXml(name: string, address: Address): string {
    const { street, building, flat } = splitStreet(address.street);
    const phone = nationalPhone(address.phone);
    return el(name, {
      nazwa: (address.company ?? address.name).slice(0, 60),
      nazwa2: address.company ? address.name.slice(0, 60) : undefined,
      ulica: street.slice(0, 255),
      numerDomu: building.slice(0, 11) || undefined,
      numerLokalu: flat?.slice(0, 11),
      miejscowosc: address.city.slice(0, 63),
      kodPocztowy: dashedPostcode(address.postcode),
      kraj: address.country === 'PL' ? 'Polska' : address.country,
      telefon: phone ?? undefined,
      mobile: phone ?? undefined,
      email: address.email ?? undefined,
    });
  }

  private toShipment(guid: string, trackingNumber: string, reference: string): CarrierShipment {
    return {
      carrier: 'poczta-polska',
      shipmentId: guid,
      trackingNumber: trackingNumber || null,
      status: trackingNumber ? 'confirmed' : 'pending',
      carrierStatus: trackingNumber ? 'in_buffer' : 'no_number',
      reference,
    };
  }

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
