import type { Tracking } from '../catalog';
import type { Verdict } from './verdict';

/** One component of a kit line, as the catalogue defines the kit. */
export interface KitPart {
  productId: number;
  sku: string;
  name: string;
  perKit: number;
  weightGrams: number;
  tracking: Tracking;
  refuseExpired: boolean;
}

export interface SessionLine {
  lineId: number;
  productId: number;
  sku: string;
  name: string;
  ordered: number;
  weightGrams: number;
  tracking: Tracking;
  refuseExpired: boolean;
  /**
   * The catalogue marks the product fragile (a kit: itself or any of its parts), so the packer is
   * told to wrap it. Absent in sessions opened before the catalogue marked fragile products: not fragile.
   */
  fragile?: boolean;
  /** Kit lines: the components that may be scanned instead of the kit's own barcode. */
  kitParts: KitPart[] | null;
}

/** Units that went into the parcel with one scan (a case code counts as many). */
export interface PackedUnit {
  id: number;
  lineId: number;
  productId: number;
  count: number;
  /** 'kit': the pre-assembled kit itself; 'part': a kit component; 'item': anything else. */
  role: 'item' | 'kit' | 'part';
  serial: string | null;
  lot: string | null;
  expiry: string | null;
  parcelNo: number;
  weightGrams: number;
}

export interface Parcel {
  no: number;
  boxCode: string | null;
  tareGrams: number;
  weightGrams: number | null;
  weightSource: 'scale' | 'manual' | null;
}

/** What the session waits for before the next scan counts as an item. */
export type Pending =
  | { kind: 'error'; verdict: Verdict; raw: string }
  /** 'expiry': the lot is known (`lot`), its expiry is asked because expired lots are refused. */
  | { kind: 'serial' | 'lot' | 'expiry'; lineId: number; productId: number; role: PackedUnit['role']; count: number; lot: string | null; expiry: string | null }
  | { kind: 'quantity'; lineId: number; productId: number; max: number; lot: string | null; expiry: string | null };

export interface Override {
  kind: 'force_complete' | 'partial';
  managerId: number;
  reason: string;
  at: string;
}

export interface PackingState {
  orderId: number;
  orderNumber: string;
  lines: SessionLine[];
  units: PackedUnit[];
  parcels: Parcel[];
  activeParcel: number;
  pending: Pending | null;
  overrides: Override[];
  /** Next id for a packed unit; ids never repeat within a session, so undo stays exact. */
  nextUnitId: number;
}

export function startPacking(orderId: number, orderNumber: string, lines: SessionLine[]): PackingState {
  return {
    orderId,
    orderNumber,
    lines,
    units: [],
    parcels: [{ no: 1, boxCode: null, tareGrams: 0, weightGrams: null, weightSource: null }],
    activeParcel: 1,
    pending: null,
    overrides: [],
    nextUnitId: 1,
  };
}
