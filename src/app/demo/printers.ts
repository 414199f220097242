import { PRINTED_DOCUMENT_KINDS } from '../../contract/printing';
import type { PrinterProfile } from '../ports/printing';

/**
 * The demo's printers: every document of a station goes to its own PDF folder
 * (`<data>/printed/<station>/`), as PDF, so a newcomer opens the label of their first order at
 * once and the barcodes on it scan from the screen. A manager replaces them in Settings → Printers.
 */
export function demoPrinterProfiles(stationId: string): PrinterProfile[] {
  return PRINTED_DOCUMENT_KINDS.map((documentKind) => ({ stationId, documentKind, printerKind: 'pdf_folder', target: stationId, format: 'pdf', raw: false }));
}
