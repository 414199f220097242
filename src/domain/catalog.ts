import type { NonReturnableReason } from './returns/types';

export const TRACKING_KINDS = ['none', 'serial', 'lot'] as const;
export type Tracking = (typeof TRACKING_KINDS)[number];

export interface Product {
  id: number;
  sku: string;
  name: string;
  weightGrams: number;
  tracking: Tracking;
  /** Lot-tracked products whose expired lots must be refused at packing. */
  refuseExpired: boolean;
  returnable: boolean;
  /** Why a product that is not returnable is not (hygiene, custom-made); null or absent when not stated. */
  nonReturnableReason?: NonReturnableReason | null;
  isKit: boolean;
  /** Glass, ceramics, lamps: the packer is told at the line, and the statistics count its units as harder work. */
  fragile: boolean;
}

export interface Barcode {
  /** As scanned for SKU labels; 14-digit GTIN for numeric retail codes. */
  code: string;
  productId: number;
  unitsPerScan: number;
}

export interface KitComponent {
  kitProductId: number;
  componentProductId: number;
  quantity: number;
}

export interface BoxType {
  id: number;
  code: string;
  name: string;
  tareGrams: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}
