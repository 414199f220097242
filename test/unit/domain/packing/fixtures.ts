import type { KitPart, PackingState, ResolvedScan, ScanRules, SessionLine } from '../../../../src/domain/packing';
import { startPacking } from '../../../../src/domain/packing';

export const MUG = 11;
export const TEA = 12;
export const PHONE = 13;
export const KIT = 14;
export const BRUSH = 15;
export const SOAP = 16;
export const STRANGER = 99;

function line(lineId: number, productId: number, ordered: number, extra: Partial<SessionLine> = {}): SessionLine {
  return {
    lineId,
    productId,
    sku: `SKU-${productId}`,
    name: `Product ${productId}`,
    ordered,
    weightGrams: 100,
    tracking: 'none',
    refuseExpired: false,
    kitParts: null,
    ...extra,
  };
}

const part = (productId: number, perKit: number): KitPart => ({
  productId,
  sku: `SKU-${productId}`,
  name: `Part ${productId}`,
  perKit,
  weightGrams: 50,
  tracking: 'none',
  refuseExpired: false,
});

/** Mugs ×2, tea (lot, expired refused) ×1, phone (serial) ×1, gift kit (2 brushes + 1 soap) ×1, soap ×12 (bulk). */
export function order(): PackingState {
  return startPacking(7, 'PD-1', [
    line(1, MUG, 2, { weightGrams: 350 }),
    line(2, TEA, 1, { tracking: 'lot', refuseExpired: true }),
    line(3, PHONE, 1, { tracking: 'serial', weightGrams: 200 }),
    line(4, KIT, 1, { kitParts: [part(BRUSH, 2), part(SOAP, 1)], weightGrams: 160 }),
    line(5, SOAP, 12),
  ]);
}

export const rules = (shipped: string[] = []): ScanRules => ({
  today: '2026-11-20',
  bulkThreshold: 10,
  serialShipped: (_productId, serial) => shipped.includes(serial),
});

export const product = (productId: number, extra: Partial<Extract<ResolvedScan, { kind: 'product' }>> = {}): ResolvedScan => ({
  kind: 'product',
  productId,
  units: 1,
  serial: null,
  lot: null,
  expiry: null,
  ...extra,
});
