import fs from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Station } from '../app/station';
import { MAX_CHUNK_BASE64 } from '../contract/video';
import { MAX_PHOTO_BASE64 } from '../contract/returns-schemas';

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
  app.get<{ Params: { file: string } }>('/evidence/:file', async (request, reply) => media('evidence', request.params.file, request, reply));
}

/** A file with a single-range Range answer (206) or whole (200); multi-range requests get the whole file. */
function sendFile(request: FastifyRequest, reply: FastifyReply, file: string, type: string, attachment: string | null) {
  const size = fs.statSync(file).size;
  reply.header('accept-ranges', 'bytes').header('content-type', type).header('cache-control', 'no-store');
  if (attachment) reply.header('content-disposition', `attachment; filename="${attachment}"`);
  const range = /^bytes=(\d*)-(\d*)$/.exec(String(request.headers.range ?? ''));
  if (!range || (range[1] === '' && range[2] === '')) {
    reply.header('content-length', size);
    return reply.send(fs.createReadStream(file));
  }
  let start = range[1] === '' ? Math.max(0, size - Number(range[2])) : Number(range[1]);
  let end = range[1] === '' || range[2] === '' ? size - 1 : Math.min(Number(range[2]), size - 1);
  if (start >= size || start > end) {
    return reply.code(416).header('content-range', `bytes */${size}`).send();
  }
  start = Math.max(0, start);
  end = Math.max(start, end);
  reply
    .code(206)
    .header('content-range', `bytes ${start}-${end}/${size}`)
    .header('content-length', end - start + 1);
  return reply.send(fs.createReadStream(file, { start, end }));
}
