import net from 'node:net';

/**
 * A browser as the host sees one, in Node: it keeps its cookie, names its origin on every change
 * and sends JSON. Tests that play an attacker leave out what an attacker could not send.
 */
export class BrowserLike {
  cookie: string | null = null;

  constructor(
    readonly base: string,
    private readonly station: string | null = null,
  ) {}

  get origin(): string {
    return new URL(this.base).origin;
  }

  async call(method: string, body: unknown = {}, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(`api/${method}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', origin: this.origin, ...headers },
    });
  }

  /** The result of a call, read as JSON. */
  async result(method: string, body: unknown = {}): Promise<{ ok: boolean; value?: unknown; error?: { code: string; params?: Record<string, unknown> } }> {
    return (await this.call(method, body)).json();
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie && !headers.has('cookie')) headers.set('cookie', this.cookie);
    if (this.station) headers.set('x-packdesk-station', this.station);
    const response = await fetch(new URL(path, this.base), { ...init, headers, redirect: 'manual' });
    const set = response.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
    return response;
  }
}

/** Sends bytes as they are (fetch would normalise the request target) and returns the status line's code. */
export function rawStatus(port: number, request: string, host = '127.0.0.1'): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, host);
    let text = '';
    socket.setTimeout(5000, () => socket.destroy(new Error('no answer')));
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      // Enough to read the status; event streams never end by themselves.
      if (/\r\n\r\n/.test(text)) socket.end();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
    socket.write(request);
  });
}
