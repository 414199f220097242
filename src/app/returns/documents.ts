/**
 * The returns desk's documents: the returns receipt (A4, or on label stock where the station has a
 * receipt label printer) and a label per item sent to refurbishment or scrap. Each is rendered
 * outside any transaction, then kept and queued for its printer in one transaction with its
 * journal entry (`returns.document`), like the documents of a completed order.
 *
 * Deciding a return prints them after its transaction has committed: the decision never waits for
 * or fails on a printer. A crash between the two loses only the printout, which
 * `returns.receipt.print` makes again from what was recorded.
 */
import type { DocumentKind, DocumentRenderer, LabelSettingsRepository, RenderedDocument } from '../ports/documents';
import type { PrinterProfileRepository } from '../ports/printing';
import type { ReturnItemRecord, ReturnRecord } from '../ports/returns';
import type { Order } from '../../domain/order';
import type { ReturnItemLabelInput, ReturnsReceiptInput } from '../../domain/documents';
import type { StationPrinting } from '../documents/printing';
import type { ReturnsDeps } from './deps';
import { nameOf } from './views';

export interface ReturnDocumentsPorts {
  renderer: DocumentRenderer;
  labelSettings: LabelSettingsRepository;
  profiles: PrinterProfileRepository;
  printingFor(stationId: string): StationPrinting;
}

/** a4: the A4 receipt; label: the receipt on label stock; auto: on label stock where the station has a printer for it, else A4. */
export type ReceiptForm = 'auto' | 'a4' | 'label';

export interface PrintedReturnDocument {
  kind: DocumentKind;
  format: 'pdf' | 'zpl' | 'epl';
  documentId: number;
  sha256: string;
  /** Null when no printer at the station takes it: it is kept, and `reason` says why. */
  printJobId: number | null;
  reason: string | null;
}

/** Items that leave the shelf's path get a label saying what they are and where they came from. */
export const LABELLED_DISPOSITIONS = new Set(['refurbish', 'scrap']);

/** "2026-12-01 10:15" on the station's calendar. */
function localTime(iso: string, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

export function receiptInput(
  deps: Pick<ReturnsDeps, 'store'>,
  ports: ReturnDocumentsPorts,
  record: ReturnRecord,
  order: Order,
  items: ReturnItemRecord[],
): ReturnsReceiptInput {
  const settings = ports.labelSettings.get();
  return {
    shop: settings
      ? { name: settings.shopName, address: settings.shipFrom, returnPolicy: settings.returnPolicy }
      : { name: 'Packdesk', address: { ...order.shipTo, name: 'Packdesk' }, returnPolicy: '' },
    returnNumber: record.number,
    orderNumber: order.number,
    receivedAt: localTime(record.receivedAt, record.timeZone),
    handler: nameOf(deps, record.handlerId),
    customer: order.shipTo,
    lines: items.map((i) => ({
      sku: i.sku ?? i.scannedCode ?? '?',
      name: i.name ?? (i.condition === 'wrong_item' ? 'Item we did not ship' : ''),
      quantity: i.quantity,
      condition: i.condition ?? 'not graded',
      disposition: i.disposition ?? '-',
      serial: i.serial,
    })),
    note: record.note,
  };
}

export function itemLabelInputs(ports: ReturnDocumentsPorts, record: ReturnRecord, order: Order, items: ReturnItemRecord[]): ReturnItemLabelInput[] {
  const labelled = items.filter((i) => i.disposition !== null && LABELLED_DISPOSITIONS.has(i.disposition));
  const shopName = ports.labelSettings.get()?.shopName ?? 'Packdesk';
  return labelled.map((i, n) => ({
    shopName,
    returnNumber: record.number,
    orderNumber: order.number,
    sku: i.sku ?? i.scannedCode ?? '?',
    name: i.name ?? '',
    quantity: i.quantity,
    serial: i.serial,
    condition: i.condition ?? 'not graded',
    disposition: i.disposition ?? '-',
    reasonCode: i.reasonCode,
    index: n + 1,
    count: labelled.length,
  }));
}

/**
 * Renders and prints the receipt (when `form` is given) and the item labels (when `itemLabels`)
 * at a station, each in the format of the printer set up for its kind (ZPL at 203 dpi, else PDF).
 */
export async function printReturnDocuments(
  deps: Pick<ReturnsDeps, 'store' | 'journal'>,
  ports: ReturnDocumentsPorts,
  request: {
    stationId: string;
    actorId: number | null;
    record: ReturnRecord;
    order: Order;
    items: ReturnItemRecord[];
    form: ReceiptForm | null;
    itemLabels: boolean;
  },
): Promise<PrintedReturnDocument[]> {
  const { stationId, record, order, items } = request;
  const formatOf = (kind: DocumentKind) => ports.profiles.forDocument(stationId, kind)?.format ?? 'pdf';
  const made: { kind: DocumentKind; rendered: RenderedDocument }[] = [];
  if (request.form !== null) {
    const input = receiptInput(deps, ports, record, order, items);
    const onLabel = request.form === 'label' || (request.form === 'auto' && ports.profiles.forDocument(stationId, 'returns_receipt_label') !== null);
    if (onLabel) {
      const rendered =
        formatOf('returns_receipt_label') === 'zpl'
          ? ports.renderer.returnsReceiptLabelZpl(input, 203)
          : await ports.renderer.returnsReceiptLabelPdf(input, '4x6');
      made.push({ kind: 'returns_receipt_label', rendered });
    } else {
      made.push({ kind: 'returns_receipt', rendered: await ports.renderer.returnsReceipt(input) });
    }
  }
  if (request.itemLabels) {
    const zpl = formatOf('return_item_label') === 'zpl';
    for (const input of itemLabelInputs(ports, record, order, items)) {
      made.push({ kind: 'return_item_label', rendered: zpl ? ports.renderer.returnItemLabelZpl(input, 203) : await ports.renderer.returnItemLabelPdf(input) });
    }
  }
  const printing = ports.printingFor(stationId);
  return deps.store.transaction(() =>
    made.map(({ kind, rendered }) => {
      const result = printing.print(kind, rendered, { orderNumber: order.number });
      const printed: PrintedReturnDocument = {
        kind,
        format: rendered.format,
        documentId: result.document.id,
        sha256: result.document.sha256,
        printJobId: result.job?.id ?? null,
        reason: result.reason,
      };
      deps.journal.append({
        type: 'returns.document',
        stationId,
        actorId: request.actorId,
        subject: { kind: 'order', id: order.number },
        payload: { returnNumber: record.number, ...printed },
      });
      return printed;
    }),
  );
}
