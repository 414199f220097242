import type { Tracking } from '../../domain/catalog';
import type { Address, MinorMoney, OrderDelivery } from '../../domain/order';
import type { BackendKind, BackendSettings, OutboxEventView, SyncFailureKind } from '../../contract/sync';
import type { OrderDetails } from './store';

/** An order as the shop sees it, in the station's words. */
export interface RemoteOrder {
  externalId: string;
  number: string;
  /** ready: waiting to be packed; shipped: the shop already has a shipment for it. */
  status: 'ready' | 'on_hold' | 'cancelled' | 'shipped';
  customerName: string;
  shipTo: Address;
  carrierCode: string | null;
  service: string | null;
  /** The pickup point, COD and declared value, where the shop says them. */
  delivery?: OrderDelivery;
  note: string | null;
  createdAt: string;
  /** Each line with what the customer paid for one unit, tax included, where the shop says it (a return's suggested refund). */
  lines: { externalLineId: string; sku: string; name: string; quantity: number; unitPrice?: MinorMoney | null }[];
}

export interface RemoteProduct {
  sku: string;
  name: string;
  /** Absent when the shop keeps no weight (Vendure; BaseLinker's 0): a known product keeps the station's, a new one weighs 0 g. */
  weightGrams?: number;
  /** Shop barcodes; the SKU itself is scanned when there are none. */
  barcodes: string[];
  /** The shop marks it fragile; absent when the shop has no such mark (a known product keeps its own, a new one is not). */
  fragile?: boolean;
  /**
   * Tracking, expired lots, returns: said only by the station's own product file (the file
   * backend). Shops leave them out, and a product keeps what the station set.
   */
  tracking?: Tracking;
  refuseExpired?: boolean;
  returnable?: boolean;
}

/**
 * One page of a pull. `cursor` is where to go on from: the next page while `more`, else the
 * point the next sync resumes from (saved, so a restart does not pull everything again).
 */
export interface PullPage<T> {
  items: T[];
  cursor: string | null;
  more: boolean;
  /** How many there are in all when the shop says so, for the progress bar. */
  total: number | null;
  /** Products named by these orders, for shops whose order API carries them (BaseLinker). */
  products?: RemoteProduct[];
  /**
   * The products are the shop's current records, changed since the cursor (central's feed): the
   * station takes them all. Otherwise they are what the orders say of them, and only those the
   * station does not know yet are taken (its catalogue may say more).
   */
  productsAreCurrent?: boolean;
}

/** What the outbox sends for a completed (or partly completed) packing session. */
export interface ShipmentPush {
  idempotencyKey: string;
  externalOrderId: string;
  orderNumber: string;
  carrierCode: string;
  /** One per parcel; a retry looks for these at the shop before sending again. */
  trackingNumbers: string[];
  partial: boolean;
  lines: { externalLineId: string; sku: string; quantity: number }[];
  parcels: { no: number; weightGrams: number | null; boxCode: string | null }[];
  /**
   * Whether the shop's integration buys the carrier label (BaseLinker with a courier set): false
   * when a carrier of ours or our own label made it, so the shop records our tracking numbers and
   * buys no second shipment. Absent in events written before it was kept: as the shop is set up.
   */
  labelFromShop?: boolean;
}

export interface NotePush {
  idempotencyKey: string;
  externalOrderId: string;
  note: string;
}

/**
 * What the outbox sends once a return is decided at the returns desk: the shop records the return
 * (under our return number, which a retry looks for before sending again), refunds what was
 * decided and restocks the restocked lines where it keeps stock.
 */
export interface ReturnPush {
  idempotencyKey: string;
  externalOrderId: string;
  orderNumber: string;
  /** Our R-… number; every backend keeps it with the return so `hasReturn` can find it. */
  returnNumber: string;
  returnType: 'withdrawal' | 'complaint' | 'refused' | 'exchange';
  lines: {
    externalLineId: string;
    sku: string;
    quantity: number;
    /** How the item came back, as graded at the desk. */
    condition: 'unopened' | 'opened' | 'used' | 'damaged' | 'wrong_item' | 'missing' | 'not_ours';
    /** Where it goes; only `restock` puts it back into the shop's stock. */
    disposition: 'restock' | 'refurbish' | 'scrap' | 'to_customer' | 'to_supplier';
    reason: string;
  }[];
  /** The refund the handler decided, in minor units (grosze); null when none is due. */
  refund: { amountMinor: number; currency: string; reason: string } | null;
  note: string;
}

/** A carrier label the backend made, as bytes for the document store. */
export interface ShopLabel {
  trackingNumber: string;
  format: 'pdf' | 'zpl' | 'epl';
  bytes: Uint8Array;
}

/**
 * One shop system. Calls that fail throw SyncFailure (from contract/sync) so the outbox can tell
 * a shop that is down (retry later) from one that refuses (park the event).
 */
export interface ShopBackend {
  readonly kind: BackendKind;
  /** A cheap authenticated call; resolves with the shop's name. */
  testConnection(): Promise<{ shopName: string }>;
  pullProducts(cursor: string | null): Promise<PullPage<RemoteProduct>>;
  /** Orders ready to ship, changed since the cursor (null: from the beginning). */
  pullOrders(cursor: string | null): Promise<PullPage<RemoteOrder>>;
  /** The current state of orders pulled before, to learn of cancellations, holds and changed lines. */
  ordersById(externalIds: string[]): Promise<RemoteOrder[]>;
  /** Whether the shop already has this shipment (checked before every retry). */
  hasShipment(push: ShipmentPush): Promise<boolean>;
  pushShipment(push: ShipmentPush): Promise<{ remoteRef: string }>;
  pushNote(push: NotePush): Promise<void>;
  /** Whether the shop already has this return, found by its return number (checked before every retry). */
  hasReturn(push: ReturnPush): Promise<boolean>;
  pushReturn(push: ReturnPush): Promise<{ remoteRef: string }>;
  /** Only backends that buy labels from carriers (BaseLinker); null elsewhere. */
  fetchLabel(push: ShipmentPush): Promise<ShopLabel | null>;
}

