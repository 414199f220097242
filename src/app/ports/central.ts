/** Ports of the central service (issue 13); src/central-store implements them on PostgreSQL. */
import type { BackendKind } from '../../contract/sync';
import type { OutboxEvent, OutboxEventType, OutboxMessage, RemoteOrder, RemoteProduct } from './backend';

/** A station an admin registered at central, with the Ed25519 key it signs its requests with. */
export interface RegisteredStation {
  id: string;
  name: string;
  /** `ed25519:` and the raw public key in base64url (see platform/request-signature). */
  publicKey: string;
  registeredAt: Date;
}

export interface CentralStations {
  /** 'exists' when the id is taken already: a key is replaced on purpose (replaceKey), never by accident. */
  register(station: Omit<RegisteredStation, 'registeredAt'>, now: Date): Promise<'added' | 'exists'>;
  replaceKey(id: string, publicKey: string): Promise<boolean>;
  find(id: string): Promise<RegisteredStation | null>;
  list(): Promise<RegisteredStation[]>;
}

export interface RequestNonces {
  /** Records a request's nonce until `expiresAt`; false when the station used it before (a replay). */
  remember(stationId: string, nonce: string, expiresAt: Date): Promise<boolean>;
  /** Forgets nonces whose request could no longer pass the timestamp window anyway. */
  forgetExpired(now: Date): Promise<number>;
}

export interface CentralSchema {
  /** The schema the database is at and the newest this build knows. */
  version(): Promise<{ schema: number; known: number }>;
}

/** Opening an order at a station: it is that station's now, or another station holds it. */
export type ClaimOutcome = { won: true } | { won: false; heldBy: string; kind: 'open' | 'lease' | 'completed' };

export interface OrderLease {
  orderNumber: string;
  expiresAt: Date;
}

export interface OrderClaims {
  /** Claims `orderNumber` for `stationId` in one statement; a lease past its expiry is anyone's. */
  claim(orderNumber: string, stationId: string, now: Date): Promise<ClaimOutcome>;
  /**
   * The station's leases become the first `want` of `candidates` (its next orders, in its order)
   * that are free or its own already, each until `expiresAt`; the rest of its leases are let go.
   * Returns the leases it holds now.
   */
  lease(stationId: string, candidates: readonly string[], want: number, now: Date, expiresAt: Date): Promise<OrderLease[]>;
  /** The station packed the order: it stays the station's for good. False when the station did not hold it. */
  complete(orderNumber: string, stationId: string, now: Date): Promise<boolean>;
  /** A manager lets an open order or a lease go, whoever held it; the station that held it, or null. */
  release(orderNumber: string): Promise<string | null>;
  /** Who holds the order, or null. */
  holder(orderNumber: string): Promise<{ stationId: string; kind: 'open' | 'lease' | 'completed'; expiresAt: Date | null } | null>;
}

/** What a station's call to central came to: an answer, or central could not be reached (why, for the log). */
export type Reached<T> = { reached: true; value: T } | { reached: false; why: string };

/** The station's side of central (src/central-link speaks HTTP, signed); every call may find central unreachable. */
export interface CentralLink {
  claim(orderNumber: string): Promise<Reached<ClaimOutcome>>;
  complete(orderNumber: string): Promise<Reached<boolean>>;
  release(orderNumber: string): Promise<Reached<string | null>>;
  lease(candidates: readonly string[], want: number): Promise<Reached<OrderLease[]>>;
  /** Hands shop-bound outbox events to central: a receipt for each, or central's refusal of the request. */
  forwardOutbox(events: readonly ForwardedOutboxEvent[]): Promise<Reached<ForwardReceipt[] | { refused: string }>>;
  /** The shop central pulls the warehouse's orders from and how its last pull went; null when central has none. */
  orderShop(): Promise<Reached<Omit<CentralShopState, 'ordersCursor'> | null>>;
  /** What changed in central's orders and products since `cursor` (null: everything), a page of at most `limit`. */
  orderChanges(cursor: string | null, limit: number): Promise<Reached<CentralOrderChanges>>;
}

/** An attached station's leases and the completions central has not heard of, kept in the station's database. */
export interface CentralLeaseBook {
  leases(): OrderLease[];
  /** The leases become exactly these (what central answered). */
  replace(leases: readonly OrderLease[]): void;
  /** Inside the completion's transaction: central is to hear of this order; its lease is spent. */
  packed(orderNumber: string, at: string): void;
  /** Completions central has not heard of, oldest first. */
  untold(): string[];
  told(orderNumber: string): void;
}

