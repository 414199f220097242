/**
 * Carriers as a port: the courier's own shipment, tracking number, label and end-of-day handover
 * for each parcel. Adapters live in src/carriers/<name> (InPost ShipX, Poczta Polska e-Nadawca,
 * DPD Polska, BaseLinker's couriers, and Packdesk's own label); what each carrier's protocol
 * says, with sources, is in docs/carriers.md.
 *
 * Every call either answers or throws a CarrierFailure: a carrier that is down or slow (retry
 * later) is told apart from one that refuses the request (park it and show the sentence).
 */
import type { CarrierAccount, CarrierAccountKind } from '../../contract/carriers';
import type { Address } from '../../domain/order';
import type { ManifestBook } from './documents';

export const CARRIER_KINDS = ['inpost', 'poczta-polska', 'dpd', 'baselinker', 'own'] as const;
export type CarrierKind = (typeof CARRIER_KINDS)[number];

export type CarrierLabelFormat = 'pdf' | 'zpl' | 'epl';
/** The label stock: A6 (105 × 148 mm) or 4 × 6 in (102 × 152 mm). */
export type CarrierLabelSize = 'a6' | '4x6';

/** An amount in the currency's minor unit (grosze for PLN), so no carrier sees a rounding error. */
export interface Money {
  minor: number;
  /** ISO 4217, e.g. PLN. */
  currency: string;
}

/** One parcel to ship: the box it went into and what it weighed. */
export interface ShipmentParcel {
  /** 1-based position among the order's parcels, and how many there are. */
  index: number;
  count: number;
  weightGrams: number;
  /** Outside dimensions of the box type, in millimetres; null when the box is not known. */
  dimensionsMm: { length: number; width: number; height: number } | null;
}

/** What the station asks a carrier for: one shipment per parcel. */
export interface ShipmentRequest {
  /**
   * The order number, with "/2", "/3" … for the order's further parcels: unique per shipment,
   * stored by the carrier where it has a reference field, and what a retry looks up.
   */
  reference: string;
  /** Stable for this shipment across every retry (the outbox event's key); carriers that take a client-made id derive it from this. */
  idempotencyKey: string;
  orderNumber: string;
  /** The shop's id of the order, for couriers reached through the shop (BaseLinker); null elsewhere. */
  shopOrderId: string | null;
  /** The carrier's own service code (e.g. inpost_locker_standard); see docs/carriers.md for each carrier's. */
  service: string;
  parcel: ShipmentParcel;
  sender: Address;
  receiver: Address;
  /** Locker or pickup point id (InPost KRA010, DPD Pickup PL11033); null for delivery to the address. */
  pickupPoint: string | null;
  /** Cash on delivery, or null. */
  cod: Money | null;
  /** Declared value (insurance), or null. */
  declaredValue: Money | null;
  /** What is inside, for carriers that print it; null to leave it out. */
  contents: string | null;
}

/** What identifies a shipment made for a request, so a retry can find it instead of making another. */
export type ShipmentLookup = Pick<ShipmentRequest, 'reference' | 'idempotencyKey' | 'shopOrderId'> & { parcelIndex: number };

export function lookupOf(request: ShipmentRequest): ShipmentLookup {
  return { reference: request.reference, idempotencyKey: request.idempotencyKey, shopOrderId: request.shopOrderId, parcelIndex: request.parcel.index };
}

/**
 * A shipment as the carrier has it. `pending` until the carrier confirms it (InPost creates
 * shipments asynchronously): its tracking number is null and it has no label yet.
 */
export interface CarrierShipment {
  carrier: CarrierKind;
  /** The carrier's id of the shipment: what label, cancel and the handover take. */
  shipmentId: string;
  trackingNumber: string | null;
  status: 'pending' | 'confirmed' | 'cancelled';
  /** The carrier's own word for the state, for logs and support. */
  carrierStatus: string;
  reference: string;
}

export interface CarrierLabel {
  format: CarrierLabelFormat;
  size: CarrierLabelSize;
  /** The label exactly as the carrier sent it (ZPL is cleaned when it is printed, not here). */
  bytes: Uint8Array;
  trackingNumber: string | null;
}

/** The courier pickup to order with the handover, where the carrier has one. */
export interface PickupRequest {
  /** YYYY-MM-DD. */
  date: string;
  /** HH:mm, the window the courier may come in. */
  from: string;
  to: string;
  address: Address;
  /** Parcels and their total weight, for carriers that plan the van by them. */
  parcelCount: number;
  totalWeightGrams: number;
  comment: string | null;
}

