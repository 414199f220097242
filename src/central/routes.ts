import type { FastifyInstance } from 'fastify';
import type { Clock, Logger } from '../app/ports';
import type { CentralStore } from '../central-store';
import { CENTRAL_ROUTES, type CentralInput, type CentralOutput, type CentralRoute } from '../contract/central';
import type { StationError } from '../contract/errors';
import type { BackendKind } from '../contract/sync';

export interface LeasePolicy {
  /** How long a lease lasts without being renewed. */
  leaseMs: number;
  /** The most orders one station may hold on lease. */
  maxLeases: number;
}

type Answer<R extends CentralRoute> = { ok: true; value: CentralOutput<R> } | { ok: false; status: number; error: StationError };
type RouteHandler<R extends CentralRoute> = (stationId: string, input: CentralInput<R>) => Promise<Answer<R>>;

function parseBody(body: unknown): unknown {
  if (!Buffer.isBuffer(body) || body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The station-facing routes of central: claims, completion, release, leases, forwarded outbox
 * events and the orders central pulled from the shop (signed, under /v1).
 */
export function registerClaimRoutes(
  v1: FastifyInstance,
  deps: { store: CentralStore; clock: Clock; logger: Logger; policy: LeasePolicy; onForwarded: () => void; shopKind: BackendKind | null },
): void {
  const { store, clock, logger, policy } = deps;
  const handlers: { [R in CentralRoute]: RouteHandler<R> } = {
    async claim(stationId, { orderNumber }) {
      const outcome = await store.claims.claim(orderNumber, stationId, clock.now());
      if (outcome.won) return { ok: true, value: { orderNumber, stationId } };
      const message =
        outcome.kind === 'completed' ? `Order ${orderNumber} was packed at station ${outcome.heldBy}.` : `The order is open at station ${outcome.heldBy}.`;
      return {
        ok: false,
        status: 409,
        error: { code: 'ORDER_OPEN_ELSEWHERE', message, params: { order: orderNumber, station: outcome.heldBy, kind: outcome.kind } },
      };
    },
    async complete(stationId, { orderNumber }) {
      const completed = await store.claims.complete(orderNumber, stationId, clock.now());
      if (!completed) logger.warn('central: a station completed an order another station holds', { stationId, orderNumber });
      return { ok: true, value: { completed } };
    },
    async release(stationId, { orderNumber }) {
      const releasedFrom = await store.claims.release(orderNumber);
      logger.info('central: order released by a manager', { atStation: stationId, orderNumber, releasedFrom });
      return { ok: true, value: { releasedFrom } };
    },
    async leases(stationId, { candidates, want }) {
      const now = clock.now();
      const held = await store.claims.lease(stationId, candidates, Math.min(want, policy.maxLeases), now, new Date(now.getTime() + policy.leaseMs));
      return { ok: true, value: { leases: held.map((l) => ({ orderNumber: l.orderNumber, expiresAt: l.expiresAt.toISOString() })) } };
    },
    async outbox(stationId, { events }) {
      // Stored before the answer goes back; the shop hears of them from central's sync, woken now.
      const receipts = await store.outbox.accept(stationId, events, clock.now());
      const fresh = receipts.filter((r) => !r.duplicate).length;
      for (const r of receipts.filter((x) => x.refused))
        logger.error('central: a forwarded event differs from the one held under its id and key; not taken', {
          stationId,
          eventId: r.eventId,
          centralId: r.centralId,
        });
      logger.info('central: outbox events forwarded by a station', { stationId, received: receipts.length, fresh });
      if (fresh > 0) deps.onForwarded();
      return { ok: true, value: { receipts } };
    },
    async orderShop() {
      // Central started without --shop still serves what it pulled before; before its first pull it has nothing yet.
      const state = await store.orders.shopState();
      const kind = deps.shopKind ?? state?.kind ?? null;
      if (kind === null) return { ok: true, value: { shop: null } };
      const same = state?.kind === kind ? state : null;
      return {
        ok: true,
        value: { shop: { kind, lastRunAt: same?.lastRunAt ?? null, lastSuccessAt: same?.lastSuccessAt ?? null, lastError: same?.lastError ?? null } },
      };
    },
    async orderChanges(_stationId, { cursor, limit }) {
      return { ok: true, value: await store.orders.changes(cursor, limit) };
    },
  };
  for (const name of Object.keys(CENTRAL_ROUTES) as CentralRoute[]) {
    const route = CENTRAL_ROUTES[name];
    v1.route({
      method: route.method,
      url: route.path.replace(/^\/v1/, ''),
      handler: async (req, reply) => {
        const input = route.input.safeParse(parseBody(req.body));
        if (!input.success) {
          return reply
            .code(400)
            .send({ ok: false, error: { code: 'VALIDATION_FAILED', message: `${route.path}: ${input.error.issues[0]?.message ?? 'bad input'}` } });
        }
        const answer = await (handlers[name] as RouteHandler<typeof name>)(req.stationId, input.data as never);
        if (!answer.ok) return reply.code(answer.status).send({ ok: false, error: answer.error });
        return { ok: true, value: answer.value };
      },
    });
  }
}
