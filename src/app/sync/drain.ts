import { StationFailure } from '../../contract/errors';
import type { Clock, Journal, Logger, Store } from '../ports';
import type { OutboxEvent, OutboxMessage, OutboxRepository, ShopBackend, ShopLabel, ShopLabelSink } from '../ports/backend';
import { SyncFailure } from '../ports/backend';

const FIRST_RETRY_MS = 5_000;
const LONGEST_WAIT_MS = 60 * 60_000;
/** After this many failed attempts an event is parked for a manager instead of retried. */
export const MAX_ATTEMPTS = 15;

/** 5 s, 10 s, 20 s … capped at an hour: a shop that is down for a day is asked 30-odd times. */
export function retryDelayMs(attempts: number): number {
  return Math.min(LONGEST_WAIT_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts));
}

/**
 * The part of an outbox the drain works through: the station's SQLite table answers at once,
 * central's PostgreSQL one with promises; the drain awaits either.
 */
export interface OutboxQueue {
  due(at: string, limit: number): OutboxEvent[] | Promise<OutboxEvent[]>;
  /** Counts the attempt durably before the call goes out. */
  beginAttempt(id: number, at: string): void | Promise<void>;
  markSent(id: number, remoteRef: string | null, at: string): void | Promise<void>;
  markRetry(id: number, reason: string, nextAttemptAt: string, at: string): void | Promise<void>;
}

/** Sets an event aside for a manager, never to be sent unless they requeue it. */
export type ParkEvent = (event: OutboxEvent, reason: string) => void | Promise<void>;

export interface DrainDeps {
  outbox: OutboxQueue;
  park: ParkEvent;
  backend: ShopBackend;
  clock: Clock;
  logger: Logger;
  /**
   * Where a label the shop bought for a pushed shipment goes: the station's printer, or (at
   * central) a hand-back to the station that packed the order. Awaited, so central stores it first.
   */
  carrierLabels: ShopLabelSink | ((label: ShopLabel, links: { orderNumber: string; parcelIndex: number }) => Promise<void>) | null;
  /**
   * The tracking numbers to send with an order's shipment: the carriers' or our SSCCs; 'pending'
   * while a carrier has yet to give one (the event waits, uncounted); null keeps the event's own.
   */
  trackingFor?: ((orderNumber: string) => string[] | 'pending' | null) | null;
}

/** How long a shipment waits for its carrier's tracking number before the drain asks again. */
const TRACKING_WAIT_MS = 15_000;

export interface DrainResult {
  pushed: number;
  retried: number;
  parked: number;
  /** Set when the shop could not be reached: the drain stops rather than knock on every event. */
  unreachable: SyncFailure | null;
}

/**
 * Sends due outbox events, oldest first and one order's events in turn. Before sending again
 * an event that was tried before, it asks the shop whether it already has it: the answer to the
 * first try may have been lost after the shop acted on it. An event whose stored payload cannot
 * be read as its type is parked for a manager, never sent.
 */
export async function drainOutbox(deps: DrainDeps, limit = 500, onEach?: (done: number) => void): Promise<DrainResult> {
  const result: DrainResult = { pushed: 0, retried: 0, parked: 0, unreachable: null };
  // By order number: central's outbox holds many stations' events, whose order ids are each station's own.
  const blockedOrders = new Set<string>();
  const events = await deps.outbox.due(deps.clock.now().toISOString(), limit);
  for (const event of events) {
    if (blockedOrders.has(event.orderNumber)) continue;
    const ready = await readyToSend(deps, event);
    if (ready.kind !== 'send') {
      // The order's later events wait behind it.
      blockedOrders.add(event.orderNumber);
      if (ready.kind === 'parked') {
        result.parked += 1;
        onEach?.(result.pushed + result.retried + result.parked);
      }
      continue;
    }
    const message = ready.message;
    await deps.outbox.beginAttempt(event.id, deps.clock.now().toISOString());
    try {
      const remoteRef = await deliver(deps, message);
      await deps.outbox.markSent(event.id, remoteRef, deps.clock.now().toISOString());
      result.pushed += 1;
    } catch (error) {
      blockedOrders.add(event.orderNumber);
      // A StationFailure is the station refusing (a file outside the allowed folders): park it for a manager.
      const failure =
        error instanceof SyncFailure
          ? error
          : error instanceof StationFailure
            ? new SyncFailure('refused', error.message, { cause: error })
            : new SyncFailure('bad_response', String(error), { cause: error });
      const at = deps.clock.now();
      const permanent = failure.kind === 'refused' || failure.kind === 'auth';
      if (permanent || event.attempts + 1 >= MAX_ATTEMPTS) {
        await deps.park(event, permanent ? failure.message : `gave up after ${MAX_ATTEMPTS} attempts: ${failure.message}`);
        result.parked += 1;
      } else {
        await deps.outbox.markRetry(
          event.id,
          `${failure.kind}: ${failure.message}`,
          new Date(at.getTime() + retryDelayMs(event.attempts)).toISOString(),
          at.toISOString(),
        );
        result.retried += 1;
      }
      if (failure.kind === 'unreachable' || failure.kind === 'rate_limited') {
        result.unreachable = failure;
        break;
      }
    }
    onEach?.(result.pushed + result.retried + result.parked);
  }
  return result;
}

