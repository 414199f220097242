import type { DocumentPorts, RequestedKind } from '../ports/document-requests';
import type { PackedOrder, PackedOrderHandler } from '../ports/packing';

/**
 * Which documents an order is owed: per parcel exactly one label — the carrier's when one is kept
 * or a carrier shipment is queued for it, else ours — then the slip.
 */
export function documentsOwed(packed: PackedOrder, ports: Pick<DocumentPorts, 'carrierLabels'>): { kind: RequestedKind; parcelIndex: number | null }[] {
  const source = ports.carrierLabels;
  const carrier = new Set([...(source?.forOrder(packed.orderNumber) ?? []), ...(source?.awaited?.(packed.orderNumber) ?? [])].map((l) => l.parcelIndex));
  return [
    ...packed.parcels.map((p) => ({ kind: (carrier.has(p.no) ? 'carrier_label' : 'label') as RequestedKind, parcelIndex: p.no })),
    { kind: 'packing_slip' as const, parcelIndex: null },
  ];
}

/**
 * Runs inside the completion transaction: it only records what is owed (a few rows), so the
 * shipment and its documents commit together. The worker, kicked here, starts only once this
 * synchronous transaction has returned, and renders outside it.
 */
export function documentsOnPacked(ports: Pick<DocumentPorts, 'requests' | 'carrierLabels'>, kick: () => void): PackedOrderHandler {
  return {
    name: 'documents',
    onPacked(packed) {
      ports.requests.record({ packed, items: documentsOwed(packed, ports), at: packed.completedAt });
      kick();
    },
  };
}
