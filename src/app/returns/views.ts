import type { NotOursView, ReturnSummary, ReturnView } from '../../contract/returns-schemas';
import type { Order } from '../../domain/order';
import { deadlineState } from '../../domain/returns/deadlines';
import { complaintDeemedAccepted } from '../../domain/returns/deadlines';
import { suggestedDisposition } from '../../domain/returns/grading';
import { suggestedRefund } from '../../domain/returns/decision';
import type { Deadline } from '../../domain/returns/calendar';
import { roleAllows, type User } from '../../domain/user';
import type { NotOurParcelRecord, ReturnPhotoRecord, ReturnRecord } from '../ports/returns';
import type { ReturnsDeps } from './deps';
import { shippedOrder, type ShipmentFact } from './shipped';

const MANAGERS = ['manager', 'admin'] as const;

export function nameOf(deps: Pick<ReturnsDeps, 'store'>, id: number | null): string {
  if (id === null) return '';
  return deps.store.users.byId(id)?.name ?? `#${id}`;
}

export function deadlineView(deadline: Deadline & { kind: 'refund' | 'answer' | 'settle' | 'hold' }, now: Date, zone: string) {
  return { kind: deadline.kind, lastDay: deadline.lastDay, endsAt: deadline.endsAt, ...deadlineState(deadline, now, zone) };
}

export function stageOf(record: ReturnRecord): ReturnSummary['stage'] {
  if (record.status === 'decided') return record.refund && record.refund.amountMinor > 0 ? 'awaiting_refund' : 'decided';
  return record.status;
}

/** Who shipped it: a manager always sees the packer; a handler only once the return is decided, so the name cannot sway the grading. */
export function shipmentViews(deps: Pick<ReturnsDeps, 'store'>, shipments: ShipmentFact[], viewer: User | null, decided: boolean) {
  const mayName = decided || (viewer !== null && roleAllows(viewer.role, MANAGERS));
  return shipments.map((s) => ({
    sessionId: s.sessionId,
    shippedAt: s.shippedAt,
    stationId: s.stationId,
    parcels: s.parcels,
    packer: mayName && s.packerId !== null ? nameOf(deps, s.packerId) : null,
  }));
}

export function photoView(photo: ReturnPhotoRecord) {
  return { id: photo.id, itemId: photo.itemId, mimeType: photo.mimeType, bytes: photo.bytes, sha256: photo.sha256, takenAt: photo.takenAt };
}

export function returnSummary(deps: Pick<ReturnsDeps, 'store' | 'returns' | 'clock'>, record: ReturnRecord, order: Order | null): ReturnSummary {
  const now = deps.clock.now();
  return {
    number: record.number,
    type: record.type,
    status: record.status,
    stage: stageOf(record),
    orderNumber: order?.number ?? `#${record.orderId}`,
    customerName: order?.customerName ?? '',
    stationId: record.stationId,
    receivedAt: record.receivedAt,
    deadline: deadlineView(record.deadline, now, record.timeZone),
    deemedAccepted: complaintDeemedAccepted(record.type, record.status !== 'open', record.deadline, now),
    items: deps.returns.items(record.id).reduce((n, i) => n + i.quantity, 0),
  };
}

