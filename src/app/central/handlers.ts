import { StationFailure } from '../../contract/errors';
import type { HandlerSlice } from '../handlers';
import type { CentralAttachment } from './attachment';

export function centralHandlers(attachment: CentralAttachment | null): HandlerSlice<'central.status' | 'central.release'> {
  return {
    'central.status': () => attachment?.status() ?? { attached: false, online: false, leases: [] },
    'central.release': async ({ orderNumber }) => {
      if (!attachment) throw new StationFailure('CENTRAL_NOT_ATTACHED', 'This station is not attached to central; there is nothing to release there.');
      return { releasedFrom: await attachment.release(orderNumber) };
    },
  };
}
