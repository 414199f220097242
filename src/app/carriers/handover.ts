/**
 * The end-of-day handover to one carrier: the carrier closes the day for the parcels labelled and
 * not yet handed over (InPost's dispatch-order printout, e-Nadawca's sender's book, DPD's
 * protocol, our manifest for our own transport), the document is kept and printed, and the
 * parcels it covers are locked in the day's manifest. A parcel labelled after closing is not in
 * it: it goes to the next handover.
 */
import { StationFailure } from '../../contract/errors';
import type { StationPrinting } from '../documents/printing';
import type { Clock, Journal, Store } from '../ports';
import { CarrierFailure, type CarrierKind, type CarrierPorts } from '../ports/carriers';
import type { LabelSettingsRepository } from '../ports/documents';

export interface HandoverDeps {
  store: Store;
  journal: Journal;
  clock: Clock;
  stationId: string;
  carriers: CarrierPorts;
  labelSettings: Pick<LabelSettingsRepository, 'get'>;
  printing: StationPrinting;
}

export interface HandoverResult {
  carrier: CarrierKind;
  manifestNumber: string;
  /** The carrier's number of the handover (dispatch order, envelope, protocol), or null. */
  carrierNumber: string | null;
  parcels: { orderNumber: string; parcelNo: number; trackingNumber: string }[];
  documentId: number;
  printJobId: number | null;
  /** Why the document did not go to a printer, or null. */
  notPrinted: string | null;
}

/** Closes the carrier's day (YYYY-MM-DD) for everything labelled and not handed over yet. */
export async function closeCarrierDay(deps: HandoverDeps, kind: CarrierKind, date: string, actorId: number | null = null): Promise<HandoverResult> {
  const carrier = deps.carriers.carrierFor(kind);
  if (!carrier)
    throw new StationFailure('VALIDATION_FAILED', `There is no ${kind} carrier account to close the day with; set one up first.`, { carrier: kind });
  const sender = deps.labelSettings.get()?.shipFrom;
  if (!sender) throw new StationFailure('VALIDATION_FAILED', 'The sender address is not set up (Settings → Labels).');
  const open = deps.carriers.shipments.awaitingHandover(kind);
  if (open.length === 0) throw new StationFailure('VALIDATION_FAILED', `There is no ${kind} parcel waiting to be handed over.`, { carrier: kind });
  let handover;
  try {
    handover = await carrier.closeDay({ shipmentIds: open.map((s) => s.shipmentId!), date, sender, pickup: null });
  } catch (error) {
    if (error instanceof CarrierFailure) throw new StationFailure('VALIDATION_FAILED', error.message, { carrier: kind, key: error.key }, { cause: error });
    throw error;
  }
  // Only what the carrier's document covers is locked; the rest waits for the next handover.
  const covered = open.filter((s) => handover.shipmentIds.includes(s.shipmentId!));
  const at = deps.clock.now().toISOString();
  return deps.store.transaction(() => {
    const manifest = deps.carriers.manifests.openFor(kind, date, at);
    for (const s of covered) {
      deps.carriers.manifests.addParcel(
        manifest.id,
        {
          trackingNumber: s.trackingNumber ?? s.shipmentId!,
          orderNumber: s.orderNumber,
          parcelIndex: s.parcelNo,
          sscc: null,
          weightGrams: s.request.parcel.weightGrams,
          shipTo: { name: s.request.receiver.name, postcode: s.request.receiver.postcode, city: s.request.receiver.city, country: s.request.receiver.country },
        },
        at,
      );
    }
    const closed = deps.carriers.manifests.close(manifest.id, at);
    deps.carriers.shipments.markHandedOver(
      covered.map((s) => s.id),
      manifest.id,
      at,
    );
    const printed = deps.printing.print('manifest', handover.document, { manifestNumber: closed.number });
    deps.journal.append({
      type: 'carrier.handover',
      stationId: deps.stationId,
      actorId,
      subject: { kind: 'manifest', id: closed.number },
      payload: {
        carrier: kind,
        date,
        carrierNumber: handover.number,
        parcels: covered.length,
        documentId: printed.document.id,
        sha256: printed.document.sha256,
      },
    });
    return {
      carrier: kind,
      manifestNumber: closed.number,
      carrierNumber: handover.number,
      parcels: covered.map((s) => ({ orderNumber: s.orderNumber, parcelNo: s.parcelNo, trackingNumber: s.trackingNumber ?? s.shipmentId! })),
      documentId: printed.document.id,
      printJobId: printed.job?.id ?? null,
      notPrinted: printed.reason,
    };
  });
}
