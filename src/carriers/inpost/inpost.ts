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
import { dashedPostcode, decimalAmount, nationalPhone, splitName, splitStreet } from '../address';
import { httpCall, serverError, type HttpAnswer } from '../http';

/** How the station reaches one InPost ShipX organisation (docs/carriers.md, InPost). */
export interface InpostConnection {
  /** https://api-shipx-pl.easypack24.net, or the sandbox https://sandbox-api-shipx-pl.easypack24.net. */
  url: string;
  organizationId: string;
  /** The API token from Parcel Manager (My account → API). */
  token: string | null;
  /** How parcels reach InPost: dispatch_order (a courier collects them) or parcel_locker, pok, … */
  sendingMethod?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

const CARRIER = 'InPost';
/** Statuses before InPost has confirmed the shipment: no tracking number and no label yet. */
const NOT_CONFIRMED = new Set(['created', 'offers_prepared', 'offer_selected']);
/** Locker sizes (docs: "Shipment sizes and services"), inside dimensions in mm, smallest first. */
const LOCKER_TEMPLATES: [string, [number, number, number]][] = [
  ['small', [80, 380, 640]],
  ['medium', [190, 380, 640]],
  ['large', [410, 380, 640]],
];
const LOCKER_MAX_GRAMS = 25_000;
const FORMATS: Record<CarrierLabelFormat, string> = { pdf: 'Pdf', zpl: 'Zpl', epl: 'Epl' };

interface ShipxShipment {
  id: number;
  status: string;
  tracking_number: string | null;
  reference: string | null;
  service?: string;
  offers?: { id: number; status: string; unavailability_reasons?: unknown }[];
}

interface ShipxError {
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

function words(key: string): string {
  return key.replace(/_/g, ' ');
}

/** InPost ShipX (REST, bearer token): shipments are made asynchronously and have a label once confirmed. */
export class InpostCarrier implements Carrier {
  readonly kind = 'inpost' as const;
  readonly capabilities = { labelFormats: ['pdf', 'zpl', 'epl'] as CarrierLabelFormat[], cancel: true, pickup: true, pickupPoints: true };
  private readonly base: string;

  constructor(private readonly connection: InpostConnection) {
    this.base = connection.url.replace(/\/+$/, '');
  }

  async testConnection(): Promise<{ account: string }> {
    const org = await this.json<{ id: number; name?: string }>('GET', `/v1/organizations/${this.org()}`, null, 'the account check');
    return { account: `InPost: ${org.name ?? `organisation ${org.id}`}` };
  }

  async createShipment(request: ShipmentRequest): Promise<CarrierShipment> {
    const made = await this.json<ShipxShipment>('POST', `/v1/organizations/${this.org()}/shipments`, this.shipmentBody(request), 'the shipment', {
      point: request.pickupPoint,
    });
    return this.toShipment(made);
  }

  async findShipment(lookup: ShipmentLookup): Promise<CarrierShipment | null> {
    const query = new URLSearchParams({ reference: lookup.reference, per_page: '25' });
    const page = await this.json<{ items?: ShipxShipment[] }>('GET', `/v1/organizations/${this.org()}/shipments?${query}`, null, 'the shipment search');
    // The reference filter is not documented as exact, so the answer is checked here too.
    const found = (page.items ?? []).filter((s) => s.reference === lookup.reference && s.status !== 'canceled').sort((a, b) => a.id - b.id)[0];
    return found ? this.toShipment(found) : null;
  }

  async shipment(shipmentId: string): Promise<CarrierShipment> {
    return this.toShipment(await this.json<ShipxShipment>('GET', `/v1/shipments/${encodeURIComponent(shipmentId)}`, null, 'the shipment'));
  }

  async awaitConfirmation(shipmentId: string, options: { timeoutMs?: number; pollMs?: number } = {}): Promise<CarrierShipment> {
    const deadline = Date.now() + (options.timeoutMs ?? 20_000);
    const sleep = this.connection.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    for (;;) {
      const raw = await this.json<ShipxShipment>('GET', `/v1/shipments/${encodeURIComponent(shipmentId)}`, null, 'the shipment');
      const current = this.toShipment(raw);
      if (current.status !== 'pending') return current;
      this.refuseUnavailableOffers(raw);
      if (Date.now() >= deadline) {
        throw new CarrierFailure(
          'timeout',
          'carrier.not_confirmed',
          `InPost has not confirmed shipment ${shipmentId} yet (status ${current.carrierStatus}); its label follows when it does.`,
          { carrier: CARRIER, shipment: shipmentId, status: current.carrierStatus },
        );
      }
      await sleep(options.pollMs ?? 500);
    }
  }

