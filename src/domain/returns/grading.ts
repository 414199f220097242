/**
 * Grading at the desk: each returned item is scanned against what was shipped on the order. An
 * item we did not ship on this order is recorded as a wrong item; more units than left, or a serial
 * we did not ship on this order, are refused with a sentence and change nothing.
 */
import { unitsLeft, type LineFacts, type SentenceParams } from './eligibility';
import type { Condition, Disposition, ReasonCode } from './types';

/** What the return holds so far: per line, units and serials. */
export interface ReturnedSoFar {
  lineId: number | null;
  quantity: number;
  serial: string | null;
}

export interface ScannedItem {
  /** The product the scan resolved to; null for a code the catalogue does not know. */
  productId: number | null;
  serial: string | null;
  quantity: number;
}

export type ItemMatch =
  | { kind: 'matched'; lineId: number }
  | { kind: 'wrong_item' }
  | { kind: 'refused'; key: 'too_many' | 'serial_needed' | 'serial_not_shipped' | 'serial_already_returned'; params: SentenceParams };

/**
 * Matches a scanned item to a line of the order. Of several lines of the same product, the first
 * with units left takes it. A serial-numbered item needs its serial, which must be one shipped on
 * this order and not returned yet.
 */
export function matchReturnedItem(lines: readonly LineFacts[], soFar: readonly ReturnedSoFar[], scanned: ScannedItem): ItemMatch {
  const candidates = lines.filter((line) => line.productId === scanned.productId);
  if (scanned.productId === null || candidates.length === 0) return { kind: 'wrong_item' };
  const held = (lineId: number) => soFar.filter((item) => item.lineId === lineId).reduce((n, item) => n + item.quantity, 0);
  const first = candidates[0]!;
  const product = { sku: first.sku, name: first.name };
  if (first.serialTracked) {
    if (scanned.serial === null) return { kind: 'refused', key: 'serial_needed', params: product };
    const line = candidates.find((l) => l.serials.includes(scanned.serial!));
    if (!line) return { kind: 'refused', key: 'serial_not_shipped', params: { ...product, serial: scanned.serial } };
    const again = line.serialsReturnedBefore.includes(scanned.serial) || soFar.some((item) => item.lineId === line.lineId && item.serial === scanned.serial);
    if (again) return { kind: 'refused', key: 'serial_already_returned', params: { ...product, serial: scanned.serial } };
    if (scanned.quantity !== 1) return { kind: 'refused', key: 'too_many', params: { ...product, requested: scanned.quantity, left: 1 } };
    return { kind: 'matched', lineId: line.lineId };
  }
  const line = candidates.find((l) => unitsLeft(l, held(l.lineId)) >= scanned.quantity);
  if (!line) {
    const left = candidates.reduce((n, l) => n + unitsLeft(l, held(l.lineId)), 0);
    return { kind: 'refused', key: 'too_many', params: { ...product, requested: scanned.quantity, left } };
  }
  return { kind: 'matched', lineId: line.lineId };
}

/** A sensible disposition for a condition, offered first on the screen; none for an item that is missing. */
export function suggestedDisposition(condition: Condition): Disposition | null {
  switch (condition) {
    case 'unopened':
    case 'opened':
      return 'restock';
    case 'used':
    case 'damaged':
      return 'refurbish';
    case 'wrong_item':
    case 'not_ours':
      return 'to_customer';
    case 'missing':
      return null;
  }
}

/** A missing item has nothing to dispose of; every other condition takes any disposition. */
export function dispositionAllowed(condition: Condition, disposition: Disposition | null): boolean {
  return condition === 'missing' ? disposition === null : true;
}

/**
 * Whether an item counts against the packer: its reason is a packing error, and the handler
 * confirmed it (having seen the parcel; the packer's name is shown only after deciding).
 */
export function countsAgainstPacker(reason: Pick<ReasonCode, 'packingError'> | null, confirmed: boolean): boolean {
  return reason !== null && reason.packingError && confirmed;
}

/** Items labelled for the back room: refurbishment and scrap each get a small label. */
export function needsItemLabel(disposition: Disposition | null): boolean {
  return disposition === 'refurbish' || disposition === 'scrap';
}
