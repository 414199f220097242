import { gs1Date, interpretScan, isScanProblem, type ScanReading } from '../../domain/barcode';
import type { ResolvedScan } from '../../domain/packing';
import type { Store } from '../ports';

/** A scanner in AIM mode puts the identifier in the data; a HID POS scanner reports it beside it. */
export function scanText(data: string, symbology: string | null): string {
  return symbology && !data.startsWith(']') ? symbology + data : data;
}

function fromGs1(store: Store, reading: ScanReading, today: Date): ResolvedScan {
  const ais = reading.ais ?? {};
  const gtin = ais['01'] ?? ais['02'];
  const barcode = gtin ? store.catalog.barcode(gtin) : null;
  if (!barcode) {
    // A GS1 label with only a serial or a lot answers the station's serial/lot question.
    const text = ais['21'] ?? ais['10'] ?? reading.raw;
    return { kind: 'other', text };
  }
  const count = ais['30'] ?? ais['37'];
  return {
    kind: 'product',
    productId: barcode.productId,
    units: count ? Number(count) * barcode.unitsPerScan : barcode.unitsPerScan,
    serial: ais['21'] ?? null,
    lot: ais['10'] ?? null,
    expiry: ais['17'] ? gs1Date(ais['17'], today) : null,
  };
}

function plainProduct(productId: number, units: number): ResolvedScan {
  return { kind: 'product', productId, units, serial: null, lot: null, expiry: null };
}

/** What a scan means in this station's catalogue: a product, a box, something else, or an invalid code. */
export function resolveScan(store: Store, data: string, symbology: string | null, today: Date): ResolvedScan {
  const reading = interpretScan(scanText(data, symbology));
  if (isScanProblem(reading)) {
    if (reading.problem === 'empty') return { kind: 'other', text: '' };
    return { kind: 'invalid', verdict: reading.problem === 'bad_check_digit' ? 'bad_check_digit' : 'invalid_barcode' };
  }
  switch (reading.kind) {
    case 'gtin': {
      // An ambiguous scan (EAN-8 or UPC-E) is looked up under each reading. When they name two
      // products nothing says which was scanned, so it is refused rather than guessed.
      const codes = reading.readings?.map((r) => r.gtin) ?? (reading.gtin ? [reading.gtin] : []);
      const found = codes.flatMap((code) => store.catalog.barcode(code) ?? []);
      if (new Set(found.map((b) => b.productId)).size > 1) return { kind: 'invalid', verdict: 'invalid_barcode' };
      const barcode = found[0];
      return barcode ? plainProduct(barcode.productId, barcode.unitsPerScan) : { kind: 'other', text: reading.raw };
    }
    case 'gs1':
      return fromGs1(store, reading, today);
    case 'sscc':
      return { kind: 'other', text: reading.raw };
    default: {
      const text = (reading.symbology ? reading.raw.slice(reading.symbology.length) : reading.raw).trim();
      const barcode = store.catalog.barcode(text);
      if (barcode) return plainProduct(barcode.productId, barcode.unitsPerScan);
      // A box is chosen by its own code, whatever its length; a "BOX-" before it (older labels) is allowed.
      const boxCode = text.toUpperCase().replace(/^BOX-/, '');
      const box = store.catalog.boxes().find((b) => b.code.toUpperCase() === boxCode);
      if (box) return { kind: 'box', boxCode: box.code, tareGrams: box.tareGrams };
      return { kind: 'other', text };
    }
  }
}
