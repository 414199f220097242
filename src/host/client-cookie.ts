import crypto from 'node:crypto';
import type { Client } from '../app/context';

/**
 * Each browser is a client of its own, named by an HttpOnly, SameSite=Strict cookie the host
 * mints and signs. The core only ever sees a hash of it, as the client's key; logins belong to
 * that key. The cookie is renewed at login, so one planted before a login is worth nothing after.
 */
export const CLIENT_COOKIE = 'packdesk_client';
const ID_BYTES = 24;

export class ClientCookies {
  private readonly key: Buffer;

  /** `secret` is kept in the data folder; a token, when the host has one, is folded in so changing it ends every browser's access. */
  constructor(
    secret: Buffer,
    token: string | undefined,
    private readonly secure: boolean,
  ) {
    this.key = crypto
      .createHmac('sha256', secret)
      .update(`packdesk-client-cookie\0${token ?? ''}`)
      .digest();
  }

  mint(): string {
    const id = crypto.randomBytes(ID_BYTES).toString('base64url');
    return `${id}.${this.mac(id)}`;
  }

  /** The client a valid cookie names, or null for a missing, malformed or forged one. */
  clientOf(cookieHeader: string | undefined): Client | null {
    const value = readCookie(cookieHeader, CLIENT_COOKIE);
    if (!value) return null;
    const [id, mac, extra] = value.split('.');
    if (!id || !mac || extra !== undefined || !/^[A-Za-z0-9_-]{32}$/.test(id)) return null;
    const expected = Buffer.from(this.mac(id));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
    return clientFor(value);
  }

  header(value: string): string {
    return `${CLIENT_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict${this.secure ? '; Secure' : ''}`;
  }

  private mac(id: string): string {
    return crypto.createHmac('sha256', this.key).update(id).digest('base64url');
  }
}

export function clientFor(cookieValue: string): Client {
  return { key: `browser:${crypto.createHash('sha256').update(cookieValue).digest('hex').slice(0, 40)}` };
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
