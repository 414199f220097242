import type { ShippingLabelInput } from '../../domain/documents';
import { createDocumentRenderer } from '../../documents/renderer';
import { slipForUnpackedOrder, DEMO_LABEL_SETTINGS } from '../../documents/from-order';
import { composeSscc } from '../../domain/barcode/sscc';
import type { Order } from '../../domain/order';
import { percentile, round, type Figure } from './stats';

const LABELS = 200;
const SLIPS = 20;

function label(i: number): ShippingLabelInput {
  const sscc = composeSscc(0, DEMO_LABEL_SETTINGS.gs1CompanyPrefix, i + 1);
  if (!sscc.ok) throw new RangeError(sscc.message);
  return {
    orderNumber: `PD-${100000 + i}`,
    shipFrom: DEMO_LABEL_SETTINGS.shipFrom,
    shipTo: {
      name: 'Zażółć Gęślą Jaźń',
      company: null,
      street: `ul. Marszałkowska ${i}/34`,
      city: 'Warszawa',
      postcode: '00-590',
      country: 'PL',
      phone: '+48 600 100 200',
      email: null,
    },
    parcel: { index: 1, count: 1, weightGrams: 1250 + i },
    carrier: 'InPost',
    service: 'Kurier Standard',
    trackingReference: `6200${String(1000000 + i)}PL`,
    sscc: sscc.sscc,
  };
}

function sixtyLineOrder(): Order {
  return {
    id: 1,
    number: 'PD-BENCH',
    externalId: null,
    status: 'ready',
    customerName: 'Zażółć Gęślą Jaźń',
    shipTo: label(0).shipTo,
    carrierCode: 'inpost',
    service: null,
    note: null,
    createdAt: '2026-03-02T08:00:00.000Z',
    lines: Array.from({ length: 60 }, (_, i) => ({
      id: i + 1,
      productId: i + 1,
      sku: `SKU-${i + 1}`,
      name: `Kubek ceramiczny ${i + 1}`,
      quantity: 1 + (i % 3),
    })),
  };
}

async function timeEach(count: number, make: (i: number) => Promise<unknown> | unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await make(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

function mean(samples: number[]): number {
  return samples.reduce((a, b) => a + b, 0) / samples.length;
}

/** Labels and slips made one after another in this process, after one warm-up of each. */
export async function benchDocuments(): Promise<Figure[]> {
  const renderer = createDocumentRenderer();
  const slip = slipForUnpackedOrder(sixtyLineOrder(), DEMO_LABEL_SETTINGS);
  const warmStart = performance.now();
  await renderer.labelPdf(label(0), '4x6');
  const firstLabel = performance.now() - warmStart;
  renderer.labelZpl(label(0), 203);
  await renderer.packingSlip(slip);
  const pdf = await timeEach(LABELS, (i) => renderer.labelPdf(label(i), '4x6'));
  const zpl = await timeEach(LABELS, (i) => renderer.labelZpl(label(i), 203));
  const slips = await timeEach(SLIPS, () => renderer.packingSlip(slip));
  return [
    { name: 'first PDF label in a process (fonts subset once)', value: Math.round(firstLabel), unit: 'ms' },
    { name: `PDF label 4x6, mean of ${LABELS}`, value: round(mean(pdf), 2), unit: 'ms', note: 'goal ≤ 5 ms' },
    { name: `PDF label 4x6, p95 of ${LABELS}`, value: round(percentile(pdf, 95), 2), unit: 'ms' },
    { name: `ZPL label 203 dpi, mean of ${LABELS}`, value: round(mean(zpl), 3), unit: 'ms' },
    { name: `packing slip, 60 lines, mean of ${SLIPS}`, value: round(mean(slips), 1), unit: 'ms' },
  ];
}
