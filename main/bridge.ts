import type { Result } from '../src/contract/errors';
import type { EventName, StationEvent } from '../src/contract/events';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';

/** The slice of ipcRenderer the bridge uses; a fake in tests, ipcRenderer in the preload. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** What the page sees as `window.packdesk`: exactly two functions, nothing of Electron. */
export interface PackdeskBridge {
  invoke(method: string, input?: unknown): Promise<Result<unknown>>;
  subscribe<E extends EventName>(event: E, callback: (event: StationEvent<E>) => void): () => void;
}

interface Subscription {
  name: string;
  callback: (event: StationEvent) => void;
}

function isStationEvent(value: unknown): value is StationEvent {
  return typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string';
}

/**
 * Builds the page's API over an ipc-like object. One listener on the event channel fans out
 * to subscribers, so many subscriptions do not pile up IPC listeners, and callbacks receive
 * only `{ name, payload }`: never the IpcRendererEvent, whose `sender` is ipcRenderer itself.
 */
export function buildBridge(ipc: RendererIpc): PackdeskBridge {
  const subscriptions = new Set<Subscription>();
  const onEvent = (_event: unknown, message: unknown): void => {
    if (!isStationEvent(message)) return;
    for (const subscription of [...subscriptions]) {
      if (subscription.name === message.name) subscription.callback({ name: message.name, payload: message.payload });
    }
  };

  return {
    invoke(method, input) {
      return ipc.invoke(INVOKE_CHANNEL, method, input) as Promise<Result<unknown>>;
    },
    subscribe(event, callback) {
      const subscription: Subscription = { name: event, callback: callback as (event: StationEvent) => void };
      if (subscriptions.size === 0) ipc.on(EVENT_CHANNEL, onEvent);
      subscriptions.add(subscription);
      return () => {
        if (!subscriptions.delete(subscription)) return;
        if (subscriptions.size === 0) ipc.removeListener(EVENT_CHANNEL, onEvent);
      };
    },
  };
}