  async label(shipmentId: string, options: { format: CarrierLabelFormat; size: CarrierLabelSize }): Promise<CarrierLabel> {
    // ShipX's "normal" type is an A4 page; label printers take its A6 label, on A6 or 4×6 in stock alike.
    const query = new URLSearchParams({ format: FORMATS[options.format], type: 'A6' });
    const answer = await this.send('GET', `/v1/shipments/${encodeURIComponent(shipmentId)}/label?${query}`, null);
    const error = this.errorBody(answer);
    if (error) {
      if (error.body.error === 'invalid_action') {
        throw new CarrierFailure(
          'timeout',
          'carrier.not_confirmed',
          `InPost has no label for shipment ${shipmentId} yet: it is not confirmed. The label follows when it is.`,
          { carrier: CARRIER, shipment: shipmentId },
        );
      }
      throw this.failure(error.status, error.body, 'the label');
    }
    this.expectDocument(answer, options.format, 'label');
    const shipment = await this.shipment(shipmentId);
    return { format: options.format, size: options.size, bytes: new Uint8Array(answer.body), trackingNumber: shipment.trackingNumber };
  }

  async cancel(shipmentId: string): Promise<void> {
    const answer = await this.send('DELETE', `/v1/shipments/${encodeURIComponent(shipmentId)}`, null);
    const error = this.errorBody(answer);
    if (!error) return;
    if (error.body.error === 'invalid_action') {
      throw new CarrierFailure(
        'refused',
        'carrier.cancel_refused',
        `InPost will not cancel shipment ${shipmentId}: only a shipment that is not confirmed yet can be cancelled through the API. Cancel it in Parcel Manager or hand the parcel over.`,
        { carrier: CARRIER, shipment: shipmentId },
      );
    }
    throw this.failure(error.status, error.body, 'the cancellation');
  }

  async closeDay(request: HandoverRequest): Promise<Handover> {
    const ids = request.shipmentIds;
    if (ids.length === 0) {
      throw new CarrierFailure('invalid', 'carrier.handover_failed', 'There is no InPost shipment to hand over today.', { carrier: CARRIER });
    }
    if (request.pickup) {
      const { street, building } = splitStreet(request.pickup.address.street);
      const order = await this.json<{ id: number; status: string }>(
        'POST',
        `/v1/organizations/${this.org()}/dispatch_orders`,
        {
          shipments: ids.map((id) => Number(id)),
          comment: request.pickup.comment ?? undefined,
          name: request.pickup.address.company ?? request.pickup.address.name,
          phone: nationalPhone(request.pickup.address.phone) ?? undefined,
          email: request.pickup.address.email ?? undefined,
          address: {
            street,
            building_number: building,
            city: request.pickup.address.city,
            post_code: dashedPostcode(request.pickup.address.postcode),
            country_code: request.pickup.address.country,
          },
        },
        'the dispatch order',
      );
      const printout = await this.document(`/v1/dispatch_orders/${order.id}/printout?format=Pdf`, 'the dispatch order printout');
      return { document: { format: 'pdf', bytes: printout }, number: String(order.id), shipmentIds: ids, pickup: { reference: String(order.id) } };
    }
    const query = ids.map((id) => `shipment_ids[]=${encodeURIComponent(id)}`).join('&');
    const printout = await this.document(`/v1/organizations/${this.org()}/dispatch_orders/printouts?${query}&format=Pdf`, 'the handover printout');
    return { document: { format: 'pdf', bytes: printout }, number: null, shipmentIds: ids, pickup: null };
  }

