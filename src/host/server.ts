import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Station } from '../app/station';
import type { FakeScale } from '../devices/fake/fake-scale';
import type { Result } from '../contract/errors';
import { checkBinding } from './binding';
import { registerEventStream } from './events';
import { registerFakeScale } from './fake-devices';
import { presentedToken, tokenMatches } from './token';
import { registerVideoRoutes } from './video-upload';

export interface HostOptions {
  station: Station;
  /** The station a browser is when it does not name one (`?station=` / x-packdesk-station). */
  defaultStationId: string;
  /** The built renderer (index.html and assets). */
  rendererDir: string;
  host: string;
  port: number;
  token?: string | undefined;
  /** The fake scale, when the station runs with one: exposed at POST /fake/scale. */
  fakeScale?: FakeScale | null;
}

export interface RunningHost {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** Same policy as the Electron window: our own scripts only, camera blobs allowed for packing video. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "media-src 'self' blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const STATION_ID = /^[A-Za-z0-9_-]{1,40}$/;

function httpStatus(result: Result<unknown>): number {
  if (result.ok) return 200;
  if (result.error.code === 'VALIDATION_FAILED') return 400;
  if (result.error.code === 'UNKNOWN_METHOD') return 404;
  return 200;
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  checkBinding(options.host, options.token);
  if (!fs.existsSync(`${options.rendererDir}/index.html`)) {
    throw new Error(`The renderer is not built (${options.rendererDir}/index.html is missing); run npm run build.`);
  }
  // Event streams are long-lived; closing the host must not wait for browsers to hang up.
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024, forceCloseConnections: true });
  const stationOf = (value: unknown): string =>
    typeof value === 'string' && STATION_ID.test(value) ? value : options.defaultStationId;

  app.addHook('onRequest', async (request, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    const guarded = request.url.startsWith('/api/') || request.url.startsWith('/events') || request.url.startsWith('/fake/');
    if (guarded && options.token && !tokenMatches(options.token, presentedToken(request.headers.authorization, request.query))) {
      return reply.code(401).send({ ok: false, error: { code: 'UNAUTHORIZED', message: 'A valid token is required.' } });
    }
  });

  app.post<{ Params: { method: string } }>('/api/:method', async (request, reply) => {
    const stationId = stationOf(request.headers['x-packdesk-station']);
    const result = await options.station.dispatch(request.params.method, request.body ?? {}, { stationId });
    return reply.code(httpStatus(result)).send(result);
  });

  if (options.fakeScale) registerFakeScale(app, options.fakeScale);
  registerVideoRoutes(app, { station: options.station, token: options.token, stationOf });
  registerEventStream(app, options.station, (query) => stationOf((query as { station?: unknown } | undefined)?.station));
  await app.register(fastifyStatic, { root: options.rendererDir, index: 'index.html', cacheControl: false });

  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { url: `http://${shownHost}:${address.port}/`, app, close: () => app.close() };
}
