import type { LabelSize, RenderedDocument } from '../../app/ports/documents';
import type { ShippingLabelInput } from '../../domain/documents';
import { addressText, kilograms } from '../address';
import { drawLinear, drawMatrix, moduleToFit } from '../barcodes/draw';
import { qrSymbol, ssccSymbol } from '../barcodes/symbols';
import { widthOf } from '../fonts/coverage';
import type { Faces } from '../fonts/faces';
import { PdfBuilder } from '../pdf/document';
import { drawFitted, fitText } from '../pdf/text-box';
import { ssccText } from '../../domain/barcode/sscc';

const MM = 72 / 25.4;

/** Page sizes in points (REFERENCE "Label printing": 4×6 in, A6 105×148 mm). */
export const LABEL_PAGE: Record<LabelSize, { width: number; height: number }> = {
  '4x6': { width: 4 * 72, height: 6 * 72 },
  a6: { width: 105 * MM, height: 148 * MM },
};

const MARGIN = 12;
/** Code 128 needs ten modules of white either side to scan. */
const QUIET_MODULES = 10;

/**
 * Packdesk's own shipping label as a PDF: ship-from and carrier at the top, ship-to, order and
 * parcel facts with the tracking QR, and the SSCC in GS1-128 as the lowest barcode (GS1 Logistic
 * Label Guideline). Every barcode is drawn as vector rectangles.
 */
export async function renderLabelPdf(faces: Faces, input: ShippingLabelInput, size: LabelSize): Promise<RenderedDocument> {
  const { width, height } = LABEL_PAGE[size];
  const pdf = new PdfBuilder(faces, `Label ${input.orderNumber} ${input.parcel.index}/${input.parcel.count}`);
  const page = pdf.addPage(width, height);
  const inner = width - 2 * MARGIN;
  const scale = height / 432;

  // Ship-from and carrier.
  const fromTop = MARGIN;
  const fromHeight = 58 * scale;
  const fromWidth = inner * 0.58;
  page.text(MARGIN, fromTop + 7, 'FROM', 6.5, 'bold');
  drawFitted(page, fitText(faces.regular, addressText(input.shipFrom), { width: fromWidth, height: fromHeight - 10 }, 7.5), MARGIN, fromTop + 10);
  const carrierX = MARGIN + fromWidth + 8;
  const carrierWidth = width - MARGIN - carrierX;
  drawFitted(page, fitText(faces.bold, input.carrier.toUpperCase(), { width: carrierWidth, height: 22 }, 16), carrierX, fromTop, 'bold');
  drawFitted(page, fitText(faces.regular, input.service, { width: carrierWidth, height: fromHeight - 26 }, 9), carrierX, fromTop + 26);
  const toTop = fromTop + fromHeight + 4;
  page.rect(MARGIN, toTop - 3, inner, 1.2);

  // Ship-to: the largest text on the label; shrinks and wraps for long addresses.
  const toHeight = 132 * scale;
  page.text(MARGIN, toTop + 9, 'TO', 8, 'bold');
  const nameFit = fitText(faces.bold, input.shipTo.name, { width: inner - 22, height: 34 }, 16);
  const nameHeight = drawFitted(page, nameFit, MARGIN + 22, toTop + 2, 'bold');
  const rest = addressText({ ...input.shipTo, name: '' }, { phone: true });
  drawFitted(page, fitText(faces.regular, rest, { width: inner - 22, height: toHeight - nameHeight - 6 }, 12), MARGIN + 22, toTop + nameHeight + 6);
  const infoTop = toTop + toHeight + 4;
  page.rect(MARGIN, infoTop - 3, inner, 1.2);

  // Order, parcel n of m, weight, and the tracking reference as QR.
  const qrSide = 84 * scale;
  const qr = qrSymbol(input.trackingReference);
  const qrModule = qrSide / qr.columns;
  drawMatrix(page, qr, width - MARGIN - qrSide, infoTop + 4, qrModule);
  const factsWidth = inner - qrSide - 12;
  const facts: [string, string, number][] = [
    ['ORDER', input.orderNumber, 14],
    ['PARCEL', `${input.parcel.index} of ${input.parcel.count}`, 14],
    ['WEIGHT', kilograms(input.parcel.weightGrams), 12],
  ];
  let factTop = infoTop + 4;
  for (const [label, value, valueSize] of facts) {
    page.text(MARGIN, factTop + 6, label, 6.5, 'bold');
    const fitted = fitText(faces.bold, value, { width: factsWidth, height: valueSize * 1.2 }, valueSize);
    factTop += 8 + drawFitted(page, fitted, MARGIN, factTop + 7, 'bold') + 2;
  }
  const tracking = fitText(faces.regular, input.trackingReference, { width: qrSide + 20, height: 9 }, 7);
  drawFitted(page, tracking, width - MARGIN - qrSide, infoTop + 8 + qrSide);
  const ssccTop = Math.max(factTop, infoTop + qrSide + 20) + 2;
  page.rect(MARGIN, ssccTop - 3, inner, 1.2);

  // SSCC, lowest on the label, with its human-readable line under the bars.
  const symbol = ssccSymbol(input.sscc);
  const module = moduleToFit(symbol, inner - 2 * QUIET_MODULES * 1.6, 0.94 * MM);
  const symbolWidth = symbol.widthModules * module;
  const hriSize = 10;
  const barsTop = ssccTop + 12;
  const barsHeight = height - MARGIN - barsTop - hriSize - 6;
  page.text(MARGIN, ssccTop + 7, 'SSCC', 6.5, 'bold');
  drawLinear(page, symbol, (width - symbolWidth) / 2, barsTop, module, barsHeight);
  const hri = ssccText(input.sscc);
  page.text((width - widthOf(faces.bold, hri, hriSize)) / 2, barsTop + barsHeight + hriSize + 2, hri, hriSize, 'bold');

  return { format: 'pdf', bytes: await pdf.save(), replacedCharacters: pdf.replacedCharacters() };
}