  /**
   * A shipment whose every offer InPost marked unavailable will never be confirmed: say why now
   * rather than wait (offers carry `unavailability_reasons`; how they read is unconfirmed).
   */
  private refuseUnavailableOffers(raw: ShipxShipment): void {
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

  // --- the request ---

  private shipmentBody(request: ShipmentRequest): Record<string, unknown> {
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
      receiver: this.party(request.receiver, !locker),
      sender: this.party(request.sender, true),
      parcels: [parcel],
      custom_attributes: {
        ...(request.pickupPoint ? { target_point: request.pickupPoint } : {}),
        sending_method: this.connection.sendingMethod ?? 'dispatch_order',
      },
      service: request.service,
      reference: request.reference,
      ...(request.cod ? { cod: money(request.cod), additional_services: ['cod'] } : {}),
      ...(request.declaredValue ? { insurance: money(request.declaredValue) } : {}),
      ...(request.contents ? { comments: request.contents.slice(0, 100) } : {}),
    };
  }

  private party(address: Address, withAddress: boolean): Record<string, unknown> {
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

  private toShipment(s: ShipxShipment): CarrierShipment {
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

  // --- the exchange ---

  private org(): string {
    return encodeURIComponent(this.connection.organizationId);
  }

  private async send(method: string, path: string, body: unknown): Promise<HttpAnswer> {
    if (!this.connection.token) {
      throw new CarrierFailure('refused', 'carrier.not_set_up', 'InPost needs an API token (Settings → Carriers).', { carrier: CARRIER });
    }
    const headers: Record<string, string> = { authorization: `Bearer ${this.connection.token}`, accept: 'application/json' };
    if (body !== null) headers['content-type'] = 'application/json';
    return httpCall({ carrier: CARRIER, timeoutMs: this.connection.timeoutMs ?? 30_000, fetch: this.connection.fetch }, `${this.base}${path}`, {
      method,
      headers,
      body: body === null ? undefined : JSON.stringify(body),
    });
  }

  private async json<T>(method: string, path: string, body: unknown, what: string, context: { point?: string | null } = {}): Promise<T> {
    const answer = await this.send(method, path, body);
    const error = this.errorBody(answer);
    if (error) throw this.failure(error.status, error.body, what, context);
    try {
      return JSON.parse(answer.body.toString('utf8')) as T;
    } catch (cause) {
      throw new CarrierFailure(
        'unavailable',
        'carrier.bad_response',
        `InPost answered ${what} with something that is not JSON; the station tries again later.`,
        {
          carrier: CARRIER,
        },
        { cause },
      );
    }
  }

  private async document(path: string, what: string): Promise<Uint8Array> {
    const answer = await this.send('GET', path, null);
    const error = this.errorBody(answer);
    if (error) throw this.failure(error.status, error.body, what);
    this.expectDocument(answer, 'pdf', what);
    return new Uint8Array(answer.body);
  }

  /**
   * The error in an answer, if it is one: any 4xx or 5xx, and also a 200 whose JSON body carries
   * an `error` with a status other than 200 (ShipX has answered errors with HTTP 200).
   */
  private errorBody(answer: HttpAnswer): { status: number; body: ShipxError } | null {
    const looksJson = answer.body.length > 0 && (answer.body[0] === 0x7b || (answer.headers.get('content-type') ?? '').includes('json'));
    let body: ShipxError | null = null;
    if (looksJson) {
      try {
        body = JSON.parse(answer.body.toString('utf8')) as ShipxError;
      } catch {
        body = null;
      }
    }
    if (answer.status >= 400) return { status: answer.status, body: body ?? {} };
    if (body && typeof body === 'object' && typeof body.error === 'string' && Number(body.status ?? 200) !== 200) {
      return { status: Number(body.status) || 400, body };
    }
    return null;
  }

  private expectDocument(answer: HttpAnswer, format: CarrierLabelFormat, what: string): void {
    const head = answer.body.subarray(0, 512).toString('latin1');
    const ok = format === 'pdf' ? head.startsWith('%PDF') : format === 'zpl' ? head.includes('^XA') : answer.body.length > 0 && !head.startsWith('{');
    if (!ok) {
      throw new CarrierFailure(
        'unavailable',
        'carrier.bad_response',
        `InPost sent ${what} in a form the station did not ask for (${format.toUpperCase()} was asked).`,
        {
          carrier: CARRIER,
          format,
        },
      );
    }
  }

  /** InPost's error body as one clear sentence (docs/carriers.md lists the codes and the known odd bodies). */
  private failure(status: number, body: ShipxError, what: string, context: { point?: string | null } = {}): CarrierFailure {
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
}
