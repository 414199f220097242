import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An S3-compatible bucket for tests, built from Amazon's documented protocol (Signature Version
 * 4, "Authenticating Requests: Using the Authorization Header", single-chunk payloads): path-style
 * PUT, GET (with one Range) and HEAD of objects in one bucket. Every request must carry a valid
 * signature by the one key it knows; a PUT whose body is not its x-amz-content-sha256 is refused
 * (XAmzContentSHA256Mismatch), as S3 does. Objects live in memory.
 */
export interface FakeBucket {
  url: string;
  objects: Map<string, Buffer>;
  /** Every request as "METHOD key status". */
  requests: string[];
  close(): Promise<void>;
}

const hmac = (key: crypto.BinaryLike, text: string) => crypto.createHmac('sha256', key).update(text).digest();
const sha256 = (data: crypto.BinaryLike) => crypto.createHash('sha256').update(data).digest('hex');

/** S3's URI encoding of a path: each segment encoded, slashes kept. */
const encodePath = (p: string) =>
  p
    .split('/')
    .map((s) => encodeURIComponent(decodeURIComponent(s)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');

export interface SignatureInput {
  method: string;
  path: string;
  /** Lower-case header names to their values, as sent. */
  headers: Record<string, string>;
  signedHeaders: string[];
  payloadHash: string;
  amzDate: string;
  region: string;
  secret: string;
}

/** The signature SigV4 gives a request (canonical request → string to sign → key derived from the secret). */
export function sigV4Signature(i: SignatureInput): string {
  const canonicalHeaders = i.signedHeaders.map((h) => `${h}:${(i.headers[h] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonical = [i.method, encodePath(i.path), '', canonicalHeaders, i.signedHeaders.join(';'), i.payloadHash].join('\n');
  const day = i.amzDate.slice(0, 8);
  const scope = `${day}/${i.region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', i.amzDate, scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${i.secret}`, day), i.region), 's3'), 'aws4_request');
  return crypto.createHmac('sha256', key).update(toSign).digest('hex');
}

export async function startFakeBucket(options: { bucket: string; accessKeyId: string; secret: string; region: string }): Promise<FakeBucket> {
  const objects = new Map<string, Buffer>();
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const body = Buffer.concat(parts);
      const url = new URL(req.url ?? '/', 'http://bucket');
      const key = url.pathname.slice(`/${options.bucket}/`.length);
      const answer = (status: number, code?: string) => {
        requests.push(`${req.method} ${key} ${status}`);
        res.statusCode = status;
        res.end(code ? `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code></Error>` : undefined);
      };
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(',') : (value ?? '');
      const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
        headers.authorization ?? '',
      );
      if (!auth || auth[1] !== options.accessKeyId || auth[3] !== options.region) return answer(403, 'InvalidAccessKeyId');
      const payloadHash = headers['x-amz-content-sha256'] ?? '';
      const expected = sigV4Signature({
        method: req.method ?? 'GET',
        path: url.pathname,
        headers,
        signedHeaders: auth[4]!.split(';'),
        payloadHash,
        amzDate: headers['x-amz-date'] ?? '',
        region: options.region,
        secret: options.secret,
      });
      if (expected !== auth[5] || !auth[4]!.split(';').includes('x-amz-content-sha256')) return answer(403, 'SignatureDoesNotMatch');
      if (!url.pathname.startsWith(`/${options.bucket}/`) || key === '') return answer(404, 'NoSuchBucket');
      if (req.method === 'PUT') {
        if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== sha256(body)) return answer(400, 'XAmzContentSHA256Mismatch');
        objects.set(key, body);
        return answer(200);
      }
      const object = objects.get(key);
      if (!object) return answer(404, req.method === 'HEAD' ? undefined : 'NoSuchKey');
      res.setHeader('accept-ranges', 'bytes');
      const range = /^bytes=(\d+)-(\d*)$/.exec(headers.range ?? '');
      if (req.method === 'GET' && range) {
        const start = Number(range[1]);
        const end = range[2] === '' ? object.length - 1 : Math.min(Number(range[2]), object.length - 1);
        if (start >= object.length) return answer(416, 'InvalidRange');
        res.setHeader('content-range', `bytes ${start}-${end}/${object.length}`);
        res.setHeader('content-length', end - start + 1);
        requests.push(`GET ${key} 206`);
        res.statusCode = 206;
        return res.end(object.subarray(start, end + 1));
      }
      res.setHeader('content-length', object.length);
      requests.push(`${req.method} ${key} 200`);
      res.end(req.method === 'HEAD' ? undefined : object);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/${options.bucket}`,
    objects,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
