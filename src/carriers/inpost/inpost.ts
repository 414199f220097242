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
import { httpCall, type HttpAnswer } from '../http';
import {
  CARRIER,
  dispatchOrderBody,
  failure,
  FORMATS,
  refuseUnavailableOffers,
  shipmentBody,
  toShipment,
  type ShipxError,
  type ShipxShipment,
} from './mapping';

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
    const made = await this.json<ShipxShipment>(
      'POST',
      `/v1/organizations/${this.org()}/shipments`,
      shipmentBody(request, this.connection.sendingMethod),
      'the shipment',
      {
        point: request.pickupPoint,
      },
    );
    return toShipment(made);
  }

  async findShipment(lookup: ShipmentLookup): Promise<CarrierShipment | null> {
    const query = new URLSearchParams({ reference: lookup.reference, per_page: '25' });
    const page = await this.json<{ items?: ShipxShipment[] }>('GET', `/v1/organizations/${this.org()}/shipments?${query}`, null, 'the shipment search');
    // The reference filter is not documented as exact, so the answer is checked here too.
    const found = (page.items ?? []).filter((s) => s.reference === lookup.reference && s.status !== 'canceled').sort((a, b) => a.id - b.id)[0];
    return found ? toShipment(found) : null;
  }

  async shipment(shipmentId: string): Promise<CarrierShipment> {
    return toShipment(await this.json<ShipxShipment>('GET', `/v1/shipments/${encodeURIComponent(shipmentId)}`, null, 'the shipment'));
  }

  async awaitConfirmation(shipmentId: string, options: { timeoutMs?: number; pollMs?: number } = {}): Promise<CarrierShipment> {
    const deadline = Date.now() + (options.timeoutMs ?? 20_000);
    const sleep = this.connection.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    for (;;) {
      const raw = await this.json<ShipxShipment>('GET', `/v1/shipments/${encodeURIComponent(shipmentId)}`, null, 'the shipment');
      const current = toShipment(raw);
      if (current.status !== 'pending') return current;
      refuseUnavailableOffers(raw);
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
      throw failure(error.status, error.body, 'the label');
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
    throw failure(error.status, error.body, 'the cancellation');
  }

  async closeDay(request: HandoverRequest): Promise<Handover> {
    const ids = request.shipmentIds;
    if (ids.length === 0) {
      throw new CarrierFailure('invalid', 'carrier.handover_failed', 'There is no InPost shipment to hand over today.', { carrier: CARRIER });
    }
    if (request.pickup) {
      const order = await this.json<{ id: number; status: string }>(
        'POST',
        `/v1/organizations/${this.org()}/dispatch_orders`,
        dispatchOrderBody(ids, request.pickup),
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
    if (error) throw failure(error.status, error.body, what, context);
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
    if (error) throw failure(error.status, error.body, what);
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
}
