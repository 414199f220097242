import type { PackingView } from '../../contract/packing';
import type { Order } from '../../domain/order';
import { expectedParcelGrams, lineComplete, packedOnLine, remainingBlockers, type PackingState, type Pending, type SessionLine } from '../../domain/packing';
import { checkWeight } from '../../domain/weight';
import type { PackingRules, PackingSessionRecord } from '../ports';

export function completionRules(rules: PackingRules) {
  return { tolerance: { grams: rules.toleranceGrams, percent: rules.tolerancePercent }, requireWeight: rules.requireWeight };
}

/** Name and SKU of whatever a product is in this order: a line item or a kit part. */
export function productLabel(state: PackingState, productId: number): { sku: string; name: string } | null {
  for (const line of state.lines) {
    if (line.productId === productId) return { sku: line.sku, name: line.name };
    const part = line.kitParts?.find((p) => p.productId === productId);
    if (part) return { sku: part.sku, name: part.name };
  }
  return null;
}

function partsPacked(state: PackingState, line: SessionLine, productId: number): number {
  return state.units.filter((u) => u.lineId === line.lineId && u.role === 'part' && u.productId === productId).reduce((n, u) => n + u.count, 0);
}

function pendingView(state: PackingState, pending: Pending | null): PackingView['pending'] {
  if (!pending) return null;
  if (pending.kind === 'error') return { kind: 'error', verdict: pending.verdict };
  const label = productLabel(state, pending.productId) ?? { sku: '?', name: '?' };
  if (pending.kind === 'quantity') return { kind: 'quantity', ...label, max: pending.max };
  if (pending.kind === 'expiry') return { kind: 'expiry', ...label, lot: pending.lot ?? '' };
  return { kind: pending.kind, ...label };
}

export function packingView(record: PackingSessionRecord, order: Order, rules: PackingRules, managerName: (id: number) => string): PackingView {
  const { state } = record;
  const blockers = remainingBlockers(state, completionRules(rules));
  return {
    sessionId: record.id,
    order: {
      id: order.id,
      number: order.number,
      customerName: order.customerName,
      shipTo: order.shipTo,
      carrierCode: order.carrierCode,
      service: order.service,
      pickupPoint: order.delivery?.pickupPoint ?? null,
      note: order.note,
    },
    lines: state.lines.map((line) => ({
      lineId: line.lineId,
      sku: line.sku,
      name: line.name,
      ordered: line.ordered,
      packed: packedOnLine(state, line),
      complete: lineComplete(state, line),
      tracking: line.tracking,
      fragile: line.fragile ?? false,
      bulk: line.ordered >= rules.bulkThreshold && line.tracking !== 'serial' && !line.kitParts,
      parts: line.kitParts?.map((p) => ({ sku: p.sku, name: p.name, perKit: p.perKit, packed: partsPacked(state, line, p.productId) })) ?? null,
    })),
    units: state.units.map((unit) => ({
      id: unit.id,
      lineId: unit.lineId,
      ...(productLabel(state, unit.productId) ?? { sku: '?', name: '?' }),
      count: unit.count,
      serial: unit.serial,
      lot: unit.lot,
      expiry: unit.expiry,
      parcelNo: unit.parcelNo,
    })),
    parcels: state.parcels.map((parcel) => {
      const expectedGrams = expectedParcelGrams(state, parcel);
      const tolerance = { grams: rules.toleranceGrams, percent: rules.tolerancePercent };
      return {
        no: parcel.no,
        boxCode: parcel.boxCode,
        tareGrams: parcel.tareGrams,
        expectedGrams,
        weightGrams: parcel.weightGrams,
        weightSource: parcel.weightSource,
        weightOk: parcel.weightGrams === null ? null : checkWeight(expectedGrams, parcel.weightGrams, tolerance).ok,
        units: state.units.filter((u) => u.parcelNo === parcel.no).reduce((n, u) => n + u.count, 0),
      };
    }),
    activeParcel: state.activeParcel,
    pending: pendingView(state, state.pending),
    overrides: state.overrides.map((o) => ({ kind: o.kind, managerName: managerName(o.managerId), reason: o.reason, at: o.at })),
    blockers,
    canComplete: blockers.length === 0,
  };
}
