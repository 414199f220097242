import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedStation, type GuardedStation } from './support';

let s: GuardedStation;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-tls-'));
  const made = spawnSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    path.join(dir, 'key.pem'),
    '-out',
    path.join(dir, 'cert.pem'),
  ]);
  if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr}`);
  s = await guardedStation({
    tls: { cert: fs.readFileSync(path.join(dir, 'cert.pem')), key: fs.readFileSync(path.join(dir, 'key.pem')) },
    token: 'station-token-0123456789',
  });
});
afterAll(async () => {
  await s?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function get(target: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      new URL(target, s.url),
      { ca: fs.readFileSync(path.join(dir, 'cert.pem')), checkServerIdentity: () => undefined },
      (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, headers: response.headers });
      },
    );
    request.on('error', reject);
    request.end();
  });
}

describe('serving HTTPS (--tls-cert, --tls-key)', () => {
  it('answers over TLS, trades the token for a Secure cookie, and names itself https', async () => {
    expect(s.url).toMatch(/^https:\/\//);
    const exchanged = await get('/?token=station-token-0123456789');
    expect(exchanged.status).toBe(303);
    expect(String(exchanged.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict; Secure/);
    expect((await get('/api/queue.list')).status).toBe(401);
  });
});