export interface HandoverRequest {
  /** The shipments handed over today (the carrier's ids). */
  shipmentIds: string[];
  /** YYYY-MM-DD: the day being closed. */
  date: string;
  sender: Address;
  /** Null: no courier pickup (the parcels are dropped off, or a courier comes anyway). */
  pickup: PickupRequest | null;
}

export interface Handover {
  /** The document the driver signs: InPost's dispatch-order printout, e-Nadawca's sender's book, DPD's protocol, our manifest. */
  document: { format: 'pdf'; bytes: Uint8Array };
  /** The carrier's number of the handover (dispatch order, envelope, protocol); null when it has none. */
  number: string | null;
  /** The shipments the document covers: only these are locked as handed over. */
  shipmentIds: string[];
  /** The courier pickup the carrier took, or null when none was asked for or the carrier has none. */
  pickup: { reference: string } | null;
}

/** What an adapter can do; the rest throws CarrierFailure('invalid', 'carrier.unsupported'). */
export interface CarrierCapabilities {
  labelFormats: CarrierLabelFormat[];
  cancel: boolean;
  pickup: boolean;
  pickupPoints: boolean;
}

export interface Carrier {
  readonly kind: CarrierKind;
  readonly capabilities: CarrierCapabilities;
  /** A cheap authenticated call; resolves with the account's name as the carrier says it. */
  testConnection(): Promise<{ account: string }>;
  /**
   * Creates the shipment. A timeout (CarrierFailure kind `timeout`) may leave it created at the
   * carrier: the retry must look it up first (see findShipment and app/carriers/create-once).
   */
  createShipment(request: ShipmentRequest): Promise<CarrierShipment>;
  /** The shipment made earlier for this reference (not a cancelled one), or null. */
  findShipment(lookup: ShipmentLookup): Promise<CarrierShipment | null>;
  shipment(shipmentId: string): Promise<CarrierShipment>;
  /** Waits until the carrier confirms the shipment (tracking number and label ready); throws `timeout` when it does not in time. */
  awaitConfirmation(shipmentId: string, options?: { timeoutMs?: number; pollMs?: number }): Promise<CarrierShipment>;
  label(shipmentId: string, options: { format: CarrierLabelFormat; size: CarrierLabelSize }): Promise<CarrierLabel>;
  cancel(shipmentId: string): Promise<void>;
  /** Closes the day: the handover document for these shipments, and the courier pickup where asked and offered. */
  closeDay(request: HandoverRequest): Promise<Handover>;
}

/**
 * Why a call failed. `unavailable` and `timeout` mean try again later (a timeout may have
 * created the shipment: look it up first); `refused` and `invalid` mean the carrier will not do
 * it as asked, so the work is parked for a person with the sentence.
 */
export const CARRIER_FAILURE_KINDS = ['unavailable', 'timeout', 'refused', 'invalid'] as const;
export type CarrierFailureKind = (typeof CARRIER_FAILURE_KINDS)[number];

/**
 * Message keys, one per sentence a person may see; the English sentence is the failure's
 * message, the key and details are for the translations (Polish) when the screens show them.
 */
export const CARRIER_MESSAGE_KEYS = [
  'carrier.unreachable',
  'carrier.timeout',
  'carrier.server_error',
  'carrier.rate_limited',
  'carrier.auth',
  'carrier.invalid_data',
  'carrier.point_unknown',
  'carrier.refused',
  'carrier.not_found',
  'carrier.not_confirmed',
  'carrier.label_failed',
  'carrier.cancel_refused',
  'carrier.handover_failed',
  'carrier.unsupported',
  'carrier.bad_response',
  'carrier.not_set_up',
] as const;
export type CarrierMessageKey = (typeof CARRIER_MESSAGE_KEYS)[number];

export class CarrierFailure extends Error {
  constructor(
    readonly kind: CarrierFailureKind,
    readonly key: CarrierMessageKey,
    message: string,
    /** What the sentence names (the carrier, the fields and their problems, the carrier's own code), for the translations. */
    readonly details: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CarrierFailure';
  }

  /** Whether trying again later may work (the carrier was down or slow). */
  get retryable(): boolean {
    return this.kind === 'unavailable' || this.kind === 'timeout';
  }
}

