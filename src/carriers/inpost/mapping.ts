/**
 * InPost ShipX's requests and answers in the station's terms: the shipment and dispatch-order
 * bodies, a shipment read back, and its error bodies as sentences (docs/carriers.md, InPost). No
 * I/O: the transport is in inpost.ts.
 */
import { CarrierFailure, type CarrierLabelFormat, type CarrierShipment, type PickupRequest, type ShipmentRequest } from '../../app/ports/carriers';
import type { Address } from '../../domain/order';
import { dashedPostcode, decimalAmount, nationalPhone, splitName, splitStreet } from '../address';
import { serverError } from '../http';

export const CARRIER = 'InPost';
/** Statuses before InPost has confirmed the shipment: no tracking number and no label yet. */
export const NOT_CONFIRMED = new Set(['created', 'offers_prepared', 'offer_selected']);
/** Locker sizes (docs: "Shipment sizes and services"), inside dimensions in mm, smallest first. */
const LOCKER_TEMPLATES: [string, [number, number, number]][] = [
  ['small', [80, 380, 640]],
  ['medium', [190, 380, 640]],
  ['large', [410, 380, 640]],
];
const LOCKER_MAX_GRAMS = 25_000;
export const FORMATS: Record<CarrierLabelFormat, string> = { pdf: 'Pdf', zpl: 'Zpl', epl: 'Epl' };

export interface ShipxShipment {
  id: number;
  status: string;
  tracking_number: string | null;
  reference: string | null;
  service?: string;
  offers?: { id: number; status: string; unavailability_reasons?: unknown }[];
}

export interface ShipxError {
  status?: number | string;
  error?: string;
  key?: string;
  message?: string;
  description?: string;
  details?: unknown;
}

/** The locker size a box fits, by its dimensions turned to fit: null when it fits none. */
export function lockerTemplate(dimensionsMm: { length: number; width: number; height: number }): string | null {
  const box = [dimensionsMm.length, dimensionsMm.width, dimensionsMm.height].sort((a, b) => a - b);
  for (const [name, size] of LOCKER_TEMPLATES) {
    const slot = [...size].sort((a, b) => a - b);
    if (box.every((d, i) => d <= (slot[i] as number))) return name;
  }
  return null;
}

/** Every problem in ShipX's `details`, flat, as "field.sub: problem" (details may nest objects in arrays). */
export function detailLines(details: unknown, path = ''): string[] {
  if (details === null || details === undefined) return [];
  if (typeof details === 'string' || typeof details === 'number') return [path ? `${path}: ${details}` : String(details)];
  if (Array.isArray(details)) return details.flatMap((d) => detailLines(d, path));
  if (typeof details === 'object') {
    return Object.entries(details as Record<string, unknown>).flatMap(([k, v]) => detailLines(v, path ? `${path}.${k}` : k));
  }
  return [];
}

export function words(key: string): string {
  return key.replace(/_/g, ' ');
}

/** InPost ShipX (REST, bearer token): shipments are made asynchronously and have a label once confirmed. */

/** A shipment whose every offer is unavailable is never confirmed: said as a refusal with the reasons. */
export function refuseUnavailableOffers(raw: ShipxShipment): void {
  const offers = raw.offers ?? [];
  if (offers.length === 0 || !offers.every((o) => o.status === 'unavailable')) return;
  const reasons = [...new Set(offers.flatMap((o) => detailLines(o.unavailability_reasons)))];
  throw new CarrierFailure(
    'refused',
    'carrier.refused',
    `InPost cannot carry shipment ${raw.id} as ordered${reasons.length > 0 ? `: ${reasons.map(words).join('; ')}` : ''}. Check the service in the InPost contract and the parcel's size.`,
    { carrier: CARRIER, shipment: String(raw.id), fields: reasons.join('; ') },
  );
}

/** The dispatch order that asks InPost's courier to collect the day's shipments from the pickup address. */
export function dispatchOrderBody(shipmentIds: string[], pickup: PickupRequest): Record<string, unknown> {
  const { street, building } = splitStreet(pickup.address.street);
  return {
    shipments: shipmentIds.map((id) => Number(id)),
    comment: pickup.comment ?? undefined,
    name: pickup.address.company ?? pickup.address.name,
    phone: nationalPhone(pickup.address.phone) ?? undefined,
    email: pickup.address.email ?? undefined,
    address: {
      street,
      building_number: building,
      city: pickup.address.city,
      post_code: dashedPostcode(pickup.address.postcode),
      country_code: pickup.address.country,
    },
  };
}

