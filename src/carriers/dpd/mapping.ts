/**
 * DPD Polska's DPDServices requests and answers in the station's terms: the package, address,
 * session, protocol and courier-pickup XML, a numbered parcel, and its statuses as sentences
 * (docs/carriers.md, DPD). No I/O: the SOAP exchange is in dpd.ts.
 */
import { CarrierFailure, type CarrierLabelFormat, type CarrierShipment, type PickupRequest, type ShipmentRequest } from '../../app/ports/carriers';
import type { Address } from '../../domain/order';
import { decimalAmount, nationalPhone } from '../address';
import { el, leaf, listAt, textAt, type XmlObject } from '../xml';

export const CARRIER = 'DPD';
export const FORMATS: Record<CarrierLabelFormat, string> = { pdf: 'PDF', zpl: 'ZPL', epl: 'EPL' };
/** Statuses that mean DPD itself failed (retry later), not that the request was wrong. */
export const DPD_FAULTS = new Set(['UNKNOWN_ERROR', 'DB_ERROR', 'NOT_PROCESSED']);

export interface Problem {
  status: string;
  info: string[];
}

export function digits(postcode: string): string {
  return postcode.replace(/[\s-]/g, '');
}

/** Every ValidationInfo under a package or parcel, as "field: text". */
export function validationLines(node: XmlObject): string[] {
  return listAt(node, 'ValidationDetails', 'ValidationInfo').map((v) => {
    const fields = textAt(v, 'FieldNames');
    const info = textAt(v, 'Info') ?? textAt(v, 'ErrorCode') ?? '';
    return fields ? `${fields}: ${info}` : info;
  });
}

/** The credentials DPD takes in every body. */
export function authXml(connection: { login: string; masterFid: number; password: string | null }): string {
  return el('authDataV1', null, leaf('login', connection.login), leaf('masterFid', connection.masterFid), leaf('password', connection.password ?? ''));
}

export function addressXml(name: string, address: Address, fid: number | null): string {
  return el(
    name,
    null,
    leaf('address', address.street),
    leaf('city', address.city),
    leaf('company', address.company),
    leaf('countryCode', address.country),
    leaf('email', address.email),
    leaf('fid', fid),
    leaf('name', address.name),
    leaf('phone', nationalPhone(address.phone)),
    leaf('postalCode', digits(address.postcode)),
  );
}

/** One parcel as a DPD package (openUMLFeV3): receiver, sender with its FID, COD, declared value, pickup point. */
export function packageXml(fid: number, request: ShipmentRequest): string {
  const d = request.parcel.dimensionsMm;
  const cm = (mm: number) => Math.max(1, Math.ceil(mm / 10));
  const money = (name: string, m: { minor: number; currency: string } | null) =>
    m ? el(name, null, leaf('amount', decimalAmount(m.minor)), leaf('currency', m.currency)) : null;
  const services = [
    money('cod', request.cod),
    money('declaredValue', request.declaredValue),
    request.pickupPoint ? el('dpdPickup', null, leaf('pudo', request.pickupPoint)) : null,
  ].filter((s): s is string => s !== null);
  return el(
    'packages',
    null,
    el(
      'parcels',
      null,
      leaf('content', request.contents),
      leaf('customerData1', request.orderNumber),
      leaf('reference', request.reference),
      d ? leaf('sizeX', cm(d.length)) : null,
      d ? leaf('sizeY', cm(d.width)) : null,
      d ? leaf('sizeZ', cm(d.height)) : null,
      leaf('weight', (request.parcel.weightGrams / 1000).toFixed(2)),
    ),
    leaf('payerType', 'SENDER'),
    addressXml('receiver', request.receiver, null),
    leaf('ref1', request.orderNumber),
    leaf('reference', request.reference),
    addressXml('sender', request.sender, fid),
    services.length > 0 ? el('services', null, ...services) : null,
  );
}

export function servicesParams(fid: number, options: { packages: string[]; policy: string; pickupAddress?: Address }): string {
  return el(
    'dpdServicesParamsV1',
    null,
    options.pickupAddress ? addressXml('pickupAddress', options.pickupAddress, fid) : null,
    leaf('policy', options.policy),
    el('session', null, ...options.packages, leaf('sessionType', 'DOMESTIC')),
  );
}

/** generateProtocolV2's session: the day's waybills, and where the courier collects them. */
export function protocolXml(fid: number, waybills: string[], pickupAddress: Address): string {
  const packages = waybills.map((waybill) => el('packages', null, el('parcels', null, leaf('waybill', waybill))));
  return servicesParams(fid, { packages, policy: 'STOP_ON_FIRST_ERROR', pickupAddress });
}

