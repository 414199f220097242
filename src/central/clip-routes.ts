import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { CentralLabels } from '../app/ports/central-files';
import { byteRange } from '../platform/byte-range';
import { acceptUpload, obtainClip, readClip, stationKeyOf, type ClipRelayOptions } from './clip-relay';

export interface ClipRoutesDeps extends ClipRelayOptions {
  labels: CentralLabels;
}

/** A clip a station uploads, streamed to a temporary file while hashed (never held whole in memory). */
export interface StreamedUpload {
  file: string;
  sha256: string;
  size: number;
}

/** The largest clip central takes (a recording is capped far below this at the station). */
const MAX_CLIP_BYTES = 4 * 1024 ** 3;
/** The longest a station's poll is held open. */
const MAX_POLL_MS = 25_000;

const isUpload = (body: unknown): body is StreamedUpload => typeof body === 'object' && body !== null && 'sha256' in body && 'file' in body;

function json<T>(body: unknown, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(Buffer.isBuffer(body) && body.length > 0 ? JSON.parse(body.toString('utf8')) : {});
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const refuse = (reply: FastifyReply, status: number, code: string, message: string, params?: Record<string, string | number>) =>
  reply.code(status).send({ ok: false, error: { code, message, ...(params ? { params } : {}) } });

const segmentParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/**
 * Files between stations and central, under the signed /v1: a station's long poll for what
 * central wants of it, its clip uploads, and the clip routes an asking station plays from; the
 * labels the shop bought, taken by the station that packed the order.
 */
export function registerClipRoutes(v1: FastifyInstance, deps: ClipRoutesDeps): void {
  const uploads = path.join(os.tmpdir(), 'packdesk-central-uploads');
  fs.mkdirSync(uploads, { recursive: true, mode: 0o700 });
  v1.addContentTypeParser('video/webm', (_req, payload, done) => {
    const file = path.join(uploads, crypto.randomUUID());
    const out = fs.createWriteStream(file, { mode: 0o600 });
    const hash = crypto.createHash('sha256');
    let size = 0;
    const fail = (error: Error) => {
      out.destroy();
      fs.rmSync(file, { force: true });
      done(Object.assign(error, { statusCode: 413 }), undefined);
    };
    payload.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_CLIP_BYTES) return fail(new Error(`A clip is at most ${MAX_CLIP_BYTES} bytes.`));
      hash.update(chunk);
    });
    payload.on('error', fail);
    payload.pipe(out);
    out.on('finish', () => done(null, { file, sha256: hash.digest('hex'), size } satisfies StreamedUpload));
  });
  // An upload refused (its signature, its hash) leaves no temporary file behind.
  v1.addHook('onResponse', async (req) => {
    if (isUpload(req.body)) fs.rmSync(req.body.file, { force: true });
  });

  v1.post('/video/wants', async (req) => {
    const input = json(req.body, z.object({ waitMs: z.number().int().min(0).max(MAX_POLL_MS) }).strict()) ?? { waitMs: 0 };
    const station = req.stationId;
    const deadline = Date.now() + input.waitMs;
    for (;;) {
      await deps.clips.polled(station, deps.clock.now());
      const segments = await deps.clips.wanted(station);
      const labels = (await deps.labels.waiting(station, 50)).length;
      const left = deadline - Date.now();
      if (segments.length > 0 || labels > 0 || left <= 0) return { ok: true, value: { segments, labels } };
      // Woken by an ask in this process; another central process's ask is seen at the next look.
      await deps.wakeups.wait(stationKeyOf(station), Math.min(left, 1000));
    }
  });

  v1.put<{ Params: { segment: string } }>('/video/segments/:segment', async (req, reply) => {
    const segment = segmentParam.safeParse(req.params.segment);
    if (!segment.success || !isUpload(req.body))
      return refuse(reply, 400, 'VALIDATION_FAILED', 'Upload a clip as video/webm to /v1/video/segments/<segment id>.');
    const outcome = await acceptUpload(deps, req.stationId, segment.data, req.body);
    if (!outcome.accepted) return refuse(reply, outcome.status, outcome.code, outcome.message);
    return { ok: true, value: { accepted: true } };
  });

  v1.post<{ Params: { segment: string } }>('/video/segments/:segment/missing', async (req, reply) => {
    const segment = segmentParam.safeParse(req.params.segment);
    const input = json(req.body, z.object({ reason: z.string().max(500) }).strict());
    if (!segment.success || !input) return refuse(reply, 400, 'VALIDATION_FAILED', 'Say why: { reason }.');
    await deps.clips.answer(req.stationId, segment.data, 'missing', input.reason, deps.clock.now());
    deps.wakeups.wake(`clip:${req.stationId}:${segment.data}`);
    return { ok: true, value: null };
  });

  v1.post('/video/clip-info', async (req, reply) => {
    const input = json(req.body, z.object({ stationId: z.string().min(1).max(200), segmentId: z.number().int().positive() }).strict());
    if (!input) return refuse(reply, 400, 'VALIDATION_FAILED', 'Ask with { stationId, segmentId }.');
    return { ok: true, value: await deps.clips.segment(input.stationId, input.segmentId) };
  });

  // The asking station signs a GET; Range is not signed: it only picks which verified bytes come back.
  v1.get<{ Params: { station: string; segment: string } }>('/video/clips/:station/:segment', async (req, reply) => {
    const segment = segmentParam.safeParse(req.params.segment);
    if (!segment.success) return refuse(reply, 400, 'VALIDATION_FAILED', 'A segment id is a number.');
    const stationId = decodeURIComponent(req.params.station);
    const clip = await obtainClip(deps, stationId, segment.data);
    if (!clip.ok) {
      deps.logger.warn('central could not serve a clip', { asker: req.stationId, station: stationId, segment: segment.data, code: clip.code });
      return refuse(reply, clip.status, clip.code, clip.message, clip.params);
    }
    const range = byteRange(req.headers.range, clip.size);
    reply.header('accept-ranges', 'bytes').header('content-type', 'video/webm').header('cache-control', 'no-store');
    if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${clip.size}`).send();
    if (clip.size === 0) return reply.header('content-length', 0).send();
    const body = await readClip(deps, stationId, segment.data, range.start, range.end);
    reply.header('content-length', range.end - range.start + 1);
    if (range.partial) reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${clip.size}`);
    return reply.send(body);
  });

  v1.post('/labels/waiting', async (req) => {
    const labels = await deps.labels.waiting(req.stationId, 20);
    return { ok: true, value: { labels: labels.map((l) => ({ ...l, bytes: Buffer.from(l.bytes).toString('base64') })) } };
  });

  v1.post('/labels/taken', async (req, reply) => {
    const input = json(req.body, z.object({ ids: z.array(z.number().int().positive()).max(100) }).strict());
    if (!input) return refuse(reply, 400, 'VALIDATION_FAILED', 'Say which: { ids }.');
    await deps.labels.taken(req.stationId, input.ids, deps.clock.now());
    return { ok: true, value: null };
  });
}
