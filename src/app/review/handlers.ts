import { StationFailure } from '../../contract/errors';
import type { CommonPorts } from '../context';
import type { HandlerSlice } from '../handlers';
import type { ReviewPorts, VideoPorts } from '../ports/video';
import type { ReturnsRepository } from '../ports/returns';
import { roleAllows, type User } from '../../domain/user';
import { acrossStations, type Across } from '../central/across';
import { findOrders, orderTimeline } from './timeline';
import { readerLanguage } from './words';

type ReviewMethods = 'review.find' | 'review.timeline' | 'review.evidence';

/** What review uses: orders, the journal, its own lookups and evidence export, and the order's video; null where a host has none. */
export interface ReviewDeps extends Pick<CommonPorts, 'store' | 'journal'> {
  review: ReviewPorts | null;
  video: VideoPorts | null;
  returns: Pick<ReturnsRepository, 'forOrder'>;
  /** Attached: the order's entries from every station through central. */
  across: Across;
}

/**
 * Whether someone may read an order's timeline and watch its clips: managers any order's; a
 * returns handler only an order that has a return, so the desk shows what was shipped, as it was
 * shipped, for the parcel in hand and nothing else.
 */
export function mayReadOrder(deps: Pick<ReviewDeps, 'store' | 'returns'>, user: User | null, orderNumber: string): boolean {
  if (!user) return false;
  if (roleAllows(user.role, ['manager', 'admin'])) return true;
  if (user.role !== 'returns') return false;
  const order = deps.store.orders.byNumber(orderNumber);
  return order !== null && deps.returns.forOrder(order.id).length > 0;
}

export function reviewHandlers(core: ReviewDeps): HandlerSlice<ReviewMethods> {
  const { review, video } = core;
  const ports = (): ReviewPorts => {
    if (!review) throw new StationFailure('EVIDENCE_UNAVAILABLE', 'This station host cannot review or export evidence.');
    return review;
  };
  return {
    'review.find': ({ query }) => findOrders(core, ports(), query),
    'review.timeline': async ({ orderNumber, language }, call) => {
      if (!mayReadOrder(core, call.user, orderNumber)) {
        throw new StationFailure('FORBIDDEN', `A returns handler reads the timeline only of an order that has a return; ${orderNumber} has none.`, {
          role: call.user?.role ?? '',
        });
      }
      const number = core.store.orders.byNumber(orderNumber)?.number ?? orderNumber;
      const { value: elsewhere, readFrom } = await acrossStations(
        core.across,
        'order timeline',
        (link) => link.orderEntries(number),
        (entries) => entries,
        () => [],
      );
      return { ...orderTimeline(core, ports(), video, orderNumber, readerLanguage(core, call, language), elsewhere), readFrom };
    },
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
