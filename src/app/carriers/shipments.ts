/**
 * Carrier shipments at completion: one per parcel, queued inside the completion's transaction and
 * created by the carrier worker afterwards, so packing never waits for a carrier. The worker
 * creates each shipment at most once (create-once looks the reference up on every retry), keeps
 * the tracking number and the label, and hands the label to the document worker, which prints it
 * as the parcel's one label.
 */
import type { Address } from '../../domain/order';
import type { Clock, Journal, Logger, PackedOrderHandler, Store, Timers } from '../ports';
import type { CarrierLabelSource } from '../ports/document-requests';
import type { LabelSettingsRepository } from '../ports/documents';
import { CarrierFailure, type CarrierKind, type CarrierPorts, type CarrierRoute, type ShipmentRequest, type StoredCarrierShipment } from '../ports/carriers';
import { createShipmentOnce } from './create-once';
import { stationLabelFor } from './routing';

/** Carriers as a document names them. */
const CARRIER_NAMES: Record<CarrierKind, string> = {
  inpost: 'InPost',
  'poczta-polska': 'Poczta Polska',
  dpd: 'DPD',
  baselinker: 'BaseLinker',
  own: 'Own transport',
};

/** 5 s, 10 s, 20 s … capped at 15 minutes: a label that follows is wanted the same day. */
export function carrierRetryDelayMs(attempts: number): number {
  return Math.min(15 * 60_000, 5_000 * 2 ** Math.min(Math.max(0, attempts - 1), 20));
}
/** After this many failed attempts the shipment is parked for a person instead of retried. */
export const MAX_CARRIER_ATTEMPTS = 20;
/** Shipments read from the queue at a time. */
const DRAIN_BATCH = 100;
/** How long one attempt waits for InPost's asynchronous confirmation before trying again later. */
const CONFIRM_TIMEOUT_MS = 10_000;

const NO_SENDER: Address = { name: '', company: null, street: '', city: '', postcode: '', country: 'PL', phone: null, email: null };

/** The reference of parcel n: the order number, then "/2", "/3" … (docs/carriers.md). */
export function shipmentReference(orderNumber: string, parcelNo: number): string {
  return parcelNo <= 1 ? orderNumber : `${orderNumber}/${parcelNo}`;
}

export interface CarrierShipmentsDeps {
  store: Store;
  carriers: CarrierPorts;
  labelSettings: Pick<LabelSettingsRepository, 'get'>;
}

/**
 * Runs inside the completion transaction: for an order going with a carrier the station holds an
 * account for, one queued shipment per parcel. `kick` wakes the carrier worker, which starts only
 * once the transaction has returned.
 */
export function carrierShipmentsOnPacked(deps: CarrierShipmentsDeps, kick: () => void): PackedOrderHandler {
  return {
    name: 'carrier-shipments',
    onPacked(packed) {
      const order = deps.store.orders.byId(packed.orderId);
      if (!order) return;
      const route = deps.carriers.routeFor(order);
      if (!route) return;
      const boxes = new Map(deps.store.catalog.boxes().map((b) => [b.code, b]));
      const sender = deps.labelSettings.get()?.shipFrom ?? NO_SENDER;
      for (const parcel of packed.parcels) {
        const box = parcel.boxCode ? boxes.get(parcel.boxCode) : undefined;
        const request: ShipmentRequest = {
          reference: shipmentReference(packed.orderNumber, parcel.no),
          idempotencyKey: `carrier:${route.carrier.kind}:${packed.orderNumber}:${packed.sessionId}:${parcel.no}`,
          orderNumber: packed.orderNumber,
          shopOrderId: order.externalId,
          service: route.service,
          parcel: {
            index: parcel.no,
            count: packed.parcels.length,
            weightGrams: parcel.weightGrams ?? 0,
            dimensionsMm: box ? { length: box.lengthMm, width: box.widthMm, height: box.heightMm } : null,
          },
          sender,
          receiver: order.shipTo,
          pickupPoint: order.delivery?.pickupPoint?.id ?? null,
          // Cash on delivery is collected once: with the first parcel.
          cod: parcel.no === 1 ? (order.delivery?.cod ?? null) : null,
          declaredValue: order.delivery?.declaredValue ?? null,
          contents: null,
        };
        deps.carriers.shipments.add({
          orderId: packed.orderId,
          orderNumber: packed.orderNumber,
          stationId: packed.stationId,
          carrier: route.carrier.kind,
          request,
          at: packed.completedAt,
        });
      }
      kick();
    },
  };
}

