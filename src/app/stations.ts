import { PRINTED_DOCUMENT_KINDS } from '../contract/printing';
import type { StationRepository, Store } from './ports';
import type { PrinterProfile, PrinterProfileRepository } from './ports/printing';

/** A station as it is added: what the repository writes, its settings left out taking their defaults. */
export type NewStation = Parameters<StationRepository['upsert']>[0];

export type StationPrinters = Pick<PrinterProfileRepository, 'list' | 'set'>;

/**
 * The printers a station starts with: every document goes to the station's own PDF folder
 * (`<data>/printed/<station>/`), as PDF, so a newcomer opens the label of their first order at
 * once and the barcodes on it scan from the screen. A manager replaces them in Settings → Printers.
 */
export function defaultPrinterProfiles(stationId: string): PrinterProfile[] {
  return PRINTED_DOCUMENT_KINDS.map((documentKind) => ({ stationId, documentKind, printerKind: 'pdf_folder', target: stationId, format: 'pdf', raw: false }));
}

/** A station with no printer profile at all gets the default ones; one with any keeps what it has. */
export function giveDefaultPrinters(printers: StationPrinters, stationId: string): void {
  if (printers.list(stationId).length > 0) return;
  for (const profile of defaultPrinterProfiles(stationId)) printers.set(profile);
}

/**
 * The one way a station comes to be, whoever adds it (the demo's stations, a station named with
 * `--station` that the folder does not have yet, the first station of an empty folder): its row
 * and its default printers in one transaction, so it prints from its first start.
 */
export function addStation(store: Pick<Store, 'stations' | 'transaction'>, printers: StationPrinters, station: NewStation): void {
  store.transaction(() => {
    store.stations.upsert(station);
    giveDefaultPrinters(printers, station.id);
  });
}
