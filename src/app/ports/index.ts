import type { Journal } from './journal';
import type { Store } from './store';

export * from './journal';
export * from './store';

export interface Clock {
  now(): Date;
}

export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Everything the core needs from the platform; hosts build these and call createStation. */
export interface StationPorts {
  store: Store;
  journal: Journal;
  clock: Clock;
  logger: Logger;
  /** The station this process runs as when a caller does not name one. */
  stationId: string;
  version: string;
}
