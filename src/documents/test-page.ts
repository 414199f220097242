import type { DocumentFormat, RenderedDocument } from '../app/ports/documents';
import type { TestPageInput } from '../domain/documents';
import { drawLinear, moduleToFit } from './barcodes/draw';
import { code128Symbol } from './barcodes/symbols';
import type { Faces } from './fonts/faces';
import { LABEL_PAGE } from './label/pdf-label';
import { PdfBuilder } from './pdf/document';
import { ZplWriter } from './zpl/zpl-writer';

/** What the test page's barcode says; scanning it proves the printer and the scanner agree. */
export const TEST_CODE = 'PACKDESK-TEST';

/** EPL2 strings are in double quotes; a quote or backslash inside is escaped with a backslash. */
function eplText(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').replace(/(["\\])/g, '\\$1');
}

/**
 * A small test page in the printer's own language, label-sized so it suits label and office
 * printers alike: printer name, station, time, the Polish pangram and a Code 128.
 */
export async function renderTestPage(faces: Faces, input: TestPageInput, format: DocumentFormat): Promise<RenderedDocument> {
  const lines = [`Printer: ${input.printer}`, `Station: ${input.station}`, `Time: ${input.at}`, 'Zażółć gęślą jaźń'];
  if (format === 'zpl') {
    const zpl = new ZplWriter(812, 1218);
    zpl.text(40, 40, 60, 'Packdesk test page');
    lines.forEach((line, i) => zpl.text(40, 130 + i * 50, 36, line));
    zpl.code128(40, 400, 3, 160, TEST_CODE);
    return { format, bytes: Buffer.from(zpl.source(), 'utf8'), replacedCharacters: [...new Set(zpl.replaced)] };
  }
  if (format === 'epl') {
    const epl = ['', 'N', 'q812', 'Q1218,24', 'A40,40,0,4,2,2,N,"Packdesk test page"'];
    lines.forEach((line, i) => epl.push(`A40,${130 + i * 50},0,3,1,1,N,"${eplText(line)}"`));
    epl.push(`B40,400,0,1,3,6,160,B,"${TEST_CODE}"`, 'P1', '');
    return { format, bytes: Buffer.from(epl.join('\n'), 'latin1'), replacedCharacters: [] };
  }
  const pdf = new PdfBuilder(faces, 'Packdesk test page');
  const { width, height } = LABEL_PAGE['4x6'];
  const page = pdf.addPage(width, height);
  page.text(18, 40, 'Packdesk test page', 18, 'bold');
  lines.forEach((line, i) => page.text(18, 70 + i * 18, line, 11));
  const symbol = code128Symbol(TEST_CODE);
  drawLinear(page, symbol, 24, 170, moduleToFit(symbol, width - 48, 1.6), 80);
  page.text(24, 266, TEST_CODE, 10);
  return { format, bytes: await pdf.save(), replacedCharacters: pdf.replacedCharacters() };
}
