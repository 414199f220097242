import type { FastifyInstance } from 'fastify';
import type { Station } from '../app/station';
import type { StationEvent } from '../contract/events';

const HEARTBEAT_MS = 15_000;

/** Whether an event concerns the station a client is; events for no station in particular go to all. */
function concerns(event: StationEvent, stationId: string): boolean {
  const target = (event.payload as { stationId?: string | null }).stationId;
  return target === undefined || target === null || target === stationId;
}

/** Server-Sent Events: the one event channel of browser mode. */
export function registerEventStream(app: FastifyInstance, station: Station, stationOf: (query: unknown) => string): void {
  app.get('/events', (request, reply) => {
    const stationId = stationOf(request.query);
    reply.hijack();
    const out = reply.raw;
    out.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    out.write(': connected\n\n');
    const unsubscribe = station.events.subscribe((event) => {
      if (concerns(event, stationId)) out.write(`event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`);
    });
    const heartbeat = setInterval(() => out.write(': heartbeat\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
}