/** The carrier labels kept so far, and the parcels still waiting for one, as the document worker asks. */
export function carrierLabelsFrom(shipments: CarrierPorts['shipments']): CarrierLabelSource {
  return {
    forOrder: (orderNumber) =>
      shipments.forOrder(orderNumber).flatMap((s) => (s.label ? [{ parcelIndex: s.parcelNo, format: s.label.format, bytes: s.label.bytes }] : [])),
    awaited: (orderNumber) =>
      shipments
        .forOrder(orderNumber)
        .filter((s) => s.label === null && s.status !== 'cancelled')
        .map((s) => ({ parcelIndex: s.parcelNo, reason: s.lastError })),
    tracking: (orderNumber) =>
      shipments
        .forOrder(orderNumber)
        .flatMap((s) =>
          s.trackingNumber && s.status !== 'cancelled' ? [{ parcel: s.parcelNo, carrier: CARRIER_NAMES[s.carrier], number: s.trackingNumber }] : [],
        ),
  };
}

/**
 * The tracking numbers the shop is told for an order: the carriers' once every parcel has one,
 * 'pending' while a carrier has yet to answer, null for an order no carrier ships (ours then).
 */
export function carrierTrackingNumbers(shipments: CarrierPorts['shipments'], orderNumber: string): string[] | 'pending' | null {
  const all = shipments.forOrder(orderNumber).filter((s) => s.status !== 'cancelled');
  if (all.length === 0) return null;
  if (all.some((s) => s.trackingNumber === null && s.status !== 'parked')) return 'pending';
  const numbers = all.flatMap((s) => (s.trackingNumber ? [s.trackingNumber] : []));
  return numbers.length > 0 ? numbers : null;
}

/**
 * The tracking numbers the shop is told for an order, one per parcel: the carriers' (waiting while
 * a carrier has yet to answer), else the SSCCs of our own labels once drawn; null to keep what the
 * outbox event was written with.
 */
export function shopTrackingNumbers(
  shipments: CarrierPorts['shipments'] | null,
  labels: { forOrder(orderNumber: string): { kind: string; sscc: string | null }[] },
): (orderNumber: string) => string[] | 'pending' | null {
  return (orderNumber) => {
    const carrier = shipments ? carrierTrackingNumbers(shipments, orderNumber) : null;
    if (carrier !== null) return carrier;
    const ours = labels.forOrder(orderNumber).filter((i) => i.kind === 'label');
    if (ours.length === 0 || ours.some((i) => i.sscc === null)) return null;
    return ours.map((i) => i.sscc!);
  };
}

export interface CarrierWorkerDeps {
  store: Store;
  journal: Journal;
  clock: Clock;
  logger: Logger;
  carriers: CarrierPorts;
  labelSettings: Pick<LabelSettingsRepository, 'get'>;
  timers: Timers;
  /** The printer a station's carrier labels go to (its carrier-label printer, else its label printer). */
  labelPrinter(stationId: string): { format: string; labelSize?: 'a6' | '4x6' | null } | null;
  /** A label arrived (or a shipment was parked): the document worker makes what is owed now. */
  onLabel(shipment: StoredCarrierShipment): void;
}

/** Works off the carrier_shipments queue: create once, wait for the confirmation, fetch the label, keep it. */
export class CarrierShipmentWorker {
  private running = false;
  private draining: Promise<number> | null = null;
  private timer: unknown = null;
  private again = false;

  constructor(private readonly deps: CarrierWorkerDeps) {}

  start(): void {
    this.running = true;
    this.kick();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.clearTimer();
    await this.draining;
  }

  /** Drains soon (after the completion's transaction has returned), when the worker runs. */
  kick(): void {
    if (!this.running) return;
    this.clearTimer();
    this.timer = this.deps.timers.setTimeout(() => {
      this.timer = null;
      void this.drain().then(() => this.scheduleNext());
    }, 0);
  }

