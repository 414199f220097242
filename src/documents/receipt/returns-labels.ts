import type { LabelSize, RenderedDocument } from '../../app/ports/documents';
import type { ReturnItemLabelInput, ReturnsReceiptInput } from '../../domain/documents';
import { drawLinear, moduleToFit } from '../barcodes/draw';
import { code128Symbol } from '../barcodes/symbols';
import { widthOf } from '../fonts/coverage';
import type { Faces } from '../fonts/faces';
import { LABEL_PAGE } from '../label/pdf-label';
import { PdfBuilder } from '../pdf/document';
import { drawFitted, fitText } from '../pdf/text-box';
import { fittingLines, ITEM_LABEL_MM, itemFacts, lineText } from './returns-label-text';

/**
 * The returns desk's documents on the label printer: the returns receipt on 4×6 in (or A6) stock,
 * and a small label (4×2 in) for each item sent to refurbishment or scrap. Both carry the return
 * number as Code 128, which `returns.identify` finds; the item label also carries its SKU.
 */

const MM = 72 / 25.4;
const MARGIN = 12;

export async function renderReturnsReceiptLabelPdf(faces: Faces, input: ReturnsReceiptInput, size: LabelSize = '4x6'): Promise<RenderedDocument> {
  const { width, height } = LABEL_PAGE[size];
  const pdf = new PdfBuilder(faces, `Returns receipt ${input.returnNumber}`);
  const page = pdf.addPage(width, height);
  const inner = width - 2 * MARGIN;
  drawFitted(page, fitText(faces.bold, input.shop.name, { width: inner * 0.6, height: 18 }, 12), MARGIN, MARGIN, 'bold');
  const title = 'RETURNS RECEIPT';
  page.text(width - MARGIN - widthOf(faces.bold, title, 8), MARGIN + 9, title, 8, 'bold');
  page.rect(MARGIN, MARGIN + 22, inner, 1);

  // The return number, large and scannable: quiet zones of ten modules either side.
  const symbol = code128Symbol(input.returnNumber);
  const module = moduleToFit(symbol, inner - 20 * 1.4, 1.4);
  const barsTop = MARGIN + 30;
  drawLinear(page, symbol, (width - symbol.widthModules * module) / 2, barsTop, module, 56);
  page.text((width - widthOf(faces.bold, input.returnNumber, 12)) / 2, barsTop + 72, input.returnNumber, 12, 'bold');

  let y = barsTop + 84;
  const facts = [`Order: ${input.orderNumber}`, `Received: ${input.receivedAt}`, `Received by: ${input.handler}`, `Customer: ${input.customer.name}`];
  for (const fact of facts) y += drawFitted(page, fitText(faces.regular, fact, { width: inner, height: 11 }, 8.5), MARGIN, y) + 1;
  page.rect(MARGIN, y + 3, inner, 0.8);
  y += 8;
  const count = input.lines.reduce((n, l) => n + l.quantity, 0);
  page.text(MARGIN, y + 8, `ITEMS RETURNED (${count})`, 7.5, 'bold');
  y += 12;
  const bottom = height - MARGIN - (input.note ? 34 : 0);
  const lineHeight = 19;
  for (const text of fittingLines(input.lines.map(lineText), Math.max(1, Math.floor((bottom - y) / lineHeight)))) {
    drawFitted(page, fitText(faces.regular, text, { width: inner, height: lineHeight - 1 }, 8), MARGIN, y);
    y += lineHeight;
  }
  if (input.note) drawFitted(page, fitText(faces.regular, `Note: ${input.note}`, { width: inner, height: 32 }, 7.5), MARGIN, bottom + 2);
  return { format: 'pdf', bytes: await pdf.save(), replacedCharacters: pdf.replacedCharacters() };
}

export async function renderReturnItemLabelPdf(faces: Faces, input: ReturnItemLabelInput): Promise<RenderedDocument> {
  const width = ITEM_LABEL_MM.width * MM;
  const height = ITEM_LABEL_MM.height * MM;
  const margin = 8;
  const inner = width - 2 * margin;
  const pdf = new PdfBuilder(faces, `Returned item ${input.returnNumber} ${input.index}/${input.count}`);
  const page = pdf.addPage(width, height);
  const head = `${input.returnNumber} · ${input.orderNumber} · ${input.index}/${input.count}`;
  drawFitted(page, fitText(faces.bold, head, { width: inner, height: 11 }, 8.5), margin, margin, 'bold');
  let y = margin + 12;
  y += drawFitted(page, fitText(faces.bold, `${input.sku} ${input.name}`, { width: inner, height: 20 }, 9), margin, y, 'bold');
  if (input.serial) y += drawFitted(page, fitText(faces.regular, `S/N ${input.serial}`, { width: inner, height: 9 }, 7), margin, y);
  drawFitted(page, fitText(faces.bold, itemFacts(input), { width: inner, height: 11 }, 8.5), margin, y + 1, 'bold');

  // Two symbols side by side at the bottom: the return number (left) and the SKU (right).
  const barsTop = height - margin - 34;
  const half = (inner - 12) / 2;
  const drawCode = (text: string, x: number): void => {
    const symbol = code128Symbol(text);
    const module = moduleToFit(symbol, half - 20 * 1.0, 1.0);
    const w = symbol.widthModules * module;
    const left = x + (half - w) / 2;
    drawLinear(page, symbol, left, barsTop, module, 24);
    const size = fitText(faces.regular, text, { width: half, height: 8 }, 6.5).size;
    page.text(x + (half - widthOf(faces.regular, text, size)) / 2, barsTop + 32, text, size);
  };
  drawCode(input.returnNumber, margin);
  drawCode(input.sku, margin + half + 12);
  return { format: 'pdf', bytes: await pdf.save(), replacedCharacters: pdf.replacedCharacters() };
}
