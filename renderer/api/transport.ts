import type { Result } from '../../src/contract/errors';
import type { EventName, StationEvent } from '../../src/contract/events';
import type { MethodName } from '../../src/contract/methods';

/** A recorded packing clip (by segment id) or an exported evidence package (by file name). */
export type MediaKind = 'clip' | 'evidence';

/** How calls, events and media travel: Electron IPC and app://, or HTTP. The UI never sees which. */
export interface Transport {
  invoke(method: MethodName, input: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (event: StationEvent) => void): () => void;
  /**
   * An address a <video> element or a download link can load the file from. A clip another
   * station recorded names that station (its id at central): it plays from there through central.
   */
  mediaUrl(kind: MediaKind, id: string, recordedAt?: string | null): string;
}

/** What the Electron preload puts on window (main/preload.ts). */
export interface PackdeskBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  subscribe(eventName: string, cb: (event: { name: string; payload: unknown }) => void): () => void;
}

/** Served by main/protocol.ts on the page's own origin (main/app-url.ts), from the station's data folder (another station's clip: main/remote-clip.ts). */
const APP_MEDIA = 'app://packdesk/media';

export function ipcTransport(bridge: PackdeskBridge): Transport {
  return {
    invoke: (method, input) => bridge.invoke(method, input),
    subscribe: (event, listener) => bridge.subscribe(event, (e) => listener(e as StationEvent)),
    mediaUrl: (kind, id, recordedAt) =>
      kind === 'clip' && recordedAt
        ? `${APP_MEDIA}/central/${encodeURIComponent(recordedAt)}/${encodeURIComponent(id)}`
        : `${APP_MEDIA}/${kind}/${encodeURIComponent(id)}`,
  };
}