/** The carrier accounts a station holds: settings as JSON, the secret only sealed, bound to the address it was given for. */
export interface CarrierAccountsRepository {
  list(): CarrierAccount[];
  get(kind: CarrierAccountKind): CarrierAccount | null;
  save(account: CarrierAccount, at: string): void;
  remove(kind: CarrierAccountKind): void;
  /** The sealed secret, only when it was given for the account's current address (null otherwise). */
  sealedSecret(kind: CarrierAccountKind): Uint8Array | null;
  saveSealedSecret(kind: CarrierAccountKind, sealed: Uint8Array | null, endpoint: string | null): void;
}

/** Where a parcel's label comes from: the carrier's own, the shop integration's (BaseLinker), or Packdesk's own. Exactly one per parcel. */
export type LabelSource = 'carrier' | 'shop' | 'own';

/** How an order ships with a carrier the station holds an account for (chosen by the composition root from the order's carrier and service). */
export interface CarrierRoute {
  carrier: Carrier;
  /** The carrier's own service code for the order. */
  service: string;
  label: { format: CarrierLabelFormat; size: CarrierLabelSize };
}

/** queued: to be created; created: made at the carrier, its label still to come; labelled: done; parked: a person must look. */
export type CarrierShipmentStatus = 'queued' | 'created' | 'labelled' | 'parked' | 'cancelled';

/** One parcel's carrier shipment as the station keeps it: the durable queue entry and its outcome. */
export interface StoredCarrierShipment {
  id: number;
  orderId: number;
  orderNumber: string;
  stationId: string;
  parcelNo: number;
  carrier: CarrierKind;
  request: ShipmentRequest;
  status: CarrierShipmentStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  shipmentId: string | null;
  trackingNumber: string | null;
  label: { format: CarrierLabelFormat; bytes: Uint8Array } | null;
  createdAt: string;
}

/** The carrier_shipments table: written with the completion, worked off by the carrier worker. */
export interface CarrierShipmentRepository {
  /** Ignores a second entry with the same idempotency key. */
  add(entry: { orderId: number; orderNumber: string; stationId: string; carrier: CarrierKind; request: ShipmentRequest; at: string }): void;
  /** Queued or created entries due at `at`, oldest first. */
  due(at: string, limit: number): StoredCarrierShipment[];
  nextDueAt(): string | null;
  /** Counts the attempt durably before the call goes out, so the next attempt looks the reference up first. */
  beginAttempt(id: number, at: string): void;
  markCreated(id: number, shipment: { shipmentId: string; trackingNumber: string | null }, at: string): void;
  markLabelled(id: number, label: { format: CarrierLabelFormat; bytes: Uint8Array; trackingNumber: string | null }, at: string): void;
  markRetry(id: number, reason: string, nextAttemptAt: string, at: string): void;
  park(id: number, reason: string, at: string): void;
  forOrder(orderNumber: string): StoredCarrierShipment[];
  /** A carrier's labelled shipments not yet in a handover, oldest first: what closing its day hands over. */
  awaitingHandover(carrier: CarrierKind): StoredCarrierShipment[];
  /** Locks shipments into the handover (the manifest) that covered them. */
  markHandedOver(ids: number[], manifestId: number, at: string): void;
  /** The parcel behind a tracking number (an indexed look-up), or null. */
  byTrackingNumber(trackingNumber: string): StoredCarrierShipment | null;
  /**
   * The end of a day: every shipment queued in [from, to) and every labelled one still waiting
   * for a handover from before, with whether it was handed over (no label bytes).
   */
  forDay(from: string, to: string): DayParcel[];
}

/** One parcel's carrier shipment as the end-of-day view needs it. */
export interface DayParcel {
  orderNumber: string;
  parcelNo: number;
  carrier: CarrierKind;
  status: CarrierShipmentStatus;
  trackingNumber: string | null;
  lastError: string | null;
  handedOver: boolean;
  createdAt: string;
}

/** What the station needs to ship with carriers: the queue, and which carrier (if any) an order goes with. */
export interface CarrierPorts {
  shipments: CarrierShipmentRepository;
  /** The stored accounts (settings as JSON, secrets only sealed). */
  accounts: CarrierAccountsRepository;
  /** The day's handovers per carrier: a closed manifest locks its parcels, a later parcel goes to the next one. */
  manifests: ManifestBook;
  /** The adapter for a carrier the station holds an account for, or null. */
  carrierFor(kind: CarrierKind): Carrier | null;
  /** The carrier and service for an order, or null when no carrier account takes it (then the label is the shop's or ours). */
  routeFor(order: { carrierCode: string | null; service: string | null }): CarrierRoute | null;
}
