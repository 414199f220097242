import type { ScalePort, ScannerPort } from './devices';
import type { DocumentPorts } from './document-requests';
import type { Journal } from './journal';
import type { PackingRepository } from './packing';
import type { Store } from './store';
import type { SyncPorts } from './backend';
import type { CarrierPorts } from './carriers';
import type { Secrets } from './secrets';
import type { ReviewPorts, VideoPorts } from './video';
import type { PhotoFiles, ReturnsRepository } from './returns';
import type { CentralConsoleLink } from './central-console';
import type { StatisticsPorts } from './statistics';
import type { CentralLeaseBook, CentralLink } from './central';
import type { CentralFilesLink } from './central-files';

export * from './devices';
export * from './document-requests';
export * from './journal';
export * from './packing';
export * from './store';
export * from './backend';
export type { Secrets } from './secrets';
export * from './video';
export * from './returns';
export * from './statistics';

export interface Clock {
  now(): Date;
}

export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Everything the core needs from the platform; hosts build these and call createStation. */
export interface StationPorts {
  store: Store;
  journal: Journal;
  packing: PackingRepository;
  /** Scanners the core reads itself (HID POS); wedge scans arrive through the contract instead. */
  scanners: ScannerPort[];
  /** The station's scale, or null at a station without one. */
  scale: ScalePort | null;
  /** Documents owed on completion, the archive, printer profiles and the print queue. */
  documents: DocumentPorts;
  /**
   * The shop sync: outbox, order links, settings and the backend adapters. What a completed order
   * sets off (documents, the shop's outbox, carrier labels, the video check) is createStation's to
   * compose from these ports; hosts pass adapters, never handlers.
   */
  sync: SyncPorts;
  /**
   * Carrier shipments: the durable queue and which carrier an order goes with. Absent where the
   * station holds no carrier account: labels are then the shop's or ours.
   */
  carriers?: CarrierPorts;
  /** Seals the shop's token or password at rest. */
  secrets: Secrets;
  /** Packing video (segments, clip files, QR); absent where a host keeps no video. */
  video?: VideoPorts;
  /** The returns desk: its tables and the photos from the station camera. */
  returns: { repository: ReturnsRepository; photos: PhotoFiles };
  /** Review lookups, chain checks and evidence export; absent in hosts without a manager screen. */
  review?: ReviewPorts;
  /** Packer statistics (journal and order reads, payroll files); absent in hosts that keep none. */
  statistics?: StatisticsPorts;
  /** Central, when this station is attached to one (`packdesk serve --central URL`); absent for a station on its own. */
  central?: {
    link: CentralLink;
    book: CentralLeaseBook;
    stationId: string;
    leaseBatch: number;
    /** The manager console's reads of every station at central. */
    console?: CentralConsoleLink;
    /** Moves clips and labels between this station and central (absent: none move). */
    files?: CentralFilesLink;
  };
  clock: Clock;
  logger: Logger;
  /** The station this process runs as when a caller does not name one. */
  stationId: string;
  version: string;
}
export type {
  CentralLeaseBook,
  CentralLink,
  CentralSchema,
  CentralStations,
  ClaimOutcome,
  Reached,
  OrderClaims,
  OrderLease,
  RegisteredStation,
  RequestNonces,
} from './central';
