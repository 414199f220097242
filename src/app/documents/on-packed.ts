import type { DocumentPorts, RequestedKind } from '../ports/document-requests';
import type { LabelSource } from '../ports/carriers';
import type { PackedOrder, PackedOrderHandler } from '../ports/packing';

/**
 * Which documents an order is owed: per parcel exactly one label — the carrier's when one is kept
 * or a carrier shipment is queued for it; none of ours when the shop's integration buys the label
 * (BaseLinker, which prints as the shop sends it); else ours — then the slip.
 */
export function documentsOwed(
  packed: PackedOrder,
  ports: Pick<DocumentPorts, 'carrierLabels'>,
  labelSource: LabelSource = 'own',
): { kind: RequestedKind; parcelIndex: number | null }[] {
  const source = ports.carrierLabels;
  const carrier = new Set([...(source?.forOrder(packed.orderNumber) ?? []), ...(source?.awaited?.(packed.orderNumber) ?? [])].map((l) => l.parcelIndex));
  return [
    ...packed.parcels.flatMap((p): { kind: RequestedKind; parcelIndex: number }[] =>
      carrier.has(p.no)
        ? [{ kind: 'carrier_label' as const, parcelIndex: p.no }]
        : labelSource === 'shop'
          ? []
          : [{ kind: 'label' as const, parcelIndex: p.no }],
    ),
    { kind: 'packing_slip' as const, parcelIndex: null },
  ];
}

/**
 * Runs inside the completion transaction: it only records what is owed (a few rows), so the
 * shipment and its documents commit together. The worker, kicked here, starts only once this
 * synchronous transaction has returned, and renders outside it.
 */
export function documentsOnPacked(
  ports: Pick<DocumentPorts, 'requests' | 'carrierLabels'>,
  kick: () => void,
  labelSource: (packed: PackedOrder) => LabelSource = () => 'own',
): PackedOrderHandler {
  return {
    name: 'documents',
    onPacked(packed) {
      ports.requests.record({ packed, items: documentsOwed(packed, ports, labelSource(packed)), at: packed.completedAt });
      kick();
    },
  };
}
