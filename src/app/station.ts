import type { EventListener } from './events';
import { EventStream } from './events';
import { authHandlers, Logins } from './auth';
import { createDispatch, type Dispatch } from './dispatch';
import type { Handlers } from './handlers';
import { orderHandlers } from './orders';
import type { StationPorts } from './ports';
import { settingsHandlers } from './settings';

/** The station core as hosts see it: one dispatcher, one event stream, and the housekeeping hooks. */
export interface Station {
  dispatch: Dispatch;
  events: { subscribe(listener: EventListener): () => void };
  /** Ends logins idle for longer than their station allows; hosts call this on a timer. */
  expireIdleLogins(): void;
}

export function createStation(ports: StationPorts): Station {
  const events = new EventStream();
  const core = { ...ports, events };
  const logins = new Logins(core);
  const handlers: Handlers = {
    ...authHandlers(logins, core),
    ...orderHandlers(core),
    ...settingsHandlers(core),
  };
  return {
    dispatch: createDispatch(core, logins, handlers),
    events: { subscribe: (listener) => events.subscribe(listener) },
    expireIdleLogins: () => logins.expireIdle(),
  };
}
