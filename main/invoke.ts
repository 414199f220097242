import { fail } from '../src/contract/errors';
import type { Result } from '../src/contract/errors';
import { pacedDelivery } from '../src/app/events';
import type { StationEvent } from '../src/contract/events';
import { isTrustedSender } from './sender';
import type { SenderFrame } from './sender';
import type { ShellLog } from './shell-log';

/** The part of the station the shell talks to; the real Station satisfies it structurally. */
export interface StationCalls {
  dispatch(method: string, input: unknown, options: { client: WindowClient }): Promise<Result<unknown>>;
}

/** A window as the core knows it: logins belong to it, so two windows never share one. */
export interface WindowClient {
  key: string;
}

/** One client per web contents, named at random so nothing outside this process can claim it. */
export class WindowClients {
  private readonly byContents = new Map<number, WindowClient>();

  constructor(private readonly random: () => string) {}

  of(contentsId: number): WindowClient {
    let client = this.byContents.get(contentsId);
    if (!client) this.byContents.set(contentsId, (client = { key: `window:${this.random()}` }));
    return client;
  }
}

export interface StationEventSource {
  subscribe(listener: (event: StationEvent) => void): () => void;
}

export type InvokeHandler = (sender: SenderFrame | null, method: unknown, input: unknown) => Promise<Result<unknown>>;

/**
 * The invoke channel's logic without Electron: check who is calling, then hand the call to
 * the contract dispatcher, which validates method and input. Always answers with a Result so
 * the renderer never sees a rejected promise or a stack trace.
 */
export function createInvokeHandler(station: StationCalls, log: ShellLog, clients: WindowClients): InvokeHandler {
  return async (sender, method, input) => {
    if (!isTrustedSender(sender)) {
      log('refused IPC from an untrusted sender', {
        url: sender?.url ?? null,
        isMainFrame: sender?.isMainFrame ?? null,
        method: typeof method === 'string' ? method.slice(0, 100) : typeof method,
      });
      return fail('FORBIDDEN', 'This page may not call the station.');
    }
    if (typeof method !== 'string') return fail('UNKNOWN_METHOD', 'The method name must be a string.');
    try {
      return await station.dispatch(method, input, { client: clients.of(sender!.contentsId) });
    } catch (error) {
      // The dispatcher is not supposed to throw; if it does, it is a bug worth a log line.
      log('station dispatch threw', { method, error: String(error) });
      return fail('INTERNAL', 'The station could not handle the call.');
    }
  };
}

/**
 * Forwards every core event as `{ name, payload }` until the returned function is called, paced
 * as the browser host paces its event streams (src/app/events.ts): after the call that set it off
 * has answered, hints at most twice a second.
 */
export function forwardStationEvents(
  events: StationEventSource,
  send: (event: StationEvent) => void,
  hears: (event: StationEvent) => boolean = () => true,
): () => void {
  const delivery = pacedDelivery((event) => {
    if (hears(event)) send({ name: event.name, payload: event.payload });
  });
  const unsubscribe = events.subscribe((event) => delivery.push(event));
  return () => {
    unsubscribe();
    delivery.close();
  };
}
