import type { LabelSize, RenderedDocument, ZplDpi } from '../../app/ports/documents';
import type { ShippingLabelInput } from '../../domain/documents';
import { addressText, kilograms } from '../address';
import { ssccText } from '../../domain/barcode/sscc';
import { ZplWriter } from './zpl-writer';

/** Label stock in millimetres (REFERENCE "Label printing"). */
const STOCK_MM: Record<LabelSize, { width: number; height: number }> = {
  '4x6': { width: 101.6, height: 152.4 },
  a6: { width: 105, height: 148 },
};

/**
 * Font 0 is proportional; an average character is taken as 0.6 of its height, which errs on
 * the wide side so that a line wrapped here also fits on the printer.
 */
const CHAR_WIDTH = 0.6;

interface Fitted {
  height: number;
  lines: number;
}

/** The largest text height (down to a floor) whose wrapped lines fit the box. */
function fitDots(text: string, width: number, height: number, start: number, floor: number): Fitted {
  const paragraphs = text.split('\n');
  for (let h = start; ; h -= 2) {
    const perLine = Math.max(1, Math.floor(width / (h * CHAR_WIDTH)));
    const lines = paragraphs.reduce((n, p) => n + Math.max(1, Math.ceil(p.length / perLine)), 0);
    if (lines * h <= height || h - 2 < floor) return { height: h, lines };
  }
}

/**
 * Packdesk's own label in ZPL II for 203 or 300 dpi printers: the same content as the PDF label,
 * with the printer's own barcode commands (^BQ for the tracking QR, ^BC GS1-128 for the SSCC).
 */
export function renderLabelZpl(input: ShippingLabelInput, dpi: ZplDpi, size: LabelSize = '4x6'): RenderedDocument {
  // Dots from millimetres at the printer's true resolution: 4×6 in is 812×1218 at 203 dpi.
  const d = (mm: number): number => Math.round((mm / 25.4) * dpi);
  const stock = STOCK_MM[size];
  const zpl = new ZplWriter(Math.floor((stock.width / 25.4) * dpi), Math.floor((stock.height / 25.4) * dpi));
  const margin = d(4);
  const inner = zpl.widthDots - 2 * margin;
  const floor = d(1.6);

  // Ship-from and carrier.
  zpl.text(margin, margin, d(2.2), 'FROM');
  const fromText = addressText(input.shipFrom);
  const fromWidth = Math.round(inner * 0.58);
  const from = fitDots(fromText, fromWidth, d(16), d(2.8), floor);
  zpl.text(margin, margin + d(3), from.height, fromText, { width: fromWidth, lines: from.lines });
  const carrierX = margin + fromWidth + d(3);
  const carrierWidth = zpl.widthDots - margin - carrierX;
  const carrier = fitDots(input.carrier.toUpperCase(), carrierWidth, d(7), d(6), floor);
  zpl.text(carrierX, margin, carrier.height, input.carrier.toUpperCase(), { width: carrierWidth, lines: carrier.lines });
  const service = fitDots(input.service, carrierWidth, d(9), d(3.2), floor);
  zpl.text(carrierX, margin + d(8), service.height, input.service, { width: carrierWidth, lines: service.lines });
  const toTop = margin + d(21);
  zpl.box(margin, toTop - d(1.5), inner, d(0.4), d(0.4));

  // Ship-to.
  zpl.text(margin, toTop, d(3), 'TO');
  const indent = d(8);
  const name = fitDots(input.shipTo.name, inner - indent, d(12), d(6), floor);
  zpl.text(margin + indent, toTop, name.height, input.shipTo.name, { width: inner - indent, lines: name.lines });
  const restText = addressText({ ...input.shipTo, name: '' }, { phone: true });
  const restTop = toTop + name.lines * name.height + d(1.5);
  const rest = fitDots(restText, inner - indent, toTop + d(46) - restTop, d(4.5), floor);
  zpl.text(margin + indent, restTop, rest.height, restText, { width: inner - indent, lines: rest.lines });
  const infoTop = toTop + d(48);
  zpl.box(margin, infoTop - d(1.5), inner, d(0.4), d(0.4));

  // Order, parcel n of m, weight; the tracking reference as QR on the right.
  const magnification = dpi === 203 ? 6 : 9;
  const qrX = zpl.widthDots - margin - d(30);
  zpl.qr(qrX, infoTop, magnification, input.trackingReference);
  zpl.text(qrX, infoTop + d(31), d(2.4), input.trackingReference, { width: d(30), lines: 2 });
  const facts: [string, string][] = [
    ['ORDER', input.orderNumber],
    ['PARCEL', `${input.parcel.index} of ${input.parcel.count}`],
    ['WEIGHT', kilograms(input.parcel.weightGrams)],
  ];
  let y = infoTop;
  for (const [label, value] of facts) {
    zpl.text(margin, y, d(2.2), label);
    const fitted = fitDots(value, qrX - margin - d(3), d(5), d(5), floor);
    zpl.text(margin, y + d(2.8), fitted.height, value, { width: qrX - margin - d(3), lines: fitted.lines });
    y += d(3.2) + fitted.lines * fitted.height;
  }
  const ssccTop = Math.max(y, infoTop + d(36)) + d(1);
  zpl.box(margin, ssccTop, inner, d(0.4), d(0.4));

  // SSCC in GS1-128, the lowest barcode, with its interpretation line.
  const moduleDots = dpi === 203 ? 4 : 6;
  const symbolDots = 156 * moduleDots;
  zpl.text(margin, ssccTop + d(1.5), d(2.2), 'SSCC');
  const barsTop = ssccTop + d(5);
  const hri = d(3.5);
  const barsHeight = zpl.heightDots - margin - hri - d(2) - barsTop;
  zpl.gs1128(Math.max(0, Math.round((zpl.widthDots - symbolDots) / 2)), barsTop, moduleDots, barsHeight, `00${input.sscc}`);
  zpl.text(margin, barsTop + barsHeight + d(1.5), hri, ssccText(input.sscc), { width: inner, lines: 1, align: 'C' });
  return { format: 'zpl', bytes: Buffer.from(zpl.source(), 'utf8'), replacedCharacters: [...new Set(zpl.replaced)] };
}
