import { StationFailure } from '../../contract/errors';
import type { TimelineView } from '../../contract/review';
import type { CommonPorts } from '../context';
import type { ReviewPorts, VideoPorts } from '../ports/video';
import { toSegmentView } from '../video/recorder';
import { parcelContents } from '../../domain/packing';
import type { Language } from '../../domain/user';
import { remoteSegments, type EntryAtCentral } from './remote-segments';
import { entryView, namesFor } from './words';

type Match = TimelineView['order'] & { matchedBy: 'number' | 'tracking' | 'serial' };

/** Orders a manager may mean by what they typed or scanned: an order number, a tracking number, a serial. */
export function findOrders(core: Pick<CommonPorts, 'store'>, review: ReviewPorts, query: string): Match[] {
  const matches = new Map<string, Match>();
  const add = (number: string, matchedBy: Match['matchedBy']) => {
    const order = core.store.orders.byNumber(number);
    if (order && !matches.has(order.number))
      matches.set(order.number, { number: order.number, status: order.status, customerName: order.customerName, matchedBy });
  };
  const byNumber = core.store.orders.byNumber(query) ?? core.store.orders.byReference(query);
  if (byNumber) add(byNumber.number, 'number');
  for (const number of review.lookups.ordersByTracking(query)) add(number, 'tracking');
  for (const number of review.lookups.ordersBySerial(query)) add(number, 'serial');
  return [...matches.values()];
}

/**
 * Every journal entry of an order, oldest first, with its video and a check of this station's chain
 * from its first entry. `elsewhere` are the order's entries central holds from every station (this
 * one's among them, perhaps not all replicated yet): the timeline is both, each entry once, and
 * the clips other stations recorded come from their `video.segment` entries there.
 */
export function orderTimeline(
  core: Pick<CommonPorts, 'store' | 'journal'>,
  review: ReviewPorts,
  video: VideoPorts | null,
  orderNumber: string,
  language: Language,
  elsewhere: readonly EntryAtCentral[],
): Omit<TimelineView, 'readFrom'> {
  const order = core.store.orders.byNumber(orderNumber);
  if (!order) throw new StationFailure('ORDER_NOT_FOUND', `No order matches "${orderNumber}".`, { code: orderNumber });
  const own = core.journal.bySubject({ kind: 'order', id: order.number });
  const held = new Set(own.map((e) => e.hash));
  const notHeld = elsewhere.filter((e) => !held.has(e.hash));
  const entries = [...own, ...notHeld].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.stationId.localeCompare(b.stationId) || a.seq - b.seq);
  const names = namesFor(core);
  const first = own[0]?.seq ?? core.journal.lastSeq() + 1;
  const packed = review.lookups.packedState(order.number);
  return {
    order: { number: order.number, status: order.status, customerName: order.customerName },
    parcels: packed ? parcelContents(packed.state) : [],
    packing: packed
      ? {
          packer: names.userName(packed.userId),
          stationId: packed.stationId,
          openedAt: packed.openedAt,
          completedAt: packed.completedAt,
          status: packed.status,
        }
      : null,
    entries: entries.map((entry) => {
      const { subject: _subject, ...view } = entryView(entry, language, names);
      return view;
    }),
    segments: [
      ...(video?.segments.forOrder(order.number) ?? []).map((s) => ({ ...toSegmentView(s), recordedAt: null, recordedAtName: null })),
      ...remoteSegments(notHeld).sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt)),
    ],
    chain:
      own.length > 0
        ? review.verifyFrom(first)
        : { intact: true, fromSeq: first, toSeq: first - 1, checkpointSeq: null, checkpointAt: null, message: 'no entries' },
  };
}
