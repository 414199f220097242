import type { Clock, Logger } from '../ports';
import { SyncFailure, type OutboxEvent, type OutboxMessage, type OutboxRepository } from '../ports/backend';
import type { CentralLink, ForwardedOutboxEvent } from '../ports/central';
import { MAX_FORWARDED_EVENTS } from '../../contract/central';
import { readyToSend, type DrainResult, type ParkEvent } from './drain';

export interface ForwardDeps {
  outbox: OutboxRepository;
  central: Pick<CentralLink, 'forwardOutbox'>;
  park: ParkEvent;
  clock: Clock;
  logger: Logger;
  /** As for the drain: a shipment goes with the carriers' tracking numbers, and waits while one is still coming. */
  trackingFor?: ((orderNumber: string) => string[] | 'pending' | null) | null;
}

/** The remote reference a station keeps for an event central took: central's own id of it. */
export const forwardedRef = (centralId: number): string => `central:${centralId}`;

/**
 * An attached station hands its shop-bound outbox events to central instead of sending them to
 * the shop (central's sync delivers them, src/central/shop-sync.ts). Each event goes with its
 * outbox id; central keeps one row per station and id, so an event sent again because its answer
 * was lost, or because the station was killed before it marked it, is never delivered twice.
 * Central unreachable: nothing is marked, the events wait however long it takes (no attempt is
 * counted and none is parked for it) and go at the next sync. Central refusing a request (an
 * event it cannot read) parks its events for a manager.
 */
export async function forwardOutbox(deps: ForwardDeps, limit = 500): Promise<DrainResult> {
  const result: DrainResult = { pushed: 0, retried: 0, parked: 0, unreachable: null };
  // The outbox gives one order's events in turn, one per order per read: read again until nothing more is due.
  while (result.pushed + result.parked < limit) {
    const batch: (OutboxEvent & OutboxMessage)[] = [];
    for (const event of deps.outbox.due(deps.clock.now().toISOString(), Math.min(MAX_FORWARDED_EVENTS, limit - result.pushed - result.parked))) {
      const ready = await readyToSend(deps, event);
      if (ready.kind === 'send') batch.push(ready.message);
      else if (ready.kind === 'parked') result.parked += 1;
    }
    if (batch.length === 0) break;
    const answer = await deps.central.forwardOutbox(batch.map(toForwarded));
    if (!answer.reached) {
      result.unreachable = new SyncFailure('unreachable', `Central cannot be reached, so the shop's events wait at this station: ${answer.why}`);
      break;
    }
    const at = deps.clock.now().toISOString();
    if ('refused' in answer.value) {
      for (const event of batch) await deps.park(event, `central refused it: ${answer.value.refused}`);
      result.parked += batch.length;
      continue;
    }
    const byId = new Map(batch.map((e) => [e.id, e]));
    for (const receipt of answer.value) {
      if (receipt.refused !== undefined) {
        await deps.park(byId.get(receipt.eventId)!, `central refused it: ${receipt.refused}`);
        result.parked += 1;
      } else {
        deps.outbox.markSent(receipt.eventId, forwardedRef(receipt.centralId), at);
        result.pushed += 1;
      }
    }
    const duplicates = answer.value.filter((r) => r.duplicate).length;
    if (duplicates > 0) deps.logger.info('central held some outbox events already (sent before, answer lost)', { duplicates });
  }
  return result;
}

function toForwarded(event: OutboxEvent & OutboxMessage): ForwardedOutboxEvent {
  return {
    eventId: event.id,
    type: event.type,
    orderNumber: event.orderNumber,
    idempotencyKey: event.idempotencyKey,
    payload: event.payload,
    createdAt: event.createdAt,
    // Forwarding counts no attempt, so these are the station's own tries at the shop.
    shopAttempts: event.attempts,
  };
}
