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
import {
  authXml,
  CARRIER,
  documentFailure,
  FORMATS,
  generationFailure,
  packageXml,
  pickupCallXml,
  protocolXml,
  servicesParams,
  toShipment,
  validationLines,
  type Problem,
} from './mapping';

/** How the station reaches DPD Polska's DPDServices (docs/carriers.md, DPD). */
export interface DpdConnection {
  /** https://dpdservices.dpd.com.pl/DPDPackageObjServicesService/DPDPackageObjServices, or the demo host. */
  url: string;
  login: string;
  password: string | null;
  masterFid: number;
  /** The sender's FID when it is not the master FID. */
  senderFid?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const NS = 'http://dpdservices.dpd.com.pl/';
const ARRAYS = ['Package', 'Parcel', 'ValidationInfo', 'packages', 'parcels', 'errorDetails'];

/** DPD Polska DPDServices (SOAP 1.1, credentials in each body): numbers, labels, the protocol and the courier pickup. */
export class DpdCarrier implements Carrier {
  readonly kind = 'dpd' as const;
  readonly capabilities = { labelFormats: ['pdf', 'zpl', 'epl'] as CarrierLabelFormat[], cancel: false, pickup: true, pickupPoints: true };

  constructor(private readonly connection: DpdConnection) {}

  /** A courier availability check for the sender's post code: cheap, and it needs a valid login. */
  async testConnection(): Promise<{ account: string }> {
    await this.call(
      'getCourierOrderAvailabilityV1',
      el(
        'dpd:getCourierOrderAvailabilityV1',
        null,
        el('senderPlaceV1', null, leaf('countryCode', 'PL'), leaf('postalCode', '02274')),
        authXml(this.connection),
      ),
      'the connection check',
    );
    return { account: `DPD Polska: ${this.connection.login} (FID ${this.connection.masterFid})` };
  }

  async createShipment(request: ShipmentRequest): Promise<CarrierShipment> {
    const answer = await this.call(
      'generatePackagesNumbersV4',
      el(
        'dpd:generatePackagesNumbersV4',
        null,
        el('openUMLFeV3', null, packageXml(this.fid(), request)),
        leaf('pkgNumsGenerationPolicyV1', 'STOP_ON_FIRST_ERROR'),
        leaf('langCode', 'PL'),
        authXml(this.connection),
      ),
      'the shipment',
    );
    const result = (answer.return ?? {}) as XmlObject;
    const pkg = listAt(result, 'Packages', 'Package')[0];
    const parcel = pkg ? listAt(pkg, 'Parcels', 'Parcel')[0] : undefined;
    const waybill = parcel ? textAt(parcel, 'Waybill') : null;
    const statuses = [textAt(result, 'Status'), pkg ? textAt(pkg, 'Status') : null, parcel ? textAt(parcel, 'Status') : null].filter(
      (s): s is string => s !== null,
    );
    if (waybill && statuses.every((s) => s === 'OK')) return toShipment(waybill, request.reference);

    const problem: Problem = {
      status: statuses.find((s) => s !== 'OK') ?? 'NO_WAYBILL',
      info: [...(pkg ? validationLines(pkg) : []), ...(parcel ? validationLines(parcel) : [])],
    };
    if (problem.status === 'DUPLICATED_PACKAGE_SEARCH_KEY') {
      // A package with this reference exists already: it is the one an earlier attempt made.
      const existing = await this.findShipment({ reference: request.reference, idempotencyKey: request.idempotencyKey, shopOrderId: null, parcelIndex: 1 });
      if (existing) return existing;
    }
    throw generationFailure(this.fid(), problem, request.reference);
  }

  /**
   * The package DPD made for this reference: the label call takes packages by reference, and its
   * answer names their waybills (unconfirmed against the live service; see docs/carriers.md).
   */
  async findShipment(lookup: ShipmentLookup): Promise<CarrierShipment | null> {
    const answer = await this.call(
      'generateSpedLabelsV4',
      el(
        'dpd:generateSpedLabelsV4',
        null,
        servicesParams(this.fid(), { packages: [el('packages', null, leaf('reference', lookup.reference))], policy: 'IGNORE_ERRORS' }),
        leaf('outputDocFormatV1', 'PDF'),
        leaf('outputDocPageFormatV1', 'LBL_PRINTER'),
        leaf('outputLabelType', 'BIC3'),
        authXml(this.connection),
      ),
      'the shipment search',
    );
    const session = ((answer.return ?? {}) as XmlObject).session as XmlObject | undefined;
    for (const pkg of listAt(session, 'packages')) {
      if (textAt(pkg, 'statusInfo', 'status') !== 'OK') continue;
      const waybill = listAt(pkg, 'parcels')
        .map((p) => textAt(p, 'waybill'))
        .find(Boolean);
      if (waybill) return toShipment(waybill, textAt(pkg, 'reference') ?? lookup.reference);
    }
    return null;
  }

  /** DPD's numbers are final when given; there is no call to read one back, so the waybill is the state. */
  async shipment(shipmentId: string): Promise<CarrierShipment> {
    return toShipment(shipmentId, '');
  }

  async awaitConfirmation(shipmentId: string): Promise<CarrierShipment> {
    return this.shipment(shipmentId);
  }

