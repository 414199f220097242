import type { FastifyInstance } from 'fastify';
import type { Client } from '../app/context';
import { pacedDelivery, type PacedDelivery } from '../app/events';
import type { Station } from '../app/station';
import type { StationEvent } from '../contract/events';

const HEARTBEAT_MS = 15_000;

interface Stream {
  client: Client;
  stationId: string;
  delivery: PacedDelivery;
}

/**
 * Server-Sent Events: the one event channel of browser mode. A stream hears its own station's
 * events only while its browser is logged in there, and an event meant for one login (its
 * logout, its hardware scans) only in that login's browser.
 */
export class EventStreams {
  private readonly open = new Set<Stream>();

  constructor(private readonly station: Station) {
    station.events.subscribe((event) => {
      for (const stream of this.open) stream.delivery.push(event);
    });
  }

  /** A browser's cookie was renewed at login: its open streams follow it. */
  rekey(from: Client, to: Client): void {
    for (const stream of this.open) if (stream.client.key === from.key) stream.client = to;
  }

  register(app: FastifyInstance, stationOf: (query: unknown) => string): void {
    // GET only: a HEAD of an event stream would hold its connection open with nothing to send.
    app.get('/events', { exposeHeadRoute: false }, (request, reply) => {
      const client = request.client;
      if (!client) return reply.code(401).send({ ok: false, error: { code: 'UNAUTHORIZED', message: 'Open the station page first.' } });
      reply.hijack();
      const out = reply.raw;
      out.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        ...(reply.getHeader('set-cookie') ? { 'set-cookie': String(reply.getHeader('set-cookie')) } : {}),
      });
      out.write(': connected\n\n');
      const stream: Stream = {
        client,
        stationId: stationOf(request.query),
        delivery: pacedDelivery((event) => {
          if (this.hears(stream, event)) out.write(`event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`);
        }),
      };
      this.open.add(stream);
      const heartbeat = setInterval(() => out.write(': heartbeat\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        stream.delivery.close();
        this.open.delete(stream);
      });
    });
  }

  private hears(stream: Stream, event: StationEvent): boolean {
    return this.station.logins.hears(stream.client, stream.stationId, event);
  }
}
