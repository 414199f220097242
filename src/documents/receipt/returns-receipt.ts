import type { RenderedDocument } from '../../app/ports/documents';
import type { ReturnsReceiptInput } from '../../domain/documents';
import { addressText } from '../address';
import { drawLinear, moduleToFit } from '../barcodes/draw';
import { code128Symbol } from '../barcodes/symbols';
import { widthOf } from '../fonts/coverage';
import type { Faces } from '../fonts/faces';
import { PdfBuilder } from '../pdf/document';
import { A4, drawTable, Flow, PAGE_MARGIN } from '../pdf/flow';
import { drawFitted, fitText } from '../pdf/text-box';

/**
 * The returns receipt: what came back on which order, each item's condition and disposition,
 * who received it and when, and the return number as Code 128 for the returns desk and the shop.
 */
export async function renderReturnsReceipt(faces: Faces, input: ReturnsReceiptInput): Promise<RenderedDocument> {
  const pdf = new PdfBuilder(faces, `Returns receipt ${input.returnNumber}`);
  const flow = new Flow(pdf, faces, (page) => {
    page.text(PAGE_MARGIN, PAGE_MARGIN + 14, input.shop.name, 16, 'bold');
    const title = 'Returns receipt';
    page.text(A4.width - PAGE_MARGIN - widthOf(faces.bold, title, 12), PAGE_MARGIN + 12, title, 12, 'bold');
    page.rect(PAGE_MARGIN, PAGE_MARGIN + 22, A4.width - 2 * PAGE_MARGIN, 1);
    return PAGE_MARGIN + 32;
  });
  const facts = [`Return: ${input.returnNumber}`, `Order: ${input.orderNumber}`, `Received: ${input.receivedAt}`, `Received by: ${input.handler}`];
  facts.forEach((fact, i) => flow.page.text(PAGE_MARGIN, flow.y + 11 + i * 14, fact, 10.5, i === 0 ? 'bold' : 'regular'));
  const symbol = code128Symbol(input.returnNumber);
  const module = moduleToFit(symbol, flow.width * 0.4, 1.2);
  const x = A4.width - PAGE_MARGIN - 14 - symbol.widthModules * module;
  drawLinear(flow.page, symbol, x, flow.y, module, 44);
  flow.page.text(x, flow.y + 56, input.returnNumber, 9, 'bold');
  flow.y += 70;
  flow.page.text(PAGE_MARGIN, flow.y + 9, 'Customer', 9, 'bold');
  flow.y +=
    drawFitted(flow.page, fitText(faces.regular, addressText(input.customer), { width: flow.width / 2, height: 80 }, 10.5), PAGE_MARGIN, flow.y + 13) + 24;

  drawTable(
    flow,
    [
      { title: 'Qty', share: 0.07 },
      { title: 'SKU', share: 0.17 },
      { title: 'Item', share: 0.34 },
      { title: 'Serial', share: 0.14 },
      { title: 'Condition', share: 0.13 },
      { title: 'Disposition', share: 0.15 },
    ],
    input.lines.map((l) => [String(l.quantity), l.sku, l.name, l.serial ?? '', l.condition, l.disposition]),
    { size: 9, title: `Items returned (${input.lines.reduce((n, l) => n + l.quantity, 0)})` },
  );
  if (input.note) {
    const fitted = fitText(faces.regular, input.note, { width: flow.width, height: 80 }, 9.5);
    flow.ensure(fitted.lines.length * fitted.lineHeight + 20);
    flow.page.text(PAGE_MARGIN, flow.y + 9, 'Note', 9, 'bold');
    flow.y += drawFitted(flow.page, fitted, PAGE_MARGIN, flow.y + 13) + 16;
  }
  flow.ensure(60);
  flow.page.line(PAGE_MARGIN, flow.y + 40, PAGE_MARGIN + 200, flow.y + 40, 0.6);
  flow.page.text(PAGE_MARGIN, flow.y + 50, `Signature (${input.handler})`, 7);
  flow.finish(`${input.shop.name} · ${input.returnNumber}`);
  return { format: 'pdf', bytes: await pdf.save(), replacedCharacters: pdf.replacedCharacters() };
}
