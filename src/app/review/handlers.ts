import { StationFailure } from '../../contract/errors';
import type { CommonPorts } from '../context';
import type { HandlerSlice } from '../handlers';
import type { ReviewPorts, VideoPorts } from '../ports/video';
import { findOrders, orderTimeline } from './timeline';
import { readerLanguage } from './words';

type ReviewMethods = 'review.find' | 'review.timeline' | 'review.evidence';

/** What review uses: orders, the journal, its own lookups and evidence export, and the order's video; null where a host has none. */
export interface ReviewDeps extends Pick<CommonPorts, 'store' | 'journal'> {
  review: ReviewPorts | null;
  video: VideoPorts | null;
}

export function reviewHandlers(core: ReviewDeps): HandlerSlice<ReviewMethods> {
  const { review, video } = core;
  const ports = (): ReviewPorts => {
    if (!review) throw new StationFailure('EVIDENCE_UNAVAILABLE', 'This station host cannot review or export evidence.');
    return review;
  };
  return {
    'review.find': ({ query }) => findOrders(core, ports(), query),
    'review.timeline': ({ orderNumber, language }, call) => orderTimeline(core, ports(), video, orderNumber, readerLanguage(core, call, language)),
    'review.evidence': async ({ orderNumber, language }, call) => {
      const order = core.store.orders.byNumber(orderNumber);
      if (!order) throw new StationFailure('ORDER_NOT_FOUND', `No order matches "${orderNumber}".`, { code: orderNumber });
      // The report is in the language of the manager who asked for it.
      const made = await ports().exportEvidence(order.number, readerLanguage(core, call, language));
      core.journal.append({
        type: 'evidence.exported',
        stationId: call.stationId,
        actorId: call.user?.id ?? null,
        subject: { kind: 'order', id: order.number },
        payload: { file: made.file, bytes: made.bytes, sha256: made.sha256 },
      });
      return made;
    },
  };
}
