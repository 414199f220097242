import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Clock, Logger } from '../app/ports';
import type { CentralStore } from '../central-store';
import type { BackendKind } from '../contract/sync';
import { authenticateStation } from './authenticate';
import { registerClaimRoutes, type LeasePolicy } from './routes';
import { registerConsoleRoutes } from './console-routes';
import { registerReplicationRoutes } from './replication-routes';
import { registerClipRoutes } from './clip-routes';
import type { Wakeups } from './clip-relay';
import type { ClipStorage } from './clip-storage';

export interface CentralServerOptions {
  store: CentralStore;
  logger: Logger;
  clock: Clock;
  host: string;
  port: number;
  signatureWindowMs: number;
  leases: LeasePolicy;
  /** A station forwarded outbox events: central's shop sync delivers them now. */
  onForwarded?: () => void;
  /** The shop central pulls orders from (`--shop`), null without one. */
  shopKind?: BackendKind | null;
  /** Where fetched clips are kept, how long an asker waits for a station, when a silent station counts as offline. */
  clips: { storage: ClipStorage; fetchWaitMs: number; offlineAfterMs: number };
  /** Wakes a station's long poll when a label waits for it. */
  wakeups: Wakeups;
}

export interface RunningCentralServer {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The station that signed this request (routes under /v1 only). */
    stationId: string;
  }
}

function parseJson(body: unknown): unknown {
  if (!Buffer.isBuffer(body) || body.length === 0) return null;
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

/**
 * Central's HTTP face: /healthz and /readyz for the operator's monitoring, and under /v1 the
 * routes stations call, each request signed by the station (see authenticate.ts).
 */
export async function startCentralServer(options: CentralServerOptions): Promise<RunningCentralServer> {
  const { store, logger, clock } = options;
  const app = Fastify({ logger: false, bodyLimit: 8 * 1024 * 1024 });
  app.decorateRequest('stationId', '');
  // The signature covers the body's exact bytes, so every body is kept raw and parsed by the route.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.get('/healthz', async () => ({ ok: true }));
  app.get('/readyz', async (_req, reply) => {
    try {
      const { schema, known } = await store.schema.version();
      if (schema !== known) return reply.code(503).send({ ready: false, reason: `The database is at schema ${schema}; this central needs ${known}.` });
      return { ready: true, schema };
    } catch (error) {
      return reply.code(503).send({ ready: false, reason: `The database cannot be reached: ${error instanceof Error ? error.message : String(error)}` });
    }
  });

  await app.register(
    async (v1) => {
      v1.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
        // A clip upload was streamed to a file and hashed on the way: the signature covers that hash.
        const raw = req.body as unknown;
        const body = Buffer.isBuffer(raw) ? raw : typeof raw === 'object' && raw !== null && 'sha256' in raw ? { sha256: String(raw.sha256) } : Buffer.alloc(0);
        const auth = await authenticateStation(
          { stations: store.stations, nonces: store.nonces, clock, windowMs: options.signatureWindowMs },
          { method: req.method, path: req.url, body, headers: req.headers },
        );
        if (!auth.ok) {
          logger.warn('central refused a station request', { reason: auth.reason, path: req.url, station: req.headers['packdesk-station'] });
          return reply.code(401).send({ ok: false, error: { code: 'UNAUTHORIZED', message: auth.message, params: { reason: auth.reason } } });
        }
        req.stationId = auth.stationId;
      });
      // A station checks its registration and clock with this before attaching.
      v1.get('/station', async (req) => {
        const station = await store.stations.find(req.stationId);
        return { ok: true, value: { id: req.stationId, name: station?.name ?? req.stationId, serverTime: clock.now().toISOString() } };
      });
      registerClaimRoutes(v1, {
        store,
        clock,
        logger,
        policy: options.leases,
        onForwarded: options.onForwarded ?? (() => undefined),
        shopKind: options.shopKind ?? null,
      });
      registerReplicationRoutes(v1, { journals: store.journals, clock, logger });
      registerConsoleRoutes(v1, { store, clock, logger, onRequeued: options.onForwarded ?? (() => undefined) });
      registerClipRoutes(v1, { clips: store.clips, labels: store.labels, wakeups: options.wakeups, clock, logger, ...options.clips });
      // A station attaching says hello with its own time: central answers how far apart the clocks are.
      v1.post('/hello', async (req, reply) => {
        const body = parseJson(req.body);
        const stationTime = typeof body === 'object' && body !== null ? Date.parse(String((body as { stationTime?: unknown }).stationTime)) : NaN;
        if (Number.isNaN(stationTime)) {
          return reply.code(400).send({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'hello needs { stationTime: ISO date }.' } });
        }
        return { ok: true, value: { id: req.stationId, skewMs: stationTime - clock.now().getTime() } };
      });
    },
    { prefix: '/v1' },
  );

  const address = await app.listen({ host: options.host, port: options.port });
  const port = (app.server.address() as AddressInfo).port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  logger.info('central listening', { address, port });
  return { url: `http://${shownHost}:${port}`, app, close: () => app.close() };
}
