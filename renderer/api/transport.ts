import type { Result } from '../../src/contract/errors';
import type { EventName, StationEvent } from '../../src/contract/events';
import type { MethodName } from '../../src/contract/methods';

/** How calls and events travel: Electron IPC or HTTP. The UI never sees which. */
export interface Transport {
  invoke(method: MethodName, input: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (event: StationEvent) => void): () => void;
}

/** What the Electron preload puts on window (main/preload.ts). */
export interface PackdeskBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  subscribe(eventName: string, cb: (event: { name: string; payload: unknown }) => void): () => void;
}

export function ipcTransport(bridge: PackdeskBridge): Transport {
  return {
    invoke: (method, input) => bridge.invoke(method, input),
    subscribe: (event, listener) => bridge.subscribe(event, (e) => listener(e as StationEvent)),
  };
}
