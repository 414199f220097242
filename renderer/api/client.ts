import type { Result } from '../../src/contract/errors';
import type { EventName, StationEvents } from '../../src/contract/events';
import type { MethodInput, MethodName, MethodOutput } from '../../src/contract/methods';
import { readHostParams } from './host-params';
import { httpTransport } from './http';
import { callSocketTransport, callSocketUrl, randomCallId } from './socket';
import { ipcTransport, type MediaKind, type PackdeskBridge, type Transport } from './transport';

let transport: Transport | null = null;
let coreTiming: ((method: string, ms: number) => void) | null = null;

/** `localStorage['packdesk.callSocket'] = 'off'`: every call over HTTP (for comparing, and a way out should a proxy refuse WebSockets). */
const CALL_SOCKET_SETTING = 'packdesk.callSocket';

/** Electron's preload provides window.packdesk; without it we are in the browser host. */
function chooseTransport(): Transport {
  const bridge = (window as unknown as { packdesk?: PackdeskBridge }).packdesk;
  if (bridge) return ipcTransport(bridge);
  const params = readHostParams(window.location, window.sessionStorage);
  const onCoreTiming = (method: string, ms: number): void => coreTiming?.(method, ms);
  const http = httpTransport({
    params,
    fetch: (input, init) => window.fetch(input, init),
    openEvents: (url) => new EventSource(url),
    onCoreTiming,
  });
  if (typeof WebSocket === 'undefined' || window.localStorage.getItem(CALL_SOCKET_SETTING) === 'off') return http;
  return callSocketTransport(http, {
    url: callSocketUrl(window.location, params.station),
    open: (url) => new WebSocket(url),
    randomId: randomCallId,
    onCoreTiming,
  });
}

/** Hears the core's own share of each call's round trip (browser mode), for the scan timing. */
export function onCoreTiming(listener: (method: string, ms: number) => void): void {
  coreTiming = listener;
}

function current(): Transport {
  transport ??= chooseTransport();
  return transport;
}

/** For tests and for hosts that want to hand in their own transport. */
export function setTransport(next: Transport): void {
  transport = next;
}

/** Calls one contract method. Never throws: failures come back as `{ ok: false, error }`. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
  try {
    return (await current().invoke(method, input)) as Result<MethodOutput<M>>;
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, error: { code: 'INTERNAL', message } };
  }
}

export function subscribe<E extends EventName>(event: E, listener: (payload: StationEvents[E]) => void): () => void {
  return current().subscribe(event, (e) => listener(e.payload as StationEvents[E]));
}

/** Where the page loads a clip or an evidence package from, on whichever host it runs in; `recordedAt`: another station's clip. */
export function mediaUrl(kind: MediaKind, id: string, recordedAt: string | null = null): string {
  return current().mediaUrl(kind, id, recordedAt);
}
