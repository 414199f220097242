/**
 * The packing slip as it stands now: made from what was packed, with the carriers' tracking
 * numbers known at the moment it is rendered. The slip is made at completion, usually before a
 * carrier has answered; a slip printed again later (a reprint, or a kept slip sent to a printer
 * after all) is made again when what it says has changed since, so it carries the numbers that
 * came after completion. The slip as first made stays in the archive.
 */
import type { Store } from '../ports';
import type { DocumentPorts, DocumentRequestItem } from '../ports/document-requests';
import type { RenderedDocument, StoredDocument } from '../ports/documents';
import { slipInput } from './inputs';

export class DocumentUnavailable extends Error {}

type SlipPorts = Pick<DocumentPorts, 'requests' | 'renderer' | 'labelSettings' | 'carrierLabels'>;

/** The slip an owed item stands for, with the tracking numbers known now. */
export async function renderSlip(ports: SlipPorts, store: Pick<Store, 'orders'>, item: DocumentRequestItem): Promise<RenderedDocument> {
  const settings = ports.labelSettings.get();
  if (!settings) throw new DocumentUnavailable('Label settings are not set up: a manager enters the shop address and GS1 company prefix');
  const order = store.orders.byId(item.orderId);
  if (!order) throw new DocumentUnavailable(`Order ${item.orderNumber} is no longer in the station database`);
  const packed = ports.requests.packedOrder(item.requestId);
  return ports.renderer.packingSlip(slipInput(packed, order, settings, ports.carrierLabels?.tracking?.(item.orderNumber) ?? []));
}

/**
 * The owed slip a kept slip was made for: the one whose document it is or, for a slip already
 * made again, the newest of its order made before it (a later packing of the order makes later ones).
 */
function itemOf(ports: SlipPorts, document: StoredDocument): DocumentRequestItem | null {
  if (document.kind !== 'packing_slip' || document.orderNumber === null) return null;
  const slips = ports.requests.forOrder(document.orderNumber).filter((i) => i.kind === 'packing_slip' && i.documentId !== null && i.documentId <= document.id);
  return slips.reduce<DocumentRequestItem | null>((newest, i) => (newest === null || i.documentId! > newest.documentId! ? i : newest), null);
}

/**
 * A kept packing slip made again with what is known now, when that differs from what was kept
 * (rendering is deterministic, so equal bytes mean nothing changed); null when the kept slip is
 * still right, or is not one the station can make again.
 */
export async function slipMadeAgain(
  ports: SlipPorts & Pick<DocumentPorts, 'archive'>,
  store: Pick<Store, 'orders'>,
  document: StoredDocument,
): Promise<RenderedDocument | null> {
  const item = itemOf(ports, document);
  if (!item) return null;
  let fresh: RenderedDocument;
  try {
    fresh = await renderSlip(ports, store, item);
  } catch (error) {
    // What was kept can still be printed as it is.
    if (error instanceof DocumentUnavailable) return null;
    throw error;
  }
  const kept = ports.archive.read(document.id);
  return fresh.format === document.format && Buffer.from(kept).equals(Buffer.from(fresh.bytes)) ? null : fresh;
}
