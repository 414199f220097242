import type { StationPrinting } from '../documents/printing';
import type { ShopLabelSink } from '../ports/backend';

/** A label the shop bought from a carrier goes into the archive and to the label printer, like our own. */
export function shopLabelsTo(printing: StationPrinting): ShopLabelSink {
  return (label, links) => {
    const result = printing.print('carrier_label', { format: label.format, bytes: label.bytes }, links);
    return { documentId: result.document.id, printJobId: result.job?.id ?? null, reason: result.reason };
  };
}