/**
 * A shop-bound outbox event a station hands to central instead of sending it to the shop itself:
 * its outbox id (which, with the station, is the key central deduplicates by), and the event as
 * the station wrote it (its tracking numbers filled in).
 */
export interface ForwardedOutboxEvent {
  eventId: number;
  type: OutboxEventType;
  orderNumber: string;
  idempotencyKey: string;
  payload: OutboxMessage['payload'];
  createdAt: string;
  /**
   * How often the station itself tried it at the shop (before it was attached): a try may have
   * reached the shop, so central counts them and asks the shop before it sends.
   */
  shopAttempts: number;
}

/** What central answered for one forwarded event: stored now, or held already (a re-send). */
export interface ForwardReceipt {
  eventId: number;
  centralId: number;
  duplicate: boolean;
  /**
   * Central holds another event under this event's station, id and key (a station database
   * restored from a backup, a hand-edited row): this one was not taken, and the sentence says so.
   */
  refused?: string;
}

/**
 * The events stations forwarded, which central's sync delivers to the shop (central-store on
 * PostgreSQL). `due`, `beginAttempt`, `markSent`, `markRetry` and `park` are what the outbox drain
 * works through (app/sync/drain); an event's id there is central's.
 */
export interface CentralOutbox {
  /** Stores each event once per (station, event id); a second copy is answered as a duplicate. */
  accept(stationId: string, events: readonly ForwardedOutboxEvent[], now: Date): Promise<ForwardReceipt[]>;
  due(at: string, limit: number): Promise<OutboxEvent[]>;
  beginAttempt(id: number, at: string): Promise<void>;
  markSent(id: number, remoteRef: string | null, at: string): Promise<void>;
  markRetry(id: number, reason: string, nextAttemptAt: string, at: string): Promise<void>;
  park(id: number, reason: string, at: string): Promise<void>;
  /** Every event central holds, by station event, for tests and the operator. */
  list(limit: number): Promise<(ForwardReceipt & { stationId: string; status: OutboxEvent['status']; attempts: number; lastError: string | null })[]>;
  counts(): Promise<{ queued: number; parked: number; sent: number }>;
  /** Events the shop refused, parked for a manager, oldest first. */
  parked(limit: number): Promise<ParkedCentralEvent[]>;
  /** A manager sends a parked event again: queued and due now; false when it is not parked (any more). */
  requeue(centralId: number, now: Date): Promise<boolean>;
}

/** A forwarded event central's sync parked: the shop refused it, or it could not be read. */
export interface ParkedCentralEvent {
  centralId: number;
  stationId: string;
  eventId: number;
  type: OutboxEventType;
  orderNumber: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

/** How central's last pull from the shop went, for its status and the stations' sync screens. */
export interface CentralShopState {
  /** The shop system central pulls from (its orders are linked under this kind at the stations). */
  kind: BackendKind;
  /** The shop's own cursor of changed orders, where the next pull resumes; null: from the start. */
  ordersCursor: string | null;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  /** Why the last pull failed (the shop down, a refusal); null when it went through. */
  lastError: string | null;
}

/**
 * One page of what changed at central since a station's cursor: orders and the products they
 * name (and products that changed), each record as the shop's backend read it. The cursor is
 * central's, opaque to the station; `more` while there is another page.
 */
export interface CentralOrderChanges {
  orders: RemoteOrder[];
  products: RemoteProduct[];
  cursor: string;
  more: boolean;
}

/** The orders and products central pulled from the shop (central-store on PostgreSQL, migration 0005). */
export interface CentralOrders {
  shopState(): Promise<CentralShopState | null>;
  /** Keeps the products; a product whose record changed is renewed in the stations' feed. Returns how many changed. */
  saveProducts(products: readonly RemoteProduct[], now: Date): Promise<number>;
  /**
   * One page of a pull in one transaction: the products it names, its orders (a changed one
   * renewed in the feed, with its lines), and the shop's cursor when given, so a pull stopped
   * anywhere resumes after the last page kept. Returns how many orders were new or changed.
   */
  saveOrders(
    kind: BackendKind,
    orders: readonly RemoteOrder[],
    products: readonly RemoteProduct[],
    cursor: string | null | undefined,
    now: Date,
  ): Promise<number>;
  /** Orders the shop may still change: ready or held, and not packed at any station. */
  openExternalIds(kind: BackendKind, limit: number): Promise<string[]>;
  /** Records how a pull went (error null: it went through). */
  recordRun(kind: BackendKind, at: Date, error: string | null): Promise<void>;
  /** What changed since `cursor` (null: everything), at most `limit` records a page. */
  changes(cursor: string | null, limit: number): Promise<CentralOrderChanges>;
}
