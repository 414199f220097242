import type { Result } from '../../src/contract/errors';
import { EVENT_NAMES, type EventName, type StationEvent } from '../../src/contract/events';
import type { HostParams } from './host-params';
import type { MethodName } from '../../src/contract/methods';
import type { Transport } from './transport';

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface HttpOptions {
  params: HostParams;
  fetch: Fetch;
  openEvents: (url: string) => EventSourceLike;
  /** Where the host lives; '' for the page's own origin. */
  base?: string;
  /** The core's own share of a call's round trip (the host's Server-Timing), for the scan timing. */
  onCoreTiming?: (method: string, ms: number) => void;
}

/** A call sent again after the call socket dropped before its answer: the host does it at most once. */
export interface Resend {
  id: string;
  /** The run of the host the socket was connected to; a host that restarted since does not do it again. */
  instance: string | null;
}

export interface HttpTransport extends Transport {
  invoke(method: MethodName, input: unknown, resend?: Resend): Promise<Result<unknown>>;
}

/** The browser host: POST /api/<method> for calls, Server-Sent Events at /events. */
export function httpTransport(options: HttpOptions): HttpTransport {
  const base = options.base ?? '';
  const listeners = new Map<EventName, Set<(event: StationEvent) => void>>();
  let source: EventSourceLike | null = null;

  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.params.station) headers['x-packdesk-station'] = options.params.station;

  const openSource = (): void => {
    if (source) return;
    const query = new URLSearchParams();
    if (options.params.station) query.set('station', options.params.station);
    const qs = query.toString();
    source = options.openEvents(`${base}/events${qs ? `?${qs}` : ''}`);
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (message) => {
        let payload: unknown;
        try {
          payload = JSON.parse(String(message.data));
        } catch {
          return;
        }
        for (const listener of listeners.get(name) ?? []) listener({ name, payload } as StationEvent);
      });
    }
  };

  return {
    async invoke(method, input, resend) {
      let response: Response;
      const callHeaders = resend
        ? { ...headers, 'x-packdesk-call': resend.id, ...(resend.instance ? { 'x-packdesk-instance': resend.instance } : {}) }
        : headers;
      try {
        response = await options.fetch(`${base}/api/${method}`, { method: 'POST', headers: callHeaders, body: JSON.stringify(input ?? {}) });
      } catch (cause) {
        return hostUnreachable(cause);
      }
      if (options.onCoreTiming) {
        const core = /(?:^|,)\s*core;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '');
        if (core) options.onCoreTiming(method, Number(core[1]));
      }
      return readResult(response);
    },
    subscribe(event, listener) {
      openSource();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    mediaUrl: (kind, id, recordedAt) =>
      kind === 'clip' && recordedAt
        ? `${base}/video/central/${encodeURIComponent(recordedAt)}/${encodeURIComponent(id)}`
        : `${base}/${kind === 'clip' ? 'video' : 'evidence'}/${encodeURIComponent(id)}`,
  };
}

async function readResult(response: Response): Promise<Result<unknown>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (isResult(body)) return body;
  if (response.status === 401) return { ok: false, error: { code: 'UNAUTHORIZED', message: 'This station needs its access token.' } };
  return { ok: false, error: { code: 'INTERNAL', message: `The station answered HTTP ${response.status} without a result.` } };
}

export function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  const b = body as { ok: unknown; error?: { code?: unknown } };
  return b.ok === true || (b.ok === false && typeof b.error?.code === 'string');
}

export function hostUnreachable(cause: unknown): Result<unknown> {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return { ok: false, error: { code: 'INTERNAL', message: `The station core cannot be reached (${detail}).`, params: { reason: 'unreachable' } } };
}