export function returnView(deps: Pick<ReturnsDeps, 'store' | 'returns' | 'clock' | 'journal'>, record: ReturnRecord, viewer: User | null): ReturnView {
  const order = deps.store.orders.byId(record.orderId);
  if (!order) throw new Error(`Return ${record.number} points at order ${record.orderId}, which is gone.`);
  const shipped = shippedOrder(deps, order, record.id);
  const items = deps.returns.items(record.id);
  const decided = record.status !== 'open';
  const { eligibility } = record;
  return {
    ...returnSummary(deps, record, order),
    orderId: order.id,
    handler: nameOf(deps, record.handlerId),
    identifiedBy: record.identifiedBy,
    receivedOn: record.receivedOn,
    declaredOn: record.declaredOn,
    deliveredOn: record.deliveredOn,
    timeZone: record.timeZone,
    eligibility: {
      eligible: eligibility.eligible,
      refusals: eligibility.refusals,
      warnings: eligibility.warnings,
      window: eligibility.window
        ? {
            countedFrom: eligibility.window.countedFrom,
            startDay: eligibility.window.startDay,
            days: eligibility.window.days,
            lastDay: eligibility.window.deadline.lastDay,
          }
        : null,
      override: record.override ? { manager: nameOf(deps, record.override.by), reason: record.override.reason } : null,
    },
    shipments: shipmentViews(deps, shipped.shipments, viewer, decided),
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
      onThisReturn: items
        .filter((i) => i.lineId === line.lineId && i.condition !== 'missing' && i.condition !== 'wrong_item')
        .reduce((n, i) => n + i.quantity, 0),
    })),
    items: items.map((item) => ({
      id: item.id,
      lineId: item.lineId,
      sku: item.sku,
      name: item.name,
      serial: item.serial,
      quantity: item.quantity,
      condition: item.condition,
      disposition: item.disposition,
      suggestedDisposition: item.condition ? suggestedDisposition(item.condition) : null,
      reasonCode: item.reasonCode,
      note: item.note,
      packingErrorConfirmed: item.packingErrorConfirmed,
      attributedTo: item.packerId !== null ? { sessionId: item.packingSessionId, packer: nameOf(deps, item.packerId) } : null,
    })),
    suggestedRefund: refundSuggestion(order, items),
    decision:
      record.decidedAt !== null
        ? {
            refund: record.refund,
            outcome: record.outcome,
            reason: record.decisionReason,
            decidedAt: record.decidedAt,
            decidedBy: nameOf(deps, record.decidedBy),
          }
        : null,
    closedAt: record.closedAt,
    note: record.note,
    photos: deps.returns.photos({ returnId: record.id }).map(photoView),
  };
}

export function notOursSummary(record: NotOurParcelRecord, now: Date, zone: string) {
  return {
    number: record.number,
    status: record.status,
    senderName: record.sender.name,
    tracking: record.tracking,
    receivedAt: record.receivedAt,
    hold: deadlineView({ kind: 'hold', ...record.hold }, now, zone),
  };
}

export function notOursView(deps: Pick<ReturnsDeps, 'store' | 'returns' | 'clock'>, record: NotOurParcelRecord, zone: string): NotOursView {
  return {
    ...notOursSummary(record, deps.clock.now(), zone),
    stationId: record.stationId,
    handler: nameOf(deps, record.handlerId),
    sender: record.sender,
    carrier: record.carrier,
    scanned: record.scanned,
    note: record.note,
    linkedOrderNumber: record.linkedOrderId !== null ? (deps.store.orders.byId(record.linkedOrderId)?.number ?? null) : null,
    resolvedAt: record.resolvedAt,
    resolutionNote: record.resolutionNote,
    photos: deps.returns.photos({ notOursId: record.id }).map(photoView),
  };
}

/** The returns desk's list: open returns by deadline and the parcels held, or only the overdue ones. The screen and `packdesk returns list` both read it. */
export function returnsList(deps: Pick<ReturnsDeps, 'store' | 'returns' | 'clock'>, options: { overdue?: boolean | undefined; limit: number }, zone: string) {
  const now = deps.clock.now();
  const records = deps.returns.listOpen(options.overdue ? { limit: options.limit, dueBefore: now.toISOString() } : { limit: options.limit });
  const held = deps.returns.listHeld({ limit: options.limit });
  return {
    returns: records.map((r) => returnSummary(deps, r, deps.store.orders.byId(r.orderId))),
    notOurs: held.map((p) => notOursSummary(p, now, zone)).filter((p) => !options.overdue || p.hold.overdue),
  };
}

/** The refund suggested for a return's items, from its order's line prices. */
export function refundSuggestion(order: Order, items: Parameters<typeof suggestedRefund>[0]) {
  return suggestedRefund(items, (lineId) => order.lines.find((l) => l.id === lineId)?.unitPrice ?? null);
}