  /** Works every due shipment once; resolves with how many were tried. */
  async drain(): Promise<number> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      let tried = 0;
      do {
        this.again = false;
        // Batch after batch while a whole one was due: a queue left by an outage drains without pauses.
        let batch;
        do {
          batch = this.deps.carriers.shipments.due(this.deps.clock.now().toISOString(), DRAIN_BATCH);
          for (const shipment of batch) {
            await this.work(shipment);
            tried += 1;
          }
        } while (batch.length === DRAIN_BATCH);
      } while (this.again);
      return tried;
    })().finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  private async work(entry: StoredCarrierShipment): Promise<void> {
    const { carriers, clock, logger, store } = this.deps;
    const order = store.orders.byId(entry.orderId);
    const route: CarrierRoute | null = order ? carriers.routeFor(order) : null;
    if (!route || route.carrier.kind !== entry.carrier) {
      this.park(entry, `No ${entry.carrier} account takes order ${entry.orderNumber} any more; set the carrier up again or print our own label.`);
      return;
    }
    const request = this.withSender(entry.request);
    if (!request) {
      this.retry(entry, 'The sender address is not set up yet (Settings → Labels)');
      return;
    }
    carriers.shipments.beginAttempt(entry.id, clock.now().toISOString());
    try {
      let shipmentId = entry.shipmentId;
      let trackingNumber = entry.trackingNumber;
      if (shipmentId === null) {
        // Counted before the call: attempts > 0 means an earlier call may have made it, so look it up.
        const { shipment, created } = await createShipmentOnce(route.carrier, request, { first: entry.attempts === 0 });
        if (!created)
          logger.info('carrier shipment found from an earlier attempt; not created again', { order: entry.orderNumber, reference: request.reference });
        shipmentId = shipment.shipmentId;
        trackingNumber = shipment.trackingNumber;
        carriers.shipments.markCreated(entry.id, { shipmentId, trackingNumber }, clock.now().toISOString());
      }
      const confirmed = await route.carrier.awaitConfirmation(shipmentId, { timeoutMs: CONFIRM_TIMEOUT_MS });
      trackingNumber = confirmed.trackingNumber ?? trackingNumber;
      if (trackingNumber !== entry.trackingNumber) carriers.shipments.markCreated(entry.id, { shipmentId, trackingNumber }, clock.now().toISOString());
      const label = await route.carrier.label(shipmentId, stationLabelFor(entry.carrier, route.label, this.deps.labelPrinter(entry.stationId)));
      const at = clock.now().toISOString();
      store.transaction(() => {
        carriers.shipments.markLabelled(entry.id, { format: label.format, bytes: label.bytes, trackingNumber: label.trackingNumber ?? trackingNumber }, at);
        this.deps.journal.append({
          type: 'carrier.labelled',
          stationId: entry.stationId,
          actorId: null,
          subject: { kind: 'order', id: entry.orderNumber },
          payload: { carrier: entry.carrier, parcel: entry.parcelNo, shipmentId, trackingNumber: label.trackingNumber ?? trackingNumber, format: label.format },
        });
      });
      this.deps.onLabel({ ...entry, status: 'labelled' });
    } catch (error) {
      const failure = error instanceof CarrierFailure ? error : null;
      const message = error instanceof Error ? error.message : String(error);
      if (failure && !failure.retryable) this.park(entry, message);
      else if (entry.attempts + 1 >= MAX_CARRIER_ATTEMPTS) this.park(entry, `gave up after ${MAX_CARRIER_ATTEMPTS} attempts: ${message}`);
      else this.retry({ ...entry, attempts: entry.attempts + 1 }, message);
    }
  }

  private withSender(request: ShipmentRequest): ShipmentRequest | null {
    if (request.sender.name !== '') return request;
    const shipFrom = this.deps.labelSettings.get()?.shipFrom;
    return shipFrom ? { ...request, sender: shipFrom } : null;
  }

  private retry(entry: StoredCarrierShipment, reason: string): void {
    const now = this.deps.clock.now();
    const next = new Date(now.getTime() + carrierRetryDelayMs(Math.max(1, entry.attempts))).toISOString();
    this.deps.carriers.shipments.markRetry(entry.id, reason, next, now.toISOString());
    this.deps.logger.warn('carrier shipment will be tried again', { order: entry.orderNumber, parcel: entry.parcelNo, carrier: entry.carrier, next, reason });
    this.deps.onLabel({ ...entry, lastError: reason });
  }

  private park(entry: StoredCarrierShipment, reason: string): void {
    const at = this.deps.clock.now().toISOString();
    this.deps.store.transaction(() => {
      this.deps.carriers.shipments.park(entry.id, reason, at);
      this.deps.journal.append({
        type: 'carrier.parked',
        stationId: entry.stationId,
        actorId: null,
        subject: { kind: 'order', id: entry.orderNumber },
        payload: { carrier: entry.carrier, parcel: entry.parcelNo, reason },
      });
    });
    this.deps.logger.warn('carrier shipment parked for a person', { order: entry.orderNumber, parcel: entry.parcelNo, reason });
    this.deps.onLabel({ ...entry, status: 'parked', lastError: reason });
  }

  private clearTimer(): void {
    if (this.timer !== null) this.deps.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private scheduleNext(): void {
    if (!this.running) return;
    const next = this.deps.carriers.shipments.nextDueAt();
    if (next === null) return;
    this.clearTimer();
    this.timer = this.deps.timers.setTimeout(
      () => {
        this.timer = null;
        void this.drain().then(() => this.scheduleNext());
      },
      Math.max(1_000, Date.parse(next) - this.deps.clock.now().getTime()),
    );
  }
}
