import type { RenderedDocument } from '../../app/ports/documents';
import type { PackingSlipInput } from '../../domain/documents';
import { addressText } from '../address';
import { drawLinear, moduleToFit } from '../barcodes/draw';
import { code128Symbol } from '../barcodes/symbols';
import { widthOf } from '../fonts/coverage';
import type { Faces } from '../fonts/faces';
import { PdfBuilder } from '../pdf/document';
import { A4, drawTable, Flow, PAGE_MARGIN } from '../pdf/flow';
import { drawFitted, fitText } from '../pdf/text-box';

const RETURN_SECTION = 150;

function trackingCell(line: { serials: string[]; lots: string[] }): string {
  return [line.serials.length ? `S/N: ${line.serials.join(', ')}` : '', line.lots.length ? `Lot: ${line.lots.join(', ')}` : ''].filter(Boolean).join('\n');
}

/** "Tracking: InPost 6200…", with the parcel named when there are several. */
function trackingFact(t: PackingSlipInput['tracking'][number], _i: number, all: PackingSlipInput['tracking']): string {
  return `Tracking${all.length > 1 ? ` (parcel ${t.parcel})` : ''}: ${t.carrier} ${t.number}`;
}

/**
 * The A4 packing slip / delivery note: shop header, addresses, lines shipped (with serials and
 * lots) and backordered, parcel count, and a return section whose Code 128 the returns desk scans.
 * Long orders continue on further pages with the table header repeated and "Page n / m".
 */
export async function renderPackingSlip(faces: Faces, input: PackingSlipInput): Promise<RenderedDocument> {
  const pdf = new PdfBuilder(faces, `Packing slip ${input.orderNumber}`);
  const flow = new Flow(pdf, faces, (page, index) => {
    page.text(PAGE_MARGIN, PAGE_MARGIN + 14, input.shop.name, 16, 'bold');
    const title = index === 0 ? 'Packing slip / Delivery note' : `Packing slip ${input.orderNumber}`;
    page.text(A4.width - PAGE_MARGIN - widthOf(faces.bold, title, 12), PAGE_MARGIN + 12, title, 12, 'bold');
    page.rect(PAGE_MARGIN, PAGE_MARGIN + 22, A4.width - 2 * PAGE_MARGIN, 1);
    return PAGE_MARGIN + 32;
  });
  const half = flow.width / 2 - 10;

  // Order facts and the shop's address.
  const facts = [`Order: ${input.orderNumber}`, `Date: ${input.orderDate}`, `Parcels: ${input.parcelCount}`, ...input.tracking.map(trackingFact)];
  facts.forEach((fact, i) => flow.page.text(PAGE_MARGIN, flow.y + 11 + i * 14, fact, 10.5, i === 0 ? 'bold' : 'regular'));
  drawFitted(flow.page, fitText(faces.regular, addressText(input.shop.address), { width: half, height: 50 }, 8.5), PAGE_MARGIN + half + 20, flow.y);
  flow.y += Math.max(56, facts.length * 14 + 14);

  // Addresses.
  const blocks: [string, string][] = [['Ship to', addressText(input.shipTo, { phone: true })]];
  if (input.billTo) blocks.push(['Bill to', addressText(input.billTo)]);
  let tallest = 0;
  blocks.forEach(([title, text], i) => {
    const x = PAGE_MARGIN + i * (half + 20);
    flow.page.text(x, flow.y + 9, title, 9, 'bold');
    tallest = Math.max(tallest, drawFitted(flow.page, fitText(faces.regular, text, { width: half, height: 90 }, 10.5), x, flow.y + 13));
  });
  flow.y += tallest + 24;

  drawTable(
    flow,
    [
      { title: 'Qty', share: 0.08 },
      { title: 'SKU', share: 0.2 },
      { title: 'Item', share: 0.42 },
      { title: 'Serials / lots', share: 0.3 },
    ],
    input.shipped.map((l) => [String(l.quantity), l.sku, l.name, trackingCell(l)]),
    { size: 9, title: `Shipped (${input.shipped.reduce((n, l) => n + l.quantity, 0)} items)` },
  );
  if (input.backordered.length > 0) {
    drawTable(
      flow,
      [
        { title: 'Qty', share: 0.08 },
        { title: 'SKU', share: 0.2 },
        { title: 'Item', share: 0.42 },
        { title: 'Reason', share: 0.3 },
      ],
      input.backordered.map((l) => [String(l.quantity), l.sku, l.name, l.reason ?? '']),
      { size: 9, title: 'Backordered: will follow separately' },
    );
  }

  // The return section stays whole: on a new page when it does not fit.
  flow.ensure(RETURN_SECTION);
  const top = flow.y;
  flow.page.frame(PAGE_MARGIN, top, flow.width, RETURN_SECTION - 10, 0.8);
  flow.page.text(PAGE_MARGIN + 8, top + 16, 'Returns', 11, 'bold');
  drawFitted(
    flow.page,
    fitText(faces.regular, input.shop.returnPolicy, { width: flow.width * 0.5, height: RETURN_SECTION - 40 }, 9),
    PAGE_MARGIN + 8,
    top + 22,
  );
  const symbol = code128Symbol(input.returnCode);
  const barsWidth = flow.width * 0.42;
  const module = moduleToFit(symbol, barsWidth, 1.2);
  const barsX = A4.width - PAGE_MARGIN - 14 - symbol.widthModules * module;
  drawLinear(flow.page, symbol, barsX, top + 14, module, 70);
  flow.page.text(barsX, top + 98, input.returnCode, 10, 'bold');
  flow.y = top + RETURN_SECTION;

  flow.finish(`${input.shop.name} · ${input.orderNumber}`);
  return { format: 'pdf', bytes: await pdf.save(), replacedCharacters: pdf.replacedCharacters() };
}
