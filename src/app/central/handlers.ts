import { StationFailure } from '../../contract/errors';
import type { CommonPorts } from '../context';
import type { HandlerSlice } from '../handlers';
import type { Across } from './across';
import type { CentralAttachment } from './attachment';

type CentralMethods = 'central.status' | 'central.release' | 'central.floor' | 'central.requeue';

export function centralHandlers(
  core: Pick<CommonPorts, 'journal' | 'logger'>,
  attachment: CentralAttachment | null,
  across: Across,
): HandlerSlice<CentralMethods> {
  return {
    'central.status': () => attachment?.status() ?? { attached: false, online: false, leases: [] },
    'central.release': async ({ orderNumber }) => {
      if (!attachment) throw new StationFailure('CENTRAL_NOT_ATTACHED', 'This station is not attached to central; there is nothing to release there.');
      return { releasedFrom: await attachment.release(orderNumber) };
    },
    'central.floor': async () => {
      const none = { alarms: [], parked: [], counts: { queued: 0, parked: 0, sent: 0 } };
      if (!across.link) return { readFrom: 'station', unreachable: null, ...none };
      const [alarms, parked] = await Promise.all([across.link.alarms(), across.link.parked()]);
      if (!alarms.reached || !parked.reached) {
        const why = !alarms.reached ? alarms.why : !parked.reached ? parked.why : '';
        core.logger.warn('central cannot be reached: no alarms or parked events to show', { why });
        return { readFrom: 'station-only', unreachable: why, ...none };
      }
      return { readFrom: 'central', unreachable: null, alarms: alarms.value, parked: parked.value.events, counts: parked.value.counts };
    },
    'central.requeue': async ({ centralId }, call) => {
      if (!across.link) throw new StationFailure('CENTRAL_NOT_ATTACHED', 'This station is not attached to central; it parks no shop events there.');
      const parked = await across.link.parked();
      const event = parked.reached ? parked.value.events.find((e) => e.centralId === centralId) : undefined;
      const requeued = await across.link.requeue(centralId, call.user?.id ?? null);
      if (!requeued.reached) {
        throw new StationFailure('CENTRAL_UNREACHABLE', 'Central cannot be reached; send the event again once it is back.', { id: String(centralId) });
      }
      core.journal.append({
        type: 'central.requeued',
        stationId: call.stationId,
        actorId: call.user?.id ?? null,
        subject: event ? { kind: 'order', id: event.orderNumber } : null,
        payload: {
          centralId,
          requeued: requeued.value,
          stationId: event?.stationId ?? null,
          orderNumber: event?.orderNumber ?? null,
          eventType: event?.type ?? null,
        },
      });
      return { requeued: requeued.value };
    },
  };
}
