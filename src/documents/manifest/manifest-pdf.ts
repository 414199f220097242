import type { RenderedDocument } from '../../app/ports/documents';
import type { ManifestInput } from '../../domain/documents';
import { addressText, kilograms } from '../address';
import { drawLinear, moduleToFit } from '../barcodes/draw';
import { code128Symbol } from '../barcodes/symbols';
import type { Faces } from '../fonts/faces';
import { PdfBuilder } from '../pdf/document';
import { A4, Flow, PAGE_MARGIN } from '../pdf/flow';
import { drawFitted, fitText } from '../pdf/text-box';

const ROW = 46;
const SIZE = 8.5;

/**
 * The dispatch manifest (courier handover list) for one carrier and day: every parcel with its
 * tracking barcode, the counts and total weight, and signature fields for courier and warehouse.
 */
export async function renderManifest(faces: Faces, input: ManifestInput): Promise<RenderedDocument> {
  const pdf = new PdfBuilder(faces, `Manifest ${input.manifestNumber}`);
  const columns = [0, 0.04, 0.2, 0.5, 0.62];
  const flow = new Flow(pdf, faces, (page) => {
    page.text(PAGE_MARGIN, PAGE_MARGIN + 14, `Dispatch manifest ${input.manifestNumber}`, 15, 'bold');
    page.text(
      PAGE_MARGIN,
      PAGE_MARGIN + 30,
      `Carrier: ${input.carrier}    Date: ${input.date}${input.closedAt ? `    Closed: ${input.closedAt}` : '    OPEN'}`,
      10,
    );
    const headerTop = PAGE_MARGIN + 40;
    const titles = ['#', 'Order / parcel', 'Ship to', 'Weight', 'Tracking'];
    titles.forEach((t, i) => page.text(PAGE_MARGIN + (columns[i] ?? 0) * (A4.width - 2 * PAGE_MARGIN), headerTop + 10, t, SIZE, 'bold'));
    page.rect(PAGE_MARGIN, headerTop + 14, A4.width - 2 * PAGE_MARGIN, 0.8);
    return headerTop + 18;
  });
  const col = (i: number): number => PAGE_MARGIN + (columns[i] ?? 0) * flow.width;

  input.parcels.forEach((parcel, n) => {
    flow.ensure(ROW);
    const top = flow.y;
    flow.page.text(col(0), top + 12, String(n + 1), SIZE);
    flow.page.text(col(1), top + 12, parcel.orderNumber, SIZE, 'bold');
    if (parcel.sscc) flow.page.text(col(1), top + 24, `SSCC ${parcel.sscc}`, 6.5);
    const to = `${parcel.shipTo.name}\n${parcel.shipTo.postcode} ${parcel.shipTo.city}, ${parcel.shipTo.country}`;
    drawFitted(
      flow.page,
      fitText(faces.regular, to, { width: ((columns[3] as number) - (columns[2] as number)) * flow.width - 6, height: ROW - 8 }, SIZE),
      col(2),
      top + 3,
    );
    flow.page.text(col(3), top + 12, kilograms(parcel.weightGrams), SIZE);
    const symbol = code128Symbol(parcel.trackingNumber);
    const width = flow.width * (1 - (columns[4] as number)) - 12;
    const module = moduleToFit(symbol, width - 20, 1.1);
    drawLinear(flow.page, symbol, col(4) + 10, top + 4, module, ROW - 18);
    flow.page.text(col(4) + 10, top + ROW - 5, parcel.trackingNumber, 7);
    flow.y += ROW;
    flow.page.line(PAGE_MARGIN, flow.y, PAGE_MARGIN + flow.width, flow.y, 0.3);
  });

  // Totals and signatures stay together on the last page.
  flow.ensure(150);
  const total = input.parcels.reduce((g, p) => g + p.weightGrams, 0);
  const orders = new Set(input.parcels.map((p) => p.orderNumber)).size;
  flow.y += 14;
  flow.page.text(PAGE_MARGIN, flow.y, `Parcels: ${input.parcels.length}    Orders: ${orders}    Total weight: ${kilograms(total)}`, 11, 'bold');
  flow.y += 14;
  drawFitted(
    flow.page,
    fitText(faces.regular, `From: ${addressText(input.shipFrom).replaceAll('\n', ', ')}`, { width: flow.width, height: 24 }, 9),
    PAGE_MARGIN,
    flow.y,
  );
  flow.y += 40;
  const half = flow.width / 2 - 15;
  for (const [i, who] of ['Handed over (warehouse)', 'Received (courier)'].entries()) {
    const x = PAGE_MARGIN + i * (half + 30);
    flow.page.text(x, flow.y, who, 9, 'bold');
    flow.page.line(x, flow.y + 40, x + half, flow.y + 40, 0.6);
    flow.page.text(x, flow.y + 50, 'Name, signature', 7);
    flow.page.line(x, flow.y + 78, x + half * 0.5, flow.y + 78, 0.6);
    flow.page.text(x, flow.y + 88, 'Date, time', 7);
  }
  flow.finish(`Manifest ${input.manifestNumber} · ${input.carrier} · ${input.date}`);
  return { format: 'pdf', bytes: await pdf.save(), replacedCharacters: pdf.replacedCharacters() };
}
