import type { PackingState, ShippedLine } from '../../domain/packing';

export interface PackingSessionRecord {
  id: number;
  orderId: number;
  stationId: string;
  userId: number;
  status: 'open' | 'completed';
  state: PackingState;
  openedAt: string;
  updatedAt: string;
}

/** Per-station rules of the packing flow, changed by a manager. */
export interface PackingRules {
  bulkThreshold: number;
  toleranceGrams: number;
  tolerancePercent: number;
  requireWeight: boolean;
}

export interface PackingRepository {
  /** The unfinished session of an order, at whatever station it was started. */
  openFor(orderId: number): PackingSessionRecord | null;
  /** The session a station is working on (its order is locked to it). */
  activeAt(stationId: string): PackingSessionRecord | null;
  create(session: Omit<PackingSessionRecord, 'id' | 'status' | 'updatedAt'>): PackingSessionRecord;
  save(id: number, state: PackingState, at: string): void;
  /** A session put back and picked up again moves to the station and packer who continue it. */
  reassign(id: number, stationId: string, userId: number, at: string): void;
  complete(id: number, state: PackingState, at: string): void;
  serialShipped(productId: number, serial: string): boolean;
  recordShippedSerials(serials: { productId: number; serial: string; orderId: number; sessionId: number }[]): void;
  rules(stationId: string): PackingRules;
  saveRules(stationId: string, rules: PackingRules): void;
}

/** What a completed packing session hands on: to documents (labels, slips) and to the shop (sync). */
export interface PackedOrder {
  sessionId: number;
  orderId: number;
  orderNumber: string;
  stationId: string;
  packerId: number;
  completedAt: string;
  status: 'shipped' | 'partially_shipped';
  lines: ShippedLine[];
  parcels: {
    no: number;
    boxCode: string | null;
    weightGrams: number | null;
    units: { productId: number; sku: string; count: number; serial: string | null; lot: string | null; expiry: string | null }[];
  }[];
  overrides: { kind: 'force_complete' | 'partial'; managerId: number; reason: string }[];
}

/**
 * Called inside the completion transaction, so whatever a handler records (a print job, an
 * outbox event) commits together with the shipment or not at all.
 */
export interface PackedOrderHandler {
  name: string;
  onPacked(order: PackedOrder): void;
}
