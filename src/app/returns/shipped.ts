/**
 * What left the building on an order, as the returns desk needs it: per line the units and serials
 * shipped, and each shipment's time, station, packer and parcels. From the order's completed
 * packing sessions; an order shipped with no session here (packed before this station kept
 * sessions, or marked shipped by the shop) counts its lines as shipped in full, with when and by
 * whom taken from its journal's completion entry.
 */
import type { Order } from '../../domain/order';
import type { PackingState } from '../../domain/packing';
import type { LineFacts } from '../../domain/returns/eligibility';
import type { JournalEntry } from '../ports/journal';
import type { ReturnsDeps } from './deps';

export interface ShipmentFact {
  sessionId: number | null;
  shippedAt: string | null;
  stationId: string | null;
  packerId: number | null;
  parcels: number;
}

export interface ShippedOrder {
  order: Order;
  shipped: boolean;
  shipments: ShipmentFact[];
  lines: LineFacts[];
}

/** Units of each line a session packed: items and whole kits, and kits made up of their parts. */
export function unitsPerLine(state: PackingState): Map<number, number> {
  const units = new Map<number, number>();
  for (const line of state.lines) {
    const own = state.units.filter((u) => u.lineId === line.lineId && u.role !== 'part').reduce((n, u) => n + u.count, 0);
    let fromParts = 0;
    if (line.kitParts && line.kitParts.length > 0) {
      fromParts = Math.min(
        ...line.kitParts.map((part) => {
          const packed = state.units
            .filter((u) => u.lineId === line.lineId && u.role === 'part' && u.productId === part.productId)
            .reduce((n, u) => n + u.count, 0);
          return Math.floor(packed / part.perKit);
        }),
      );
    }
    units.set(line.lineId, own + fromParts);
  }
  return units;
}

export function shippedOrder(deps: Pick<ReturnsDeps, 'store' | 'returns' | 'journal'>, order: Order, exceptReturnId: number | null): ShippedOrder {
  const sessions = deps.returns.shipments(order.id);
  const shipped = order.status === 'shipped' || order.status === 'partially_shipped' || sessions.length > 0;
  const units = new Map<number, number>();
  const serials = new Map<number, string[]>();
  const shipments: ShipmentFact[] = [];
  for (const s of sessions) {
    for (const [lineId, n] of unitsPerLine(s.state)) units.set(lineId, (units.get(lineId) ?? 0) + n);
    for (const u of s.state.units) if (u.serial) serials.set(u.lineId, [...(serials.get(u.lineId) ?? []), u.serial]);
    shipments.push({ sessionId: s.sessionId, shippedAt: s.completedAt, stationId: s.stationId, packerId: s.packerId, parcels: s.state.parcels.length });
  }
  if (sessions.length === 0 && shipped) {
    const entries = deps.journal.bySubject({ kind: 'order', id: order.number });
    const completed = entries.filter((e) => e.type === 'pack.completed').at(-1);
    shipments.push(fromJournal(completed));
    for (const line of order.lines) units.set(line.id, line.quantity);
    for (const e of entries) {
      const serial = e.type === 'pack.scan' && typeof e.payload.serial === 'string' && Number(e.payload.units) > 0 ? e.payload.serial : null;
      const line = serial ? order.lines.find((l) => l.sku === e.payload.sku) : undefined;
      if (serial && line) serials.set(line.id, [...(serials.get(line.id) ?? []), serial]);
    }
  }
  const before = deps.returns.returnedBefore(order.id, exceptReturnId);
  const lines = order.lines.map((line): LineFacts => {
    const product = deps.store.catalog.productById(line.productId);
    const earlier = before.filter((b) => b.lineId === line.id);
    return {
      lineId: line.id,
      productId: line.productId,
      sku: line.sku,
      name: line.name,
      shipped: units.get(line.id) ?? 0,
      returnedBefore: earlier.reduce((n, b) => n + b.quantity, 0),
      serialTracked: product?.tracking === 'serial',
      serials: serials.get(line.id) ?? [],
      serialsReturnedBefore: earlier.flatMap((b) => (b.serial ? [b.serial] : [])),
      returnable: product?.returnable ?? true,
      nonReturnableReason: product?.nonReturnableReason ?? null,
    };
  });
  return { order, shipped, shipments, lines };
}

function fromJournal(entry: JournalEntry | undefined): ShipmentFact {
  if (!entry) return { sessionId: null, shippedAt: null, stationId: null, packerId: null, parcels: 1 };
  const parcels = Array.isArray(entry.payload.parcels) ? entry.payload.parcels.length : 1;
  const sessionId = typeof entry.payload.sessionId === 'number' ? entry.payload.sessionId : null;
  return { sessionId, shippedAt: entry.at, stationId: entry.stationId, packerId: entry.actorId, parcels: Math.max(1, parcels) };
}