async function deliver(deps: DrainDeps, event: OutboxEvent & OutboxMessage): Promise<string | null> {
  const { backend } = deps;
  if (event.type === 'note') {
    await backend.pushNote(event.payload);
    return null;
  }
  if (event.type === 'returned') {
    const push = event.payload;
    // As for shipments: an earlier try may have reached the shop and lost its answer.
    if (event.attempts > 0 && (await backend.hasReturn(push))) {
      deps.logger.info('return already at the shop; not sent again', { order: event.orderNumber, return: push.returnNumber, key: event.idempotencyKey });
      return 'found-at-shop';
    }
    return (await backend.pushReturn(push)).remoteRef;
  }
  const push = event.payload;
  if (event.attempts > 0 && (await backend.hasShipment(push))) {
    deps.logger.info('shipment already at the shop; not sent again', { order: event.orderNumber, key: event.idempotencyKey });
    return 'found-at-shop';
  }
  const { remoteRef } = await backend.pushShipment(push);
  if (deps.carrierLabels) {
    const label = await backend.fetchLabel(push);
    if (label) await deps.carrierLabels(label, { orderNumber: event.orderNumber, parcelIndex: 1 });
  }
  return remoteRef;
}

/**
 * Whether an event can go now, and as what: an unreadable one is parked (never guessed at or
 * sent); a shipment whose carrier has not given its tracking number yet waits a little (the
 * shop hears of it with its real number), else it carries the carriers' numbers.
 */
export async function readyToSend(
  deps: Pick<DrainDeps, 'outbox' | 'park' | 'clock' | 'trackingFor'>,
  event: OutboxEvent,
): Promise<{ kind: 'send'; message: OutboxEvent & OutboxMessage } | { kind: 'parked' } | { kind: 'waiting' }> {
  if (event.type === 'unreadable') {
    await deps.park(event, `its stored ${event.storedType} payload cannot be read (${event.problem}); it was not sent`);
    return { kind: 'parked' };
  }
  if (event.type !== 'shipped' || !deps.trackingFor) return { kind: 'send', message: event };
  const tracking = deps.trackingFor(event.orderNumber);
  if (tracking === 'pending') {
    const at = deps.clock.now();
    await deps.outbox.markRetry(
      event.id,
      "waiting for the carrier's tracking number",
      new Date(at.getTime() + TRACKING_WAIT_MS).toISOString(),
      at.toISOString(),
    );
    return { kind: 'waiting' };
  }
  return { kind: 'send', message: tracking ? { ...event, payload: { ...event.payload, trackingNumbers: tracking } } : event };
}

/** The station's way to park: the event is set aside and the journal says why, in one transaction. */
export function parkInJournal(deps: { store: Store; outbox: OutboxRepository; journal: Journal; logger: Logger; clock: Clock; stationId: string }): ParkEvent {
  return (event, reason) => {
    const at = deps.clock.now().toISOString();
    deps.store.transaction(() => {
      deps.outbox.park(event.id, reason, at);
      deps.journal.append({
        type: 'sync.parked',
        stationId: deps.stationId,
        actorId: null,
        subject: { kind: 'order', id: event.orderNumber },
        payload: { event: event.id, type: event.type === 'unreadable' ? event.storedType : event.type, reason },
      });
    });
    deps.logger.warn('outbox event parked for a manager', { order: event.orderNumber, event: event.id, reason });
  };
}
