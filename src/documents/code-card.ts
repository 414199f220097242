import type { CodeCardInput } from '../domain/documents';
import { drawLinear, moduleToFit } from './barcodes/draw';
import { code128Symbol } from './barcodes/symbols';
import type { Faces } from './fonts/faces';
import { PdfBuilder } from './pdf/document';
import { A4 } from './pdf/flow';
import type { RenderedDocument } from '../app/ports/documents';
import { CODE_CARD_MM } from './zpl/code-card-zpl';

const MM = 72 / 25.4;
/** A credit-card sized badge (ID-1) or a box label of 100 × 60 mm, drawn with a cutting frame. */
const CARD = {
  badge: { w: CODE_CARD_MM.badge.w * MM, h: CODE_CARD_MM.badge.h * MM },
  box: { w: CODE_CARD_MM.box.w * MM, h: CODE_CARD_MM.box.h * MM },
};

/**
 * An A4 sheet with one card on it to cut out (or stick on the box): the title, a line under it and
 * the code as a Code 128 a station's scanner reads, with the code in plain text below.
 */
export async function renderCodeCard(faces: Faces, input: CodeCardInput): Promise<Uint8Array> {
  const pdf = new PdfBuilder(faces, input.kind === 'badge' ? `Badge: ${input.title}` : `Box label: ${input.code}`);
  const page = pdf.addPage(A4.width, A4.height);
  const { h } = CARD[input.kind];
  const x = 20 * MM;
  const top = 20 * MM;
  drawCard(page, input, x, top);
  page.text(x, top + h + 8 * MM, input.note, 8);
  return pdf.save();
}

/** The card alone on a page of its own size, for the label printer's stock (PDF). */
export async function renderCodeCardLabel(faces: Faces, input: CodeCardInput): Promise<RenderedDocument> {
  const pdf = new PdfBuilder(faces, input.kind === 'badge' ? `Badge: ${input.title}` : `Box label: ${input.code}`);
  const { w, h } = CARD[input.kind];
  drawCard(pdf.addPage(w, h), input, 0, 0);
  return { format: 'pdf', bytes: await pdf.save(), replacedCharacters: [] };
}

/** The frame, the name, the line under it and the Code 128 with its text, with the top left corner at (x, top). */
function drawCard(page: ReturnType<PdfBuilder['addPage']>, input: CodeCardInput, x: number, top: number): void {
  const { w, h } = CARD[input.kind];
  // A frame to cut along: a filled rectangle would black out the card and its barcode.
  page.frame(x, top, w, h);
  page.text(x + 4 * MM, top + 9 * MM, 'Packdesk', 8);
  page.text(x + 4 * MM, top + 17 * MM, input.title, 14, 'bold');
  page.text(x + 4 * MM, top + 23 * MM, input.subtitle, 9);
  const symbol = code128Symbol(input.code);
  const module = moduleToFit(symbol, w - 8 * MM, 1.4);
  drawLinear(page, symbol, x + 4 * MM, top + 26 * MM, module, h - 36 * MM);
  page.text(x + 4 * MM, top + h - 4 * MM, input.code, 9);
}
