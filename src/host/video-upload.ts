import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Station } from '../app/station';
import { MAX_CHUNK_BASE64 } from '../contract/video';
import { MAX_PHOTO_BASE64 } from '../contract/returns-schemas';
import { byteRange } from '../platform/byte-range';

export interface VideoRoutesOptions {
  station: Station;
  stationOf(value: unknown): string;
}

/** Room for the largest chunk the contract takes, in JSON. */
const CHUNK_BODY_LIMIT = MAX_CHUNK_BASE64 + 64 * 1024;
/** Room for the largest returns-desk photo the contract takes, in JSON. */
const PHOTO_BODY_LIMIT = MAX_PHOTO_BASE64 + 64 * 1024;

/**
 * Browser-mode routes of the packing video. Chunks are the `video.chunk` contract call, routed
 * here only for its larger body limit; clips and evidence packages are files streamed with
 * Range support (a <video> element seeks by asking for byte ranges), for a browser logged in as
 * someone who may review (the host's guard has checked the request itself).
 */
export function registerVideoRoutes(app: FastifyInstance, options: VideoRoutesOptions): void {
  app.post('/api/video.chunk', { bodyLimit: CHUNK_BODY_LIMIT }, async (request, reply) => {
    const stationId = options.stationOf(request.headers['x-packdesk-station']);
    const result = await options.station.dispatch('video.chunk', request.body, { stationId, client: request.client! });
    return reply.code(result.ok || result.error.code !== 'VALIDATION_FAILED' ? 200 : 400).send(result);
  });

  // A photo from the returns desk's camera: the contract call, routed here for its larger body limit like a video chunk.
  app.post('/api/returns.photo.add', { bodyLimit: PHOTO_BODY_LIMIT }, async (request, reply) => {
    const stationId = options.stationOf(request.headers['x-packdesk-station']);
    const result = await options.station.dispatch('returns.photo.add', request.body, { stationId, client: request.client! });
    return reply.code(result.ok || result.error.code !== 'VALIDATION_FAILED' ? 200 : 400).send(result);
  });

  const media = (kind: 'clip' | 'evidence', id: string, request: FastifyRequest, reply: FastifyReply) => {
    const may = request.client ? options.station.mayReview(request.client, { kind, id }) : 'NOT_LOGGED_IN';
    if (may !== 'yes')
      return reply
        .code(may === 'NOT_LOGGED_IN' ? 401 : 403)
        .send({ ok: false, error: { code: may, message: 'Log in as a manager, or as a returns handler for an order with a return, to review recordings.' } });
    const file = options.station.mediaFile(kind, id);
    if (!file) {
      const code = kind === 'clip' ? 'VIDEO_SEGMENT_NOT_FOUND' : 'DOCUMENT_NOT_FOUND';
      return reply.code(404).send({ ok: false, error: { code, message: kind === 'clip' ? 'No such clip.' : 'No such evidence package.' } });
    }
    return sendFile(request, reply, file, kind === 'clip' ? 'video/webm' : 'application/zip', kind === 'evidence' ? id : null);
  };
  app.get<{ Params: { segment: string } }>('/video/:segment', async (request, reply) => media('clip', request.params.segment, request, reply));
  // A clip recorded at another station of the warehouse, through central (docs/central.md, "Video on demand").
  app.get<{ Params: { station: string; segment: string } }>('/video/central/:station/:segment', async (request, reply) => {
    if (!/^\d{1,15}$/.test(request.params.segment))
      return reply.code(404).send({ ok: false, error: { code: 'VIDEO_SEGMENT_NOT_FOUND', message: 'No such clip.' } });
    if (!request.client) return reply.code(401).send({ ok: false, error: { code: 'NOT_LOGGED_IN', message: 'Log in first.' } });
    const range = typeof request.headers.range === 'string' ? request.headers.range : null;
    const answer = await options.station.remoteClip(request.client, request.params.station, Number(request.params.segment), range);
    if (!answer.ok) return reply.code(answer.status).send({ ok: false, error: answer.error });
    reply.code(answer.clip.status).header('cache-control', 'no-store');
    for (const [name, value] of Object.entries(answer.clip.headers)) reply.header(name, value);
    return reply.send(Readable.from(answer.clip.body));
  });
  app.get<{ Params: { file: string } }>('/evidence/:file', async (request, reply) => media('evidence', request.params.file, request, reply));
}

/** A file with a single-range Range answer (206) or whole (200); multi-range requests get the whole file. */
function sendFile(request: FastifyRequest, reply: FastifyReply, file: string, type: string, attachment: string | null) {
  const size = fs.statSync(file).size;
  reply.header('accept-ranges', 'bytes').header('content-type', type).header('cache-control', 'no-store');
  if (attachment) reply.header('content-disposition', `attachment; filename="${attachment}"`);
  const range = byteRange(request.headers.range, size);
  if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${size}`).send();
  if (!range.partial) {
    reply.header('content-length', size);
    return reply.send(fs.createReadStream(file));
  }
  const { start, end } = range;
  reply
    .code(206)
    .header('content-range', `bytes ${start}-${end}/${size}`)
    .header('content-length', end - start + 1);
  return reply.send(fs.createReadStream(file, { start, end }));
}
