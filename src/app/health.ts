import type { CommonPorts } from './context';
import type { HandlerSlice } from './handlers';

/** Whether the station's core is alive and can read its database and journal. */
export function healthHandlers(core: Pick<CommonPorts, 'journal' | 'clock'> & { version: string }): HandlerSlice<'station.health'> {
  return {
    'station.health': (_input, call) => ({
      version: core.version,
      stationId: call.stationId,
      time: core.clock.now().toISOString(),
      journalEntries: core.journal.lastSeq(),
    }),
  };
}