/** The ShipX shipment (simplified mode) for one parcel, or a refusal before asking. */
export function shipmentBody(request: ShipmentRequest, sendingMethod: string | undefined): Record<string, unknown> {
  const locker = request.service.includes('locker');
  if (locker && !request.pickupPoint) {
    throw new CarrierFailure(
      'invalid',
      'carrier.invalid_data',
      `InPost's ${request.service} needs a locker id (target point) on order ${request.orderNumber}.`,
      { carrier: CARRIER, fields: 'custom_attributes.target_point: required', order: request.orderNumber },
    );
  }
  const weight = { amount: (request.parcel.weightGrams / 1000).toFixed(3), unit: 'kg' };
  let parcel: Record<string, unknown>;
  if (locker) {
    const template = request.parcel.dimensionsMm ? lockerTemplate(request.parcel.dimensionsMm) : 'small';
    if (!template || request.parcel.weightGrams > LOCKER_MAX_GRAMS) {
      throw new CarrierFailure(
        'invalid',
        'carrier.invalid_data',
        `Parcel ${request.parcel.index} of order ${request.orderNumber} does not fit an InPost locker (at most 41 × 38 × 64 cm and 25 kg); send it by InPost courier.`,
        { carrier: CARRIER, fields: 'parcels: too_large', order: request.orderNumber },
      );
    }
    parcel = { template, weight };
  } else {
    const d = request.parcel.dimensionsMm;
    parcel = {
      ...(d ? { dimensions: { length: String(d.length), width: String(d.width), height: String(d.height), unit: 'mm' } } : {}),
      weight,
      is_non_standard: false,
    };
  }
  const money = (m: { minor: number; currency: string } | null) => (m ? { amount: Number(decimalAmount(m.minor)), currency: m.currency } : undefined);
  return {
    receiver: party(request.receiver, !locker),
    sender: party(request.sender, true),
    parcels: [parcel],
    custom_attributes: {
      ...(request.pickupPoint ? { target_point: request.pickupPoint } : {}),
      sending_method: sendingMethod ?? 'dispatch_order',
    },
    service: request.service,
    reference: request.reference,
    ...(request.cod ? { cod: money(request.cod), additional_services: ['cod'] } : {}),
    ...(request.declaredValue ? { insurance: money(request.declaredValue) } : {}),
    ...(request.contents ? { comments: request.contents.slice(0, 100) } : {}),
  };
}

function party(address: Address, withAddress: boolean): Record<string, unknown> {
  const { first, last } = splitName(address.name);
  const { street, building, flat } = splitStreet(address.street);
  return {
    ...(address.company ? { company_name: address.company } : {}),
    first_name: first,
    last_name: last,
    email: address.email ?? undefined,
    phone: nationalPhone(address.phone) ?? undefined,
    ...(withAddress
      ? {
          address: {
            street,
            building_number: flat ? `${building}/${flat}` : building,
            city: address.city,
            post_code: dashedPostcode(address.postcode),
            country_code: address.country,
          },
        }
      : {}),
  };
}

export function toShipment(s: ShipxShipment): CarrierShipment {
  const pending = NOT_CONFIRMED.has(s.status) || !s.tracking_number;
  return {
    carrier: 'inpost',
    shipmentId: String(s.id),
    trackingNumber: s.tracking_number ?? null,
    status: s.status === 'canceled' ? 'cancelled' : pending ? 'pending' : 'confirmed',
    carrierStatus: s.status,
    reference: s.reference ?? '',
  };
}

/** InPost's error body as one clear sentence (docs/carriers.md lists the codes and the known odd bodies). */
export function failure(status: number, body: ShipxError, what: string, context: { point?: string | null } = {}): CarrierFailure {
  const code = body.error ?? body.key ?? `http_${status}`;
  const said = (body.message ?? body.description ?? '').trim();
  const lines = detailLines(body.details);
  const base = { carrier: CARRIER, code, status };
  if (status >= 500) return serverError(CARRIER, status);
  if (status === 401 || code === 'token_invalid' || code === 'unauthorized') {
    return new CarrierFailure(
      'refused',
      'carrier.auth',
      `InPost refused the API token (${code}). Generate a new one in Parcel Manager → My account → API and enter it in Settings → Carriers.`,
      base,
    );
  }
  if (status === 403) {
    return new CarrierFailure(
      'refused',
      'carrier.auth',
      `InPost does not allow this account ${what} (${code}); check the organisation id and the token's rights.`,
      base,
    );
  }
  if (lines.some((l) => /target_point: does_not_exist/.test(l))) {
    const point = context.point ?? '?';
    return new CarrierFailure('invalid', 'carrier.point_unknown', `InPost does not know the locker ${point}; correct the pickup point on the order.`, {
      ...base,
      point,
    });
  }
  if (status === 404 || code === 'resource_not_found') {
    return new CarrierFailure('refused', 'carrier.not_found', `InPost does not know ${what} asked for (${code}).`, base);
  }
  if (code === 'label_generation_failed' || code === 'printout_generation_failed' || code === 'label_template_not_found') {
    const why = lines.length > 0 ? lines.map(words).join('; ') : said ? `it gave no details, only "${said}"` : 'it gave no reason';
    return new CarrierFailure(
      'refused',
      code === 'label_generation_failed' || code === 'label_template_not_found' ? 'carrier.label_failed' : 'carrier.handover_failed',
      `InPost could not make ${what} (${code}): ${why}.`,
      { ...base, fields: lines.join('; ') },
    );
  }
  if (code === 'validation_failed' || (status === 400 && lines.length > 0)) {
    if (lines.length === 0) {
      return new CarrierFailure(
        'invalid',
        'carrier.invalid_data',
        `InPost refused ${what} as invalid (${code}) without saying which field${said ? `; its message: "${said}"` : ''}. Check the receiver's name, phone, e-mail and address, the locker id and the parcel's size.`,
        { ...base, fields: '' },
      );
    }
    return new CarrierFailure('invalid', 'carrier.invalid_data', `InPost refused ${what}: ${lines.map(words).join('; ')}.`, {
      ...base,
      fields: lines.join('; '),
    });
  }
  return new CarrierFailure(
    'refused',
    'carrier.refused',
    `InPost refused ${what} (${code}${lines.length > 0 ? `: ${lines.map(words).join('; ')}` : ''})${said ? `: "${said}"` : ''}.`,
    { ...base, fields: lines.join('; ') },
  );
}
