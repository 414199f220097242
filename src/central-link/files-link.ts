import type crypto from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { CentralFilesLink, RemoteClipRefusal, WaitingLabel } from '../app/ports/central-files';
import type { Reached } from '../app/ports/central';
import { signRequest, type RequestToSign } from '../platform/request-signature';

export interface HttpFilesLinkOptions {
  url: string;
  stationId: string;
  privateKey: crypto.KeyObject;
  now?: () => Date;
  /** A short call (not a poll, not a clip) that takes longer means central is unreachable (default 5 s). */
  timeoutMs?: number;
  /** How long the asker waits for a clip's first byte: central may be fetching it from its station (default 40 s). */
  clipTimeoutMs?: number;
}

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; params?: Record<string, string | number> } };

/** The station's signed HTTP client for clips and labels (src/central/clip-routes.ts answers it). */
export function createHttpFilesLink(options: HttpFilesLinkOptions): CentralFilesLink {
  const base = options.url.replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? 5000;

  async function send(
    request: RequestToSign,
    init: { body?: string | ReadableStream<Uint8Array>; headers?: Record<string, string>; timeoutMs: number },
  ): Promise<Reached<Response>> {
    const headers = signRequest(options.privateKey, options.stationId, request, now());
    try {
      const res = await fetch(`${base}${request.path}`, {
        method: request.method,
        headers: { ...headers, ...init.headers },
        ...(init.body !== undefined ? { body: init.body, duplex: 'half' } : {}),
        signal: AbortSignal.timeout(init.timeoutMs),
      } as RequestInit);
      return { reached: true, value: res };
    } catch (error) {
      return { reached: false, why: `${base} cannot be reached: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  async function answer<T>(res: Reached<Response>, pathName: string): Promise<Reached<Answer<T>>> {
    if (!res.reached) return res;
    try {
      const body = (await res.value.json()) as Answer<T>;
      if (res.value.status === 401 || res.value.status >= 500)
        return { reached: false, why: `${base}${pathName} answered ${res.value.status}: ${body.ok ? '' : body.error.message}` };
      return { reached: true, value: body };
    } catch {
      return { reached: false, why: `${base}${pathName} answered ${res.value.status} without JSON.` };
    }
  }

  async function post<T>(pathName: string, input: unknown, ms = timeoutMs): Promise<Reached<T>> {
    const body = JSON.stringify(input);
    const got = await answer<T>(
      await send({ method: 'POST', path: pathName, body }, { body, headers: { 'content-type': 'application/json' }, timeoutMs: ms }),
      pathName,
    );
    if (!got.reached) return got;
    return got.value.ok ? { reached: true, value: got.value.value } : { reached: false, why: `central refused ${pathName}: ${got.value.error.message}` };
  }

  return {
    clipInfo: (stationId, segmentId) => post('/v1/video/clip-info', { stationId, segmentId }),
    async clip(stationId, segmentId, range) {
      const pathName = `/v1/video/clips/${encodeURIComponent(stationId)}/${segmentId}`;
      const res = await send(
        { method: 'GET', path: pathName, body: '' },
        { ...(range ? { headers: { range } } : {}), timeoutMs: options.clipTimeoutMs ?? 40_000 },
      );
      if (!res.reached) return { ok: false, refusal: { code: 'CENTRAL_UNREACHABLE', message: res.why, params: {} } };
      const r = res.value;
      if (r.status === 200 || r.status === 206) {
        const headers: Record<string, string> = {};
        for (const name of ['content-type', 'content-length', 'content-range', 'accept-ranges']) {
          const v = r.headers.get(name);
          if (v) headers[name] = v;
        }
        return {
          ok: true,
          clip: {
            status: r.status,
            headers,
            body: r.body ? Readable.fromWeb(r.body as NodeReadableStream<Uint8Array>) : Readable.from([]),
          },
        };
      }
      let error: Answer<never> | null = null;
      try {
        error = (await r.json()) as Answer<never>;
      } catch {
        // not JSON: said below
      }
      const known: RemoteClipRefusal['code'][] = ['VIDEO_STATION_OFFLINE', 'VIDEO_HASH_MISMATCH', 'VIDEO_SEGMENT_NOT_FOUND'];
      if (error && !error.ok && (known as string[]).includes(error.error.code)) {
        return { ok: false, refusal: { code: error.error.code as RemoteClipRefusal['code'], message: error.error.message, params: error.error.params ?? {} } };
      }
      return {
        ok: false,
        refusal: {
          code: 'CENTRAL_UNREACHABLE',
          message: `${base}${pathName} answered ${r.status}${error && !error.ok ? `: ${error.error.message}` : ''}`,
          params: {},
        },
      };
    },
    wants: (waitMs) => post('/v1/video/wants', { waitMs }, waitMs + timeoutMs),
    async deliverClip(segmentId, file, sha256) {
      const pathName = `/v1/video/segments/${segmentId}`;
      const size = fs.statSync(file).size;
      const body = Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>;
      // A clip of a few hundred MB on a warehouse network: a generous budget, a minute per 100 MB.
      const ms = 60_000 + Math.ceil(size / 100_000_000) * 60_000;
      const got = await answer<{ accepted: true }>(
        await send({ method: 'PUT', path: pathName, body: { sha256 } }, { body, headers: { 'content-type': 'video/webm' }, timeoutMs: ms }),
        pathName,
      );
      if (!got.reached) return got;
      return { reached: true, value: got.value.ok ? { accepted: true } : { accepted: false, reason: got.value.error.message } };
    },
    clipMissing: (segmentId, reason) => post(`/v1/video/segments/${segmentId}/missing`, { reason }),
    async labels() {
      const got = await post<{ labels: (Omit<WaitingLabel, 'bytes'> & { bytes: string })[] }>('/v1/labels/waiting', {});
      if (!got.reached) return got;
      return { reached: true, value: got.value.labels.map((l) => ({ ...l, bytes: new Uint8Array(Buffer.from(l.bytes, 'base64')) })) };
    },
    labelsTaken: (ids) => post('/v1/labels/taken', { ids: [...ids] }),
  };
}
