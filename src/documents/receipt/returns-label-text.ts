import type { ReturnItemLabelInput, ReturnsReceiptInput } from '../../domain/documents';

/** What the returns desk's label-printer documents say, shared by their PDF and ZPL forms (no pdf-lib here). */

/** The item label's stock: 4×2 in, the common small stock of a 4-inch label printer. */
export const ITEM_LABEL_MM = { width: 101.6, height: 50.8 };

/** One receipt line as label text: "2 x MUG-01 Mug: opened -> restock" (ASCII, which every Zebra font has). */
export function lineText(l: ReturnsReceiptInput['lines'][number]): string {
  return `${l.quantity} x ${l.sku} ${l.name}${l.serial ? ` (S/N ${l.serial})` : ''}: ${l.condition} -> ${l.disposition}`;
}

/** The receipt's lines that fit, and a last line saying how many more the A4 receipt lists. */
export function fittingLines(lines: string[], room: number): string[] {
  if (lines.length <= room) return lines;
  return [...lines.slice(0, room - 1), `+ ${lines.length - room + 1} more (see the A4 receipt)`];
}

export function itemFacts(input: ReturnItemLabelInput): string {
  return [
    `${input.condition.toUpperCase()} -> ${input.disposition.toUpperCase()}`,
    input.reasonCode ? `reason ${input.reasonCode}` : null,
    `qty ${input.quantity}`,
  ]
    .filter(Boolean)
    .join(', ');
}
