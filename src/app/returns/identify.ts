/**
 * Which order a parcel at the returns desk belongs to, from anything scanned or typed on it: the
 * slip's return code (RET-…), an older slip's bare order number, a return number, the pick list,
 * our label's SSCC or tracking number, a carrier's return label linked to the order, an item's
 * serial, or the customer's e-mail or name. Each way is one indexed lookup; all are tried and the
 * candidates come back once each, the strongest match first.
 */
import type { ReturnCandidate } from '../../contract/returns-schemas';
import { orderNumberInReturnCode } from '../../domain/returns/return-code';
import { searchWords } from '../../domain/returns/search-terms';
import type { User } from '../../domain/user';
import type { ReturnsDeps } from './deps';
import { shippedOrder } from './shipped';
import { notOursSummary, shipmentViews } from './views';

type MatchedBy = ReturnCandidate['matchedBy'];

/** At most this many candidates: a name typed at the desk is narrowed by a second word, not by scrolling. */
export const MAX_CANDIDATES = 10;

/** A scanner's AIM prefix (]C1, ]E0…) and a GS1-128 SSCC's AI 00 are read through. */
function variants(text: string): string[] {
  const bare = /^\][A-Za-z]\d/.test(text) ? text.slice(3) : text;
  const out = new Set([text, bare]);
  if (/^00\d{18}$/.test(bare)) out.add(bare.slice(2));
  return [...out];
}

export function identify(deps: ReturnsDeps, text: string, viewer: User | null, zone: string) {
  const { store, returns } = deps;
  const found = new Map<number, MatchedBy>();
  const add = (orderId: number | null | undefined, by: MatchedBy) => {
    if (orderId !== null && orderId !== undefined && !found.has(orderId) && found.size < MAX_CANDIDATES) found.set(orderId, by);
  };
  const trimmed = text.trim();
  for (const code of variants(trimmed)) {
    const fromSlip = orderNumberInReturnCode(code);
    if (fromSlip !== null) add(store.orders.byNumber(fromSlip)?.id, 'return_code');
    add(store.orders.byNumber(code)?.id, 'order_number');
    add(returns.byNumber(code)?.orderId, 'return_number');
    for (const id of returns.lookups.byTracking(code)) add(id, 'tracking');
    add(store.orders.byReference(code)?.id, 'pick_list');
    for (const id of returns.lookups.byReturnLabel(code)) add(id, 'return_label');
    for (const id of returns.lookups.bySerial(code)) add(id, 'serial');
  }
  if (trimmed.includes('@')) for (const id of returns.lookups.byEmail(trimmed, MAX_CANDIDATES)) add(id, 'email');
  // A name is typed, not scanned: only when no code matched, and only from words with letters.
  const words = searchWords(trimmed).filter((w) => /\p{L}/u.test(w));
  if (found.size === 0 && words.length > 0) for (const id of returns.lookups.byCustomer(words, MAX_CANDIDATES)) add(id, 'customer');

  const candidates: ReturnCandidate[] = [];
  for (const [orderId, matchedBy] of found) {
    const order = store.orders.byId(orderId);
    if (!order) continue;
    const shipped = shippedOrder(deps, order, null);
    candidates.push({
      orderId: order.id,
      number: order.number,
      status: order.status,
      customerName: order.customerName,
      email: order.shipTo.email,
      city: order.shipTo.city,
      matchedBy,
      tracking: returns.lookups.trackingOf(order.id),
      shipped: shipped.shipped,
      shipments: shipmentViews(deps, shipped.shipments, viewer, false),
      lines: shipped.lines.map((line) => ({
        lineId: line.lineId,
        sku: line.sku,
        name: line.name,
        ordered: order.lines.find((l) => l.id === line.lineId)?.quantity ?? 0,
        shipped: line.shipped,
        returnedBefore: line.returnedBefore,
        serialTracked: line.serialTracked,
        serials: [...line.serials],
        returnable: line.returnable,
        nonReturnableReason: line.nonReturnableReason,
      })),
      returns: returns.forOrder(order.id).map((r) => ({ number: r.number, type: r.type, status: r.status })),
    });
  }
  const now = deps.clock.now();
  const parcels = [
    ...new Map(
      [...(returns.notOursByNumber(trimmed) ? [returns.notOursByNumber(trimmed)!] : []), ...returns.notOursByTracking(trimmed)].map((p) => [p.id, p]),
    ).values(),
  ];
  return { candidates, notOurs: parcels.map((p) => notOursSummary(p, now, zone)) };
}
