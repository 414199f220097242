import type { RenderedDocument, ZplDpi } from '../../app/ports/documents';
import type { CodeCardInput } from '../../domain/documents';
import { ZplWriter } from './zpl-writer';

/** A credit-card sized badge (ID-1) and a box label of 100 × 60 mm, in millimetres. */
export const CODE_CARD_MM = { badge: { w: 85.6, h: 54 }, box: { w: 100, h: 60 } } as const;

/** The card in ZPL II on stock of its size, with the printer's own Code 128 and its interpretation line. */
export function renderCodeCardZpl(input: CodeCardInput, dpi: ZplDpi): RenderedDocument {
  const d = (mm: number): number => Math.round((mm / 25.4) * dpi);
  const { w, h } = CODE_CARD_MM[input.kind];
  const zpl = new ZplWriter(d(w), d(h));
  const margin = d(4);
  const inner = zpl.widthDots - 2 * margin;
  zpl.text(margin, margin, d(3), 'Packdesk', { width: inner, lines: 1 });
  zpl.text(margin, margin + d(4), d(5), input.title, { width: inner, lines: 1 });
  zpl.text(margin, margin + d(10), d(3), input.subtitle, { width: inner, lines: 1 });
  const moduleDots = dpi === 203 ? 2 : 3;
  // ^BC with automatic subsets: at most 11 modules a character, plus start, check and stop.
  const symbolDots = (11 * (input.code.length + 3) + 2) * moduleDots;
  const barsTop = margin + d(15);
  zpl.code128(Math.max(margin, Math.round((zpl.widthDots - symbolDots) / 2)), barsTop, moduleDots, zpl.heightDots - barsTop - margin - d(4), input.code);
  return { format: 'zpl', bytes: Buffer.from(zpl.source(), 'utf8'), replacedCharacters: [...new Set(zpl.replaced)] };
}
