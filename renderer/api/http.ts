import type { Result } from '../../src/contract/errors';
import { EVENT_NAMES, type EventName, type StationEvent } from '../../src/contract/events';
import type { HostParams } from './host-params';
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
}

/** The browser host: POST /api/<method> for calls, Server-Sent Events at /events. */
export function httpTransport(options: HttpOptions): Transport {
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
    async invoke(method, input) {
      let response: Response;
      try {
        response = await options.fetch(`${base}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
      } catch (cause) {
        return hostUnreachable(cause);
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
    mediaUrl: (kind, id) => `${base}/${kind === 'clip' ? 'video' : 'evidence'}/${encodeURIComponent(id)}`,
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

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  const b = body as { ok: unknown; error?: { code?: unknown } };
  return b.ok === true || (b.ok === false && typeof b.error?.code === 'string');
}

function hostUnreachable(cause: unknown): Result<unknown> {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return { ok: false, error: { code: 'INTERNAL', message: `The station core cannot be reached (${detail}).`, params: { reason: 'unreachable' } } };
}