export class SyncFailure extends Error {
  constructor(
    readonly kind: SyncFailureKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SyncFailure';
  }
}

/**
 * Builds the adapter for the settings a manager chose; the secret is already opened. Throws a
 * StationFailure for settings the station does not allow (a file outside its allowed folders),
 * so `sync.settings.set` builds one to check before it saves.
 */
export type BackendFactory = (settings: BackendSettings, secret: string | null) => ShopBackend | null;

/** What each type of outbox event carries to the shop: one payload per type. */
export type OutboxMessage = { type: 'shipped'; payload: ShipmentPush } | { type: 'note'; payload: NotePush } | { type: 'returned'; payload: ReturnPush };

export type OutboxEventType = OutboxMessage['type'];

/**
 * A stored event whose payload no longer reads as its type (a damaged or hand-edited row). The
 * outbox repository checks every payload it reads back and says so rather than guess; the drain
 * parks such an event for a manager and never sends it.
 */
export interface UnreadableOutboxMessage {
  type: 'unreadable';
  storedType: OutboxEventType;
  payload: null;
  problem: string;
}

interface OutboxEventKey {
  orderId: number;
  orderNumber: string;
  idempotencyKey: string;
  createdAt: string;
}

export type NewOutboxEvent = OutboxMessage & OutboxEventKey;

export type OutboxEvent = (OutboxMessage | UnreadableOutboxMessage) &
  OutboxEventKey & {
    id: number;
    status: 'queued' | 'sent' | 'parked' | 'dismissed';
    attempts: number;
    nextAttemptAt: string;
    lastError: string | null;
    remoteRef: string | null;
  };

/**
 * The durable outbox: written inside the change's transaction, drained by the sync worker. Events
 * read back carry their payload checked against their type, or are marked unreadable.
 */
export interface OutboxRepository {
  /** Ignores a second event with the same idempotency key. */
  add(event: NewOutboxEvent): void;
  /** Due events, oldest first, skipping orders with an earlier event still waiting (per-order order). */
  due(at: string, limit: number): OutboxEvent[];
  /** Counts the attempt durably before the call goes out. */
  beginAttempt(id: number, at: string): void;
  markSent(id: number, remoteRef: string | null, at: string): void;
  markRetry(id: number, reason: string, nextAttemptAt: string, at: string): void;
  park(id: number, reason: string, at: string): void;
  /** A manager's decision about a parked event. */
  requeue(id: number, at: string): boolean;
  dismiss(id: number, at: string): boolean;
  byId(id: number): OutboxEvent | null;
  list(statuses: OutboxEvent['status'][], limit: number): OutboxEventView[];
  counts(): { queued: number; parked: number; sent: number };
}

/** What links a local order to the shop's, and what a manager must look at. */
export interface SyncOrderLinks {
  /** Local order id by the shop's id, for the orders pulled from this backend. */
  localId(backend: BackendKind, externalId: string): number | null;
  link(orderId: number, backend: BackendKind, externalId: string, lines: { orderLineId: number; externalLineId: string }[], at: string): void;
  externalLines(orderId: number): Map<number, string>;
  externalId(orderId: number): { backend: BackendKind; externalId: string } | null;
  /** Pulled orders the shop may still change: not yet shipped at the station. */
  openExternalIds(backend: BackendKind, limit: number): string[];
  /** Replaces the lines of an order nobody has started packing; SKUs must be products already. */
  replaceLines(orderId: number, lines: { sku: string; quantity: number; externalLineId: string; unitPrice?: MinorMoney | null }[]): void;
  /** The order's customer, address, carrier, delivery and note as the shop now says them (and its search with them). */
  replaceDetails(orderId: number, details: OrderDetails, at: string): void;
  /** Whether a packing session (open or completed) exists for the order. */
  packingStarted(orderId: number): boolean;
  flag(orderId: number, reason: string, at: string): void;
  isFlagged(orderId: number): boolean;
  flagged(): { orderId: number; orderNumber: string; reason: string; at: string }[];
}

/** Settings, cursors and the sealed secret; one row per key. */
export interface SyncSettingsRepository {
  settings(): BackendSettings;
  saveSettings(settings: BackendSettings): void;
  sealedSecret(): Uint8Array | null;
  /** The endpoint (see app/sync/endpoint) the secret was given for; null for one saved before secrets were bound. */
  secretEndpoint(): string | null;
  saveSealedSecret(sealed: Uint8Array | null, endpoint: string | null): void;
  cursor(name: string): string | null;
  saveCursor(name: string, value: string | null): void;
  lastRun(): { at: string; error: string | null; pulledOrders: number; pushed: number } | null;
  saveLastRun(run: { at: string; error: string | null; pulledOrders: number; pushed: number }): void;
}

/** Keeps a carrier label in the document archive and queues it for the station's label printer (composed by createStation). */
export type ShopLabelSink = (
  label: ShopLabel,
  links: { orderNumber: string; parcelIndex: number },
) => { documentId: number; printJobId: number | null; reason: string | null };

export interface SyncPorts {
  outbox: OutboxRepository;
  links: SyncOrderLinks;
  settings: SyncSettingsRepository;
  /**
   * Null in a host that reaches no shop (a test station, a tool): completed orders then write no
   * outbox event and no carrier labels are fetched.
   */
  backendFor: BackendFactory | null;
}
