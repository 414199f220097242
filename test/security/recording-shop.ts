import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What one request to the shop carried: the places a password or token could be. */
export interface SeenRequest {
  authorization: string | undefined;
  blToken: string | undefined;
  body: string;
}

export interface RecordingShop {
  url: string;
  seen: SeenRequest[];
  /** Whether any request carried the text, in a header or the body. */
  received(text: string): boolean;
  close(): Promise<void>;
}

/**
 * A tiny Vendure look-alike on 127.0.0.1 that answers every login and query as a success, and
 * keeps what each request carried, so a test can tell which address was sent which secret.
 */
export async function startRecordingShop(): Promise<RecordingShop> {
  const seen: SeenRequest[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const blToken = request.headers['x-bltoken'];
      seen.push({ authorization: request.headers.authorization, blToken: Array.isArray(blToken) ? blToken[0] : blToken, body });
      response.writeHead(200, { 'content-type': 'application/json', 'vendure-auth-token': 'session-token' });
      response.end(JSON.stringify({ data: { login: { id: '1' }, activeChannel: { code: 'recorder' } } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/admin-api`,
    seen,
    received: (text) => seen.some((r) => [r.authorization, r.blToken, r.body].some((part) => part?.includes(text))),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
