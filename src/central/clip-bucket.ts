import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import aws4 from 'aws4';
import { stationKey, type ClipStorage } from './clip-storage';

export interface BucketOptions {
  /** The bucket as a path-style URL: http(s)://endpoint[:port]/bucket-name (AWS: https://s3.eu-central-1.amazonaws.com/name). */
  url: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
  /** A request taking longer fails (default 60 s; a clip is up to a few hundred MB). */
  timeoutMs?: number;
}

/** Reads the bucket's credentials from the environment (never from argv, which `ps` shows). */
export function bucketFromEnv(url: string, env: NodeJS.ProcessEnv): BucketOptions {
  const accessKeyId = env.PACKDESK_VIDEO_BUCKET_KEY_ID ?? env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.PACKDESK_VIDEO_BUCKET_SECRET ?? env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    throw new Error(
      '--video-bucket needs its credentials in PACKDESK_VIDEO_BUCKET_KEY_ID and PACKDESK_VIDEO_BUCKET_SECRET (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY).',
    );
  }
  if (!/^https?:\/\/[^/]+\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/?$/.test(url)) {
    throw new Error(`--video-bucket must be the bucket's path-style URL, e.g. https://s3.eu-central-1.amazonaws.com/packdesk-video, not "${url}".`);
  }
  return {
    url,
    region: env.PACKDESK_VIDEO_BUCKET_REGION ?? env.AWS_REGION ?? 'us-east-1',
    accessKeyId,
    secretAccessKey,
    sessionToken: env.AWS_SESSION_TOKEN,
  };
}

interface BucketAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: http.IncomingMessage;
}

/**
 * Clips in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW…), path-style, each request signed
 * with Signature Version 4 (aws4). An upload is signed over the clip's SHA-256, which central has
 * just checked against the station's journal, so the bucket refuses bytes that changed on the way.
 */
export function createBucketClipStorage(options: BucketOptions): ClipStorage {
  const base = new URL(options.url.replace(/\/+$/, ''));
  const client = base.protocol === 'https:' ? https : http;
  const credentials = {
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    ...(options.sessionToken ? { sessionToken: options.sessionToken } : {}),
  };
  const keyOf = (stationId: string, segmentId: number) => `${base.pathname}/clips/${stationKey(stationId)}/${segmentId}.webm`;

  function send(method: string, key: string, headers: Record<string, string>, body: Readable | null): Promise<BucketAnswer> {
    const signed = aws4.sign({ host: base.host, path: key, method, service: 's3', region: options.region, headers: { ...headers } }, credentials);
    return new Promise((resolve, reject) => {
      const req = client.request(
        {
          protocol: base.protocol,
          hostname: base.hostname,
          port: base.port || undefined,
          path: key,
          method,
          headers: signed.headers,
          timeout: options.timeoutMs ?? 60_000,
        },
        (res) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res }),
      );
      req.on('timeout', () => req.destroy(new Error(`the bucket did not answer ${method} within ${options.timeoutMs ?? 60_000} ms`)));
      req.on('error', reject);
      if (body) body.on('error', (e) => req.destroy(e)).pipe(req);
      else req.end();
    });
  }

  async function failed(what: string, answer: BucketAnswer): Promise<Error> {
    let text = '';
    for await (const chunk of answer.body) if (text.length < 2000) text += String(chunk);
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
    return new Error(`the bucket refused ${what}: ${answer.status}${code ? ` ${code}` : ''}`);
  }

  return {
    where: `bucket ${base.origin}${base.pathname}`,
    async size(stationId, segmentId) {
      const answer = await send('HEAD', keyOf(stationId, segmentId), {}, null);
      answer.body.resume();
      if (answer.status === 404) return null;
      if (answer.status !== 200) throw await failed('a HEAD', answer);
      return Number(answer.headers['content-length']);
    },
    async put(stationId, segmentId, file, size, sha256) {
      try {
        const answer = await send(
          'PUT',
          keyOf(stationId, segmentId),
          { 'content-length': String(size), 'content-type': 'video/webm', 'x-amz-content-sha256': sha256 },
          fs.createReadStream(file),
        );
        if (answer.status !== 200) throw await failed('an upload', answer);
        answer.body.resume();
      } finally {
        fs.rmSync(file, { force: true });
      }
    },
    async read(stationId, segmentId, start, end) {
      const answer = await send('GET', keyOf(stationId, segmentId), { range: `bytes=${start}-${end}` }, null);
      if (answer.status !== 206) throw await failed('a read', answer);
      return answer.body;
    },
  };
}
