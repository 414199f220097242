import type { PackingView } from '../../src/contract/packing';

/**
 * The packing view of order PD-1, one line of mugs (MUG-01), `packed` of `ordered` in parcel 1:
 * what the renderer's tests show on the packing screen as the core would send it.
 */
export function mugView(packed: number, ordered: number): PackingView {
  return {
    sessionId: 1,
    order: {
      id: 1,
      number: 'PD-1',
      customerName: 'X',
      shipTo: {} as PackingView['order']['shipTo'],
      carrierCode: null,
      service: null,
      pickupPoint: null,
      note: null,
    },
    lines: [
      { lineId: 1, sku: 'MUG-01', name: 'Mug', ordered, packed, complete: packed === ordered, tracking: 'none', fragile: false, bulk: false, parts: null },
    ],
    units: Array.from({ length: packed }, (_, i) => ({
      id: i + 1,
      lineId: 1,
      sku: 'MUG-01',
      name: 'Mug',
      count: 1,
      serial: null,
      lot: null,
      expiry: null,
      parcelNo: 1,
    })),
    parcels: [],
    activeParcel: 1,
    pending: null,
    overrides: [],
    blockers: [],
    canComplete: false,
  };
}