  async label(shipmentId: string, options: { format: CarrierLabelFormat; size: CarrierLabelSize }): Promise<CarrierLabel> {
    const answer = await this.call(
      'generateSpedLabelsV4',
      el(
        'dpd:generateSpedLabelsV4',
        null,
        servicesParams(this.fid(), { packages: [el('packages', null, el('parcels', null, leaf('waybill', shipmentId)))], policy: 'STOP_ON_FIRST_ERROR' }),
        leaf('outputDocFormatV1', FORMATS[options.format]),
        leaf('outputDocPageFormatV1', 'LBL_PRINTER'),
        leaf('outputLabelType', 'BIC3'),
        authXml(this.connection),
      ),
      'the label',
    );
    const result = (answer.return ?? {}) as XmlObject;
    const status = textAt(result, 'session', 'statusInfo', 'status');
    const data = textAt(result, 'documentData');
    if (status !== 'OK' || !data)
      throw documentFailure(this.fid(), status ?? 'NO_DOCUMENT', textAt(result, 'session', 'statusInfo', 'description'), 'the label');
    return { format: options.format, size: options.size, bytes: new Uint8Array(Buffer.from(data, 'base64')), trackingNumber: shipmentId };
  }

  async cancel(shipmentId: string): Promise<void> {
    throw new CarrierFailure(
      'invalid',
      'carrier.unsupported',
      `DPD has no call to cancel a parcel: leave ${shipmentId} out of today's protocol and do not hand it to the courier.`,
      { carrier: CARRIER, shipment: shipmentId },
    );
  }

  /** The handover protocol for the day's waybills, then the courier pickup when asked for. */
  async closeDay(request: HandoverRequest): Promise<Handover> {
    if (request.shipmentIds.length === 0) {
      throw new CarrierFailure('invalid', 'carrier.handover_failed', 'There is no DPD parcel to hand over today.', { carrier: CARRIER });
    }
    const answer = await this.call(
      'generateProtocolV2',
      el(
        'dpd:generateProtocolV2',
        null,
        protocolXml(this.fid(), request.shipmentIds, request.sender),
        leaf('outputDocFormatV1', 'PDF'),
        leaf('outputDocPageFormatV1', 'A4'),
        authXml(this.connection),
      ),
      'the protocol',
    );
    const result = (answer.return ?? {}) as XmlObject;
    const status = textAt(result, 'session', 'statusInfo', 'status');
    const data = textAt(result, 'documentData');
    if (status !== 'OK' || !data)
      throw documentFailure(this.fid(), status ?? 'NO_DOCUMENT', textAt(result, 'session', 'statusInfo', 'description'), 'the protocol');
    const protocol = textAt(result, 'documentId');

    let pickup: Handover['pickup'] = null;
    if (request.pickup) {
      const p = request.pickup;
      const called = await this.call(
        'packagesPickupCallV4',
        el('dpd:packagesPickupCallV4', null, pickupCallXml(this.fid(), p), authXml(this.connection)),
        'the courier pickup',
      );
      const ret = (called.return ?? {}) as XmlObject;
      const callStatus = textAt(ret, 'statusInfo', 'status');
      if (callStatus !== 'OK') {
        const why = listAt(ret, 'statusInfo', 'errorDetails')
          .map((e) => textAt(e, 'description') ?? textAt(e, 'code'))
          .filter(Boolean)
          .join('; ');
        throw new CarrierFailure(
          callStatus === 'RANGE_NOT_AVAILABLE_TEMPORARILY' ? 'unavailable' : 'refused',
          'carrier.handover_failed',
          `DPD made protocol ${protocol ?? ''} but did not take the courier pickup (${callStatus ?? 'no status'}${why ? `: ${why}` : ''}). Order the courier for another time, or by phone.`,
          { carrier: CARRIER, code: callStatus ?? '', protocol: protocol ?? '' },
        );
      }
      pickup = { reference: textAt(ret, 'orderNumber') ?? '' };
    }
    return { document: { format: 'pdf', bytes: new Uint8Array(Buffer.from(data, 'base64')) }, number: protocol, shipmentIds: request.shipmentIds, pickup };
  }

  // --- the exchange ---

  private fid(): number {
    return this.connection.senderFid ?? this.connection.masterFid;
  }

  private async call(operation: string, body: string, what: string): Promise<XmlObject> {
    if (!this.connection.password) {
      throw new CarrierFailure('refused', 'carrier.not_set_up', 'DPD needs the login, password and FID (Settings → Carriers).', { carrier: CARRIER });
    }
    const connection: HttpConnection = { carrier: CARRIER, timeoutMs: this.connection.timeoutMs ?? 30_000, fetch: this.connection.fetch };
    // JAX-WS: an empty SOAPAction; only the wrapper element is in the service's namespace.
    const answer = await soapCall(connection, this.connection.url, '', soapEnvelope({ dpd: NS }, body), { arrays: ARRAYS });
    if (answer.fault) {
      const { message, detail, detailNames } = answer.fault;
      const text = `${message}${detail && detail !== message ? ` (${detail})` : ''}`;
      if (detailNames.some((n) => /DeniedAccess/i.test(n))) {
        throw new CarrierFailure(
          'refused',
          'carrier.auth',
          `DPD refused the login for ${what}: ${text}. Check the login, password and master FID in Settings → Carriers.`,
          { carrier: CARRIER, code: 'DeniedAccessWSException' },
        );
      }
      if (detailNames.some((n) => /SchemaValidation/i.test(n))) {
        throw new CarrierFailure('invalid', 'carrier.invalid_data', `DPD refused ${what} as malformed: ${text}.`, {
          carrier: CARRIER,
          code: 'SchemaValidationException',
        });
      }
      throw new CarrierFailure('refused', 'carrier.refused', `DPD refused ${what}: ${text}.`, { carrier: CARRIER, code: answer.fault.code });
    }
    return answer.response ?? {};
  }
}
