import type { User } from '../domain/user';
import type { StationPorts } from './ports';
import type { EventStream } from './events';

/** Who is calling: the station the call comes from and the user logged in there, if any. */
export interface CallContext {
  stationId: string;
  user: User | null;
}

/** What every use case gets: the ports and the event stream. */
export interface Core extends StationPorts {
  events: EventStream;
}
