import type { DocumentRenderer } from '../app/ports/documents';
import { loadFaces } from './fonts/faces';
import { renderLabelPdf } from './label/pdf-label';
import { renderManifest } from './manifest/manifest-pdf';
import { renderReturnItemLabelPdf, renderReturnsReceiptLabelPdf } from './receipt/returns-labels';
import { renderReturnItemLabelZpl, renderReturnsReceiptLabelZpl } from './receipt/returns-labels-zpl';
import { renderReturnsReceipt } from './receipt/returns-receipt';
import { renderPackingSlip } from './slip/packing-slip';
import { renderTestPage } from './test-page';
import { renderCodeCard, renderCodeCardLabel } from './code-card';
import { renderCodeCardZpl } from './zpl/code-card-zpl';
import { renderLabelZpl } from './zpl/zpl-label';

/** The DocumentRenderer port over pdf-lib and bwip-js, with fonts from assets/fonts (or `fontsDir`). */
export function createDocumentRenderer(options: { fontsDir?: string } = {}): DocumentRenderer {
  const faces = () => loadFaces(options.fontsDir);
  return {
    labelPdf: async (input, size) => renderLabelPdf(await faces(), input, size),
    labelZpl: (input, dpi) => renderLabelZpl(input, dpi),
    packingSlip: async (input) => renderPackingSlip(await faces(), input),
    manifest: async (input) => renderManifest(await faces(), input),
    returnsReceipt: async (input) => renderReturnsReceipt(await faces(), input),
    returnsReceiptLabelPdf: async (input, size) => renderReturnsReceiptLabelPdf(await faces(), input, size),
    returnsReceiptLabelZpl: (input, dpi) => renderReturnsReceiptLabelZpl(input, dpi),
    returnItemLabelPdf: async (input) => renderReturnItemLabelPdf(await faces(), input),
    returnItemLabelZpl: (input, dpi) => renderReturnItemLabelZpl(input, dpi),
    testPage: async (input, format) => renderTestPage(await faces(), input, format),
    codeCard: async (input) => renderCodeCard(await faces(), input),
    cardLabelPdf: async (input) => renderCodeCardLabel(await faces(), input),
    cardLabelZpl: (input, dpi) => renderCodeCardZpl(input, dpi),
  };
}
