import type { CodeCardInput } from '../domain/documents';
import { drawLinear, moduleToFit } from './barcodes/draw';
import { code128Symbol } from './barcodes/symbols';
import type { Faces } from './fonts/faces';
import { PdfBuilder } from './pdf/document';
import { A4 } from './pdf/flow';

const MM = 72 / 25.4;
/** A credit-card sized badge (ID-1) or a box label of 100 × 60 mm, drawn with a cutting frame. */
const CARD = { badge: { w: 85.6 * MM, h: 54 * MM }, box: { w: 100 * MM, h: 60 * MM } };

/**
 * An A4 sheet with one card on it to cut out (or stick on the box): the title, a line under it and
 * the code as a Code 128 a station's scanner reads, with the code in plain text below.
 */
export async function renderCodeCard(faces: Faces, input: CodeCardInput): Promise<Uint8Array> {
  const pdf = new PdfBuilder(faces, input.kind === 'badge' ? `Badge: ${input.title}` : `Box label: ${input.code}`);
  const page = pdf.addPage(A4.width, A4.height);
  const { w, h } = CARD[input.kind];
  const x = 20 * MM;
  const top = 20 * MM;
  page.rect(x, top, w, h);
  page.text(x + 4 * MM, top + 9 * MM, 'Packdesk', 8);
  page.text(x + 4 * MM, top + 17 * MM, input.title, 14, 'bold');
  page.text(x + 4 * MM, top + 23 * MM, input.subtitle, 9);
  const symbol = code128Symbol(input.code);
  const module = moduleToFit(symbol, w - 8 * MM, 1.4);
  drawLinear(page, symbol, x + 4 * MM, top + 26 * MM, module, h - 36 * MM);
  page.text(x + 4 * MM, top + h - 4 * MM, input.code, 9);
  page.text(x, top + h + 8 * MM, input.note, 8);
  return pdf.save();
}