/** packagesPickupCallV4's parameters: a domestic courier pickup of the day's parcels, paid by the sender's FID. */
export function pickupCallXml(fid: number, pickup: PickupRequest): string {
  return el(
    'dpdPickupParamsV3',
    null,
    leaf('operationType', 'INSERT'),
    leaf('orderType', 'DOMESTIC'),
    el(
      'pickupCallSimplifiedDetails',
      null,
      el(
        'packagesParams',
        null,
        leaf('dox', false),
        leaf('doxCount', 0),
        leaf('pallet', false),
        leaf('palletsCount', 0),
        leaf('parcelsCount', pickup.parcelCount),
        leaf('parcelsWeight', decimalAmount(Math.round(pickup.totalWeightGrams / 10))),
        leaf('standardParcel', true),
      ),
      el(
        'pickupCustomer',
        null,
        leaf('customerFullName', pickup.address.company ?? pickup.address.name),
        leaf('customerName', pickup.address.name),
        leaf('customerPhone', nationalPhone(pickup.address.phone)),
      ),
      el('pickupPayer', null, leaf('payerName', pickup.address.company ?? pickup.address.name), leaf('payerNumber', fid)),
      el(
        'pickupSender',
        null,
        leaf('senderAddress', pickup.address.street),
        leaf('senderCity', pickup.address.city),
        leaf('senderFullName', pickup.address.company ?? pickup.address.name),
        leaf('senderName', pickup.address.name),
        leaf('senderPhone', nationalPhone(pickup.address.phone)),
        leaf('senderPostalCode', digits(pickup.address.postcode)),
      ),
    ),
    leaf('pickupDate', pickup.date),
    leaf('pickupTimeFrom', pickup.from),
    leaf('pickupTimeTo', pickup.to),
    leaf('waybillsReady', true),
  );
}

export function toShipment(waybill: string, reference: string): CarrierShipment {
  return { carrier: 'dpd', shipmentId: waybill, trackingNumber: waybill, status: 'confirmed', carrierStatus: 'OK', reference };
}

/** A package DPD did not number, as a sentence: its own trouble (retry), a FID it refuses, or the fields it names. */
export function generationFailure(fid: number, problem: Problem, reference: string): CarrierFailure {
  const details = { carrier: CARRIER, code: problem.status, fields: problem.info.join('; ') };
  if (DPD_FAULTS.has(problem.status)) {
    return new CarrierFailure(
      'unavailable',
      'carrier.server_error',
      `DPD could not number the parcel for ${reference} (${problem.status}); the station tries again later.`,
      details,
    );
  }
  if (problem.status === 'DISALLOWED_FID') {
    return new CarrierFailure(
      'refused',
      'carrier.auth',
      `DPD does not let this login send from FID ${fid} (DISALLOWED_FID); check the FID in Settings → Carriers.`,
      details,
    );
  }
  const why = problem.info.length > 0 ? problem.info.join('; ') : 'it named no field';
  return new CarrierFailure('invalid', 'carrier.invalid_data', `DPD refused the parcel for ${reference} (${problem.status}): ${why}.`, details);
}

/** A label or protocol DPD did not make, as a sentence by its document status. */
export function documentFailure(fid: number, status: string, description: string | null, what: string): CarrierFailure {
  const details = { carrier: CARRIER, code: status };
  const said = description ? `: ${description}` : '';
  if (DPD_FAULTS.has(status)) {
    return new CarrierFailure('unavailable', 'carrier.server_error', `DPD could not make ${what} (${status}${said}); the station tries again later.`, details);
  }
  if (status === 'ALREADY_ADVICED') {
    return new CarrierFailure(
      'refused',
      'carrier.handover_failed',
      `DPD already made a protocol for these parcels (ALREADY_ADVICED); reprint the one made earlier.`,
      details,
    );
  }
  if (status.startsWith('INCORRECT_PICKUP_ADDRESS')) {
    const field = status.replace('INCORRECT_PICKUP_ADDRESS_', '').toLowerCase().replace(/_/g, ' ');
    return new CarrierFailure('invalid', 'carrier.invalid_data', `DPD refused the sender's address for ${what}: the ${field} is wrong (${status}).`, details);
  }
  if (status === 'NOT_FOUND') return new CarrierFailure('refused', 'carrier.not_found', `DPD does not know the parcel asked for ${what} (NOT_FOUND).`, details);
  if (status === 'ACCESS_DENIED_FOR_FID') {
    return new CarrierFailure('refused', 'carrier.auth', `DPD does not let this login make ${what} for FID ${fid} (ACCESS_DENIED_FOR_FID).`, details);
  }
  return new CarrierFailure(
    'refused',
    what === 'the label' ? 'carrier.label_failed' : 'carrier.handover_failed',
    `DPD could not make ${what} (${status}${said}).`,
    details,
  );
}
