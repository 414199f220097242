import type { LabelSize, RenderedDocument, ZplDpi } from '../../app/ports/documents';
import type { ReturnItemLabelInput, ReturnsReceiptInput } from '../../domain/documents';
import { ZplWriter } from '../zpl/zpl-writer';
import { fittingLines, ITEM_LABEL_MM, itemFacts, lineText } from './returns-label-text';

/** The returns receipt (4×6 in or A6) and the returned item's label (4×2 in) in ZPL II, with the printer's own Code 128. */

const RECEIPT_MM: Record<LabelSize, { width: number; height: number }> = { '4x6': { width: 101.6, height: 152.4 }, a6: { width: 105, height: 148 } };

export function renderReturnsReceiptLabelZpl(input: ReturnsReceiptInput, dpi: ZplDpi, size: LabelSize = '4x6'): RenderedDocument {
  const d = (mm: number): number => Math.round((mm / 25.4) * dpi);
  const stock = RECEIPT_MM[size];
  const zpl = new ZplWriter(Math.floor((stock.width / 25.4) * dpi), Math.floor((stock.height / 25.4) * dpi));
  const margin = d(4);
  const inner = zpl.widthDots - 2 * margin;
  zpl.text(margin, margin, d(4), input.shop.name, { width: Math.round(inner * 0.6), lines: 1 });
  zpl.text(margin + Math.round(inner * 0.6), margin, d(2.6), 'RETURNS RECEIPT', { width: inner - Math.round(inner * 0.6), lines: 1, align: 'C' });
  zpl.box(margin, margin + d(7), inner, d(0.4), d(0.4));

  const moduleDots = dpi === 203 ? 3 : 4;
  const barsTop = margin + d(10);
  const barsHeight = d(18);
  // ^BC with its own interpretation line: roughly 11 modules a character plus start, check, stop and quiet zones.
  const symbolDots = (11 * (input.returnNumber.length + 3) + 2 + 20) * moduleDots;
  zpl.code128(Math.max(0, Math.round((zpl.widthDots - symbolDots) / 2) + 10 * moduleDots), barsTop, moduleDots, barsHeight, input.returnNumber);

  let y = barsTop + barsHeight + d(7);
  for (const fact of [`Order: ${input.orderNumber}`, `Received: ${input.receivedAt}`, `Received by: ${input.handler}`, `Customer: ${input.customer.name}`]) {
    zpl.text(margin, y, d(2.8), fact, { width: inner, lines: 1 });
    y += d(3.6);
  }
  zpl.box(margin, y + d(0.5), inner, d(0.3), d(0.3));
  y += d(2);
  const count = input.lines.reduce((n, l) => n + l.quantity, 0);
  zpl.text(margin, y, d(2.6), `ITEMS RETURNED (${count})`);
  y += d(4);
  const noteRoom = input.note ? d(9) : 0;
  const lineDots = d(6.4);
  const room = Math.max(1, Math.floor((zpl.heightDots - margin - noteRoom - y) / lineDots));
  for (const text of fittingLines(input.lines.map(lineText), room)) {
    zpl.text(margin, y, d(2.6), text, { width: inner, lines: 2 });
    y += lineDots;
  }
  if (input.note) zpl.text(margin, zpl.heightDots - margin - noteRoom + d(1), d(2.4), `Note: ${input.note}`, { width: inner, lines: 3 });
  return { format: 'zpl', bytes: Buffer.from(zpl.source(), 'utf8'), replacedCharacters: [...new Set(zpl.replaced)] };
}

export function renderReturnItemLabelZpl(input: ReturnItemLabelInput, dpi: ZplDpi): RenderedDocument {
  const d = (mm: number): number => Math.round((mm / 25.4) * dpi);
  const zpl = new ZplWriter(Math.floor((ITEM_LABEL_MM.width / 25.4) * dpi), Math.floor((ITEM_LABEL_MM.height / 25.4) * dpi));
  const margin = d(3);
  const inner = zpl.widthDots - 2 * margin;
  zpl.text(margin, margin, d(3), `${input.returnNumber}  ${input.orderNumber}  ${input.index}/${input.count}`, { width: inner, lines: 1 });
  zpl.text(margin, margin + d(4), d(3.2), `${input.sku} ${input.name}`, { width: inner, lines: 2 });
  let y = margin + d(11);
  if (input.serial) {
    zpl.text(margin, y, d(2.4), `S/N ${input.serial}`, { width: inner, lines: 1 });
    y += d(3);
  }
  zpl.text(margin, y, d(3), itemFacts(input), { width: inner, lines: 1 });
  // The return number and the SKU, one under the other, each centred with the printer's interpretation line.
  const moduleDots = dpi === 203 ? 2 : 3;
  const barsHeight = d(7);
  const row = barsHeight + d(4);
  // ^BC with automatic subsets: at most 11 modules a character, plus start, check and stop.
  const centred = (text: string) => Math.max(margin, Math.round((zpl.widthDots - (11 * (text.length + 3) + 2) * moduleDots) / 2));
  const firstTop = zpl.heightDots - margin - 2 * row + d(1);
  zpl.code128(centred(input.returnNumber), firstTop, moduleDots, barsHeight, input.returnNumber);
  zpl.code128(centred(input.sku), firstTop + row, moduleDots, barsHeight, input.sku);
  return { format: 'zpl', bytes: Buffer.from(zpl.source(), 'utf8'), replacedCharacters: [...new Set(zpl.replaced)] };
}
